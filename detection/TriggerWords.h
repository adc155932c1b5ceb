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

    // Where the located words (TriggerWord::located) occur in a text's working
    // copy: every occurrence, in no particular order. `complete` is false when
    // the list may miss some: the message was walked case-folded (its letters
    // are not all ASCII), or had more than LiteralSet::Places::most of them.
    struct Place
    {
        int trigger;
        std::size_t start;
        std::size_t end;
    };
    struct Places
    {
        std::vector<Place> list;
        bool complete = false;
    };

    // Appends to `hits` the triggers whose word occurs in `text`; all of them when
    // the words did not fit in a LiteralSet (then every rule with words runs:
    // slower, never wrong). With `places`, also sets it to where the located
    // words are.
    void match(const NormalizedText &text, std::vector<int> &hits, Places *places = nullptr) const;

private:
    std::vector<int> m_all;
    std::unique_ptr<LiteralSet> m_ascii;
    std::vector<int> m_triggerOfAscii; // literal of m_ascii -> trigger
    std::unique_ptr<LiteralSet> m_folded;
    std::vector<int> m_triggerOfFolded;
    bool m_asciiServesLetterlessText = false;
};

} // namespace cg
