#pragma once

#include "DetectedSpan.h"

namespace cg {

class NormalizedText;

// One family of contact details (phones, e-mails, later messenger IDs, links, ...).
// A rule reports every candidate it believes in, with its confidence; the Detector
// resolves overlaps between rules and applies the confidence threshold, so rules
// stay independent of each other. Implementations must be immutable after
// construction: find() runs concurrently from many threads.
class DetectionRule
{
public:
    virtual ~DetectionRule() = default;

    virtual void find(const NormalizedText &text, DetectedSpans &out) const = 0;
};

} // namespace cg
