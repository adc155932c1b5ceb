#pragma once

#include "DetectionRule.h"
#include "LiteralSet.h"

#include <memory>
#include <utility>
#include <vector>

namespace cg {

class NormalizedText;

// Every rule's trigger words (DetectionRule::triggerWords()), found by one walk
// over each message: over the working text of an ASCII message (or one whose
// letters are all ASCII) with the words as they can be written in ASCII, over the
// case-folded working text of any other message with the case-folded words.
class TriggerWords final
{
public:
    // `words`: each word with the trigger it stands for.
    explicit TriggerWords(const std::vector<std::pair<int, DetectionRule::TriggerWord>> &words);

    // Appends to `hits` the triggers whose word occurs in `text`; all of them when
    // the words did not fit in a LiteralSet (then every rule with words runs:
    // slower, never wrong).
    void match(const NormalizedText &text, std::vector<int> &hits) const;

private:
    std::vector<int> m_all;
    std::unique_ptr<LiteralSet> m_ascii;
    std::vector<int> m_triggerOfAscii; // literal of m_ascii -> trigger
    std::unique_ptr<LiteralSet> m_folded;
    std::vector<int> m_triggerOfFolded;
    bool m_asciiServesLetterlessText = false;
};

} // namespace cg
