#include "TriggerWords.h"

#include "AsciiPattern.h"
#include "NormalizedText.h"

#include <QString>

#include <algorithm>
#include <optional>
#include <string_view>

namespace cg {

namespace {

// `word` when it is all ASCII.
std::optional<std::string> asciiOnly(std::string word)
{
    if (std::any_of(word.begin(), word.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }))
        return std::nullopt;
    return word;
}

// A word as it can occur in ASCII text when case is folded, or nothing when it
// cannot: ASCII words, and words with the two letters that fold to ASCII ones
// (the long s and the Kelvin sign).
std::optional<std::string> asciiForm(std::string word)
{
    for (const auto &[letter, ascii] : {std::pair<std::string_view, char>{"\u017F", 's'}, {"\u212A", 'k'}}) {
        for (std::size_t at = word.find(letter); at != std::string::npos; at = word.find(letter, at + 1))
            word.replace(at, letter.size(), 1, ascii);
    }
    return asciiOnly(std::move(word));
}

// `text` (UTF-8) with Unicode simple case folding applied.
std::string caseFolded(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size())).toCaseFolded().toStdString();
}

// Whether `utf8` holds a character beyond ASCII that is neither letter, number nor
// mark (narrowedPatternsAgreeOn()).
bool hasNonAsciiNonLetter(std::string_view utf8)
{
    const QList<uint> codePoints = QString::fromUtf8(utf8.data(), qsizetype(utf8.size())).toUcs4();
    return std::any_of(codePoints.begin(), codePoints.end(),
                       [](uint c) { return c >= 0x80 && narrowedPatternsAgreeOn(char32_t(c)); });
}

// A word longer than kLongestWord bytes is looked for by its first kLongestWord
// bytes, whatever follows them. The walk reads four stretches of a message at once
// only if it is eight times as long as the longest word (LiteralSet::match()), and
// half the chat messages are under 200 bytes; the longest words were 33 bytes.
// Words that long are rare, so their triggers seldom fire more (a trigger only
// lets a rule look): 10 to 15 ms a pass.
constexpr std::size_t kLongestWord = 12;

LiteralSet::Literal cutShort(LiteralSet::Literal literal)
{
    if (literal.text.size() > kLongestWord) {
        literal.text.resize(kLongestWord);
        literal.notAfter.reset();
        literal.skipAfter.reset();
    }
    return literal;
}

} // namespace

TriggerWords::TriggerWords(const std::vector<std::pair<int, DetectionRule::TriggerWord>> &words)
{
    if (words.empty())
        return;
    std::vector<LiteralSet::Literal> ascii;
    std::vector<LiteralSet::Literal> folded;
    LiteralSet::ByteSet beyondAscii;
    for (int byte = 0x80; byte < 0x100; ++byte)
        beyondAscii.set(std::size_t(byte));
    m_asciiServesLetterlessText = true;
    for (const auto &[trigger, word] : words) {
        m_all.push_back(trigger);
        // A word with a character beyond ASCII that is no letter could occur in a
        // message whose letters are all ASCII; a neighbour beyond ASCII could rule a
        // word out there. Neither is so for the built-in words.
        if (hasNonAsciiNonLetter(word.word) || (word.notBefore & beyondAscii).any()
            || (word.notAfter & beyondAscii).any())
            m_asciiServesLetterlessText = false;
        // A word kept in its case that is not ASCII cannot occur in these messages.
        const std::optional<std::string> form = word.exactCase ? asciiOnly(word.word) : asciiForm(word.word);
        if (form) {
            // A located word is kept whole: where it ends is part of the answer.
            LiteralSet::Literal literal{*form, word.notBefore, word.notAfter, word.skipAfter, word.located,
                                        word.exactCase};
            ascii.push_back(word.located ? literal : cutShort(literal));
            m_triggerOfAscii.push_back(trigger);
        }
        // Where a word stands is checked in ASCII messages only: a case-folded
        // message can differ in length from the working text, and a neighbour
        // that folds into a letter ("K") must not hide the word.
        folded.push_back(cutShort({caseFolded(word.word), {}, {}, {}}));
        m_triggerOfFolded.push_back(trigger);
    }
    m_ascii = std::make_unique<LiteralSet>(ascii, LiteralSet::LookAlikes::Yes);
    m_folded = std::make_unique<LiteralSet>(folded, LiteralSet::LookAlikes::Yes);
}

void TriggerWords::match(const NormalizedText &text, std::vector<int> &hits, Places *places) const
{
    if (places != nullptr) {
        places->list.clear();
        places->complete = false;
    }
    if (m_all.empty()) {
        if (places != nullptr)
            places->complete = true; // no words, so none located
        return;
    }
    thread_local std::vector<int> found;
    // The ASCII words find in a message whose letters are all ASCII what they find
    // in the ASCII message without its other characters: those are no part of a
    // word and never a neighbour a word may not have (see the constructor).
    const bool ascii = text.isAscii() || (m_asciiServesLetterlessText && text.hasOnlyAsciiLetters());
    const LiteralSet &set = ascii ? *m_ascii : *m_folded;
    if (!set.isValid()) {
        hits.insert(hits.end(), m_all.begin(), m_all.end());
        return;
    }
    if (ascii) {
        thread_local LiteralSet::Places located;
        set.match(text.working(), found, places != nullptr ? &located : nullptr);
        if (places != nullptr) {
            for (const LiteralSet::Place &place : located.list)
                places->list.push_back({m_triggerOfAscii[std::size_t(place.literal)], place.start, place.end});
            places->complete = located.complete;
        }
    } else {
        thread_local std::string foldedText;
        foldedText = caseFolded(text.working());
        set.match(foldedText, found);
    }
    const std::vector<int> &triggerOf = ascii ? m_triggerOfAscii : m_triggerOfFolded;
    for (int literal : found)
        hits.push_back(triggerOf[std::size_t(literal)]);
}

} // namespace cg
