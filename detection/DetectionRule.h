#pragma once

#include "DetectedSpan.h"

#include <string>
#include <vector>

namespace cg {

class NormalizedText;

// One family of contact details (phones, e-mails, links, handles, ...). A rule
// reports every candidate it believes in, with its confidence; the Detector
// applies context words, resolves overlaps between rules and applies the
// confidence threshold, so rules stay independent of each other.
//
// The Detector runs the triggers of all rules as one RE2::Set over the text and
// calls find() only for rules with a trigger that matched, passing which ones.
// Implementations must be immutable after construction: find() runs
// concurrently from many threads.
class DetectionRule
{
public:
    virtual ~DetectionRule() = default;

    // RE2 patterns (UTF-8, matched anywhere) of which at least one matches
    // whenever find() can report something.
    virtual std::vector<std::string> triggers() const = 0;

    // True for a rule that gates itself: find() then runs for every message, with
    // whichever of its triggers matched (possibly none).
    virtual bool runsOnEveryMessage() const { return false; }

    // `fired`: indices into triggers() that matched, in increasing order.
    virtual void find(const NormalizedText &text, const std::vector<int> &fired,
                      DetectedSpans &out) const = 0;
};

} // namespace cg
