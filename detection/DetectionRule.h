#pragma once

#include "DetectedSpan.h"

#include <bitset>
#include <string>
#include <string_view>
#include <vector>

namespace cg {

class NormalizedText;

// One family of contact details (phones, e-mails, links, handles, ...). A rule
// reports every candidate it believes in, with its confidence; the Detector
// applies context words, resolves overlaps between rules and applies the
// confidence threshold, so rules stay independent of each other.
//
// The Detector runs the trigger patterns of all rules as one RE2::Set over the
// text, finds their trigger words with one walk (TriggerWords), and calls find()
// only for rules with a trigger that matched, passing which ones.
// Implementations must be immutable after construction: find() runs
// concurrently from many threads.
class DetectionRule
{
public:
    virtual ~DetectionRule() = default;

    // RE2 patterns (UTF-8, matched anywhere) of which at least one matches, or a
    // trigger word occurs, whenever find() can report something.
    virtual std::vector<std::string> triggers() const = 0;

    // Words found like RE2's (?i) would find them, and more: ASCII letters in
    // either case, and any case-folded letter in messages beyond ASCII; also
    // where a look-alike digit or symbol stands for a letter ("wh4ts@pp"). Words
    // are cheaper to look for than patterns: every rule's are found by one walk
    // over the message, where RE2 would have to build DFA states for them.
    struct TriggerWord
    {
        std::string word; // UTF-8
        // In ASCII messages, the byte right before the word may not be one of
        // `notBefore`, nor the first byte after it that is not one of `skipAfter`
        // one of `notAfter` ("wa" for WhatsApp, not inside "was"). Bytes beyond
        // ASCII always may be.
        std::bitset<256> notBefore;
        std::bitset<256> notAfter;
        std::bitset<256> skipAfter;
        // Whether the walk also says where the word is (TriggerWords::Places).
        bool located = false;
        // Whether an ASCII message must hold the word as written, case and all
        // (others are walked case-folded, so there any case may).
        bool exactCase = false;
    };
    // Trigger words, numbered after triggers() in `fired`.
    virtual std::vector<TriggerWord> triggerWords() const { return {}; }

    // For TriggerWord's edges: `bytes` as a set, and RE2's \w ([0-9A-Za-z_]).
    static std::bitset<256> bytesOf(std::string_view bytes)
    {
        std::bitset<256> set;
        for (char c : bytes)
            set.set(static_cast<unsigned char>(c));
        return set;
    }
    static std::bitset<256> wordBytes()
    {
        return bytesOf("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_");
    }

    // True for a rule that gates itself: find() then runs for every message, with
    // whichever of its triggers matched (possibly none).
    virtual bool runsOnEveryMessage() const { return false; }

    // `fired`: indices into triggers() that matched, in increasing order.
    virtual void find(const NormalizedText &text, const std::vector<int> &fired,
                      DetectedSpans &out) const = 0;
};

} // namespace cg
