#pragma once

#include "DetectionData.h"
#include "DetectionRule.h"
#include "TextEdit.h"

#include <array>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace cg {

// Finds phone numbers written to dodge digit filters and rewrites them as plain
// digits: number words in many languages ("four one five", "cinco cinco",
// "nau aath"), mixed forms ("9one7-5five5"), "double oh" / "triple five",
// letter-for-digit swaps next to digits ("O77OO", "555-OI28"), emoji and odd
// separators between digits, and numbers split up with words ("0151 then 2345
// then 6789"). Only a run that adds up to a phone number's length (7 to 15
// digits) is rewritten, so "one" or "do" in an ordinary sentence stays a word.
// Plain digit runs are left alone: the phone rule reads their formatting itself.
class SpelledNumbers final
{
public:
    explicit SpelledNumbers(const std::vector<DetectionData::NumberWord> &words);

    // Edits (sorted, non-overlapping) that turn every disguised run into digits.
    std::vector<TextEdit> rewrite(const std::string &working) const;

    // Reading every word of every message costs more than anything else the
    // detector does to a message, and few messages have a number to rewrite. The
    // Detector finds these words with the rules' trigger words instead: each
    // number word ("five", "double", "plus", "oh") as NumberWord, each joining word
    // or phrase ("then", "ends in") as JoinWord, where readToken() would read one.
    enum Trigger { NumberWord, JoinWord };
    std::vector<std::pair<Trigger, DetectionRule::TriggerWord>> triggerWords() const;
    // A number or joining word in a text: the trigger-word walk says where each is
    // (the words of triggerWords() are located).
    struct FoundWord
    {
        Trigger trigger;
        std::size_t start;
        std::size_t end;
    };
    // Whether rewrite() may change `working`, an ASCII text, given every number
    // and joining word in it (`words`); false only when it certainly would not.
    // A run is rewritten only if it holds seven digits and a disguise, so a number
    // word changes the text only next to another token (digits, a "+", or a
    // number or joining word, with separators between), and a joining word only
    // with tokens on both sides among enough digits ("0151 then 2345 then
    // 6789"). Without those a run is made of digits, and a run of plain digits is
    // never rewritten: it takes letters glued to digits that read as digits
    // ("O77OO", "9one7") or an odd separator between two digits ("555*123").
    bool mayRewrite(const std::string &working, const std::vector<FoundWord> &words) const;

private:
    struct Token;
    struct Meaning
    {
        DetectionData::NumberWord::Kind kind;
        int value;
    };

    bool readToken(const std::string &text, std::size_t at, Token &token) const;
    static bool fromMeaning(const Meaning *meaning, Token &token);
    bool readWord(std::string_view word, Token &token) const;
    // Whether a word of ASCII letters and digits, with both, reads as digits
    // ("9one7", "O77OO"); appends them to `digits` unless it is null.
    bool gluedDigits(std::string_view word, std::string *digits) const;
    // Whether the ASCII letters and digits around `at` (a digit next to a letter)
    // read as digits together, as readWord() reads "O77OO" or "9one7"; `wordEnd`
    // is set to where they end.
    bool gluedDigitsAt(const std::string &text, std::size_t at, std::size_t &wordEnd) const;
    // Whether the odd separator at `at` stands between two tokens of digits, as
    // rewrite() reads them; `separatorsEnd` is set to where the separators round
    // it end.
    static bool oddSeparatorBetweenDigits(const std::string &text, std::size_t at, std::size_t &separatorsEnd);
    bool readScriptWord(const std::string &text, std::size_t at, std::size_t end, Token &token) const;
    std::size_t matchJoinPhrase(const std::string &text, std::size_t at) const;
    void acceptRun(const std::string &text, std::vector<Token> &run, std::vector<TextEdit> &edits) const;
    const Meaning *meaningOf(std::string_view lowerWord) const;
    // The first position from `at` where a number could start: skips punctuation,
    // spaces and plain words that certainly are no number words.
    std::size_t nextTokenStart(const std::string &text, std::size_t at) const;
    // Most numbers in a message are plain: digits with spaces, dashes, dots,
    // brackets, slashes or commas between them, then an ordinary word,
    // punctuation, a line break or the end. The full reading would drop such a run
    // (it has no disguise), so this returns where it would go on from, without
    // making tokens; `at` itself when the digits at `at` may be more than that.
    std::size_t afterPlainNumber(const std::string &text, std::size_t at) const;
    // Whether a word of ASCII letters may be a number word (no: it is not one).
    bool inAsciiWordFilter(std::string_view word) const;
    // Whether it may be a number word that can start a number: a digit, "double",
    // "plus". A run never starts with "and", "then" or "oh", so outside a number
    // those are passed over like ordinary words.
    bool inAsciiStartFilter(std::string_view word) const;

    // Every word of most messages is looked up, so the lookup must not allocate:
    // keys view m_wordStorage, and a mask of the lengths of the words starting with
    // each byte turns most words away before hashing.
    std::deque<std::string> m_wordStorage;
    std::unordered_map<std::string_view, Meaning> m_words;
    std::array<std::uint32_t, 256> m_lengthsByFirstByte{};
    // Bloom filters of the ASCII words (and of those that can start a number):
    // most words of a message need neither lower-casing nor a hash lookup to be
    // turned away.
    using WordFilter = std::array<std::uint64_t, 256>;
    static bool inFilter(const WordFilter &filter, std::string_view word);
    WordFilter m_asciiWordFilter{};
    WordFilter m_asciiStartFilter{};
    std::vector<std::string> m_joinPhrases; // several words, lower case
    std::array<bool, 256> m_joinPhraseStarts{}; // first bytes of m_joinPhrases
    std::size_t m_longestWord = 0;
};

} // namespace cg
