#pragma once

#include <string>
#include <string_view>
#include <vector>

// The words for "at" and "dot" people spell e-mail addresses and links with, in
// the languages the moderators review: English, Spanish and Portuguese (arroba,
// punto, ponto), French (arobase, point), German (punkt) and Russian (собака,
// точка). Macros, as RE2 patterns are spliced together from them at compile time.
#define CG_AT_WORDS "at|arroba|arobase|собака"
#define CG_DOT_WORDS "dot|punto|ponto|punkt|point|точка"

namespace cg {

// The rules' trigger patterns that go in the Detector's shared RE2::Set
// (DetectionRule::triggers()), and TriggerScan, which finds them faster.
namespace triggers {

// A spelled-out e-mail address: an "at" or "dot" word, "@" or "." in brackets, or
// an "@" with a space before or after it. (The words with spaces round them,
// " at ", are trigger words: EmailRule::triggerWords().)
inline constexpr char kSpelledEmail[] =
    R"((?i)[\[\(\{<]\s*(?:)" CG_AT_WORDS "|" CG_DOT_WORDS R"(|@|\.)\s*[\]\)\}>]|\s@|@\s)";
// A disguised link: "dot" or "." in brackets, or a slash with a space before or
// after it. (" dot ", " . " and " slash " are LinkRule::triggerWords().)
inline constexpr char kDisguisedLink[] = R"((?i)[\[\(\{<]\s*(?:dot|\.)\s*[\]\)\}>]|\s/|/\s)";
// The shortest phone number the phone rule reads: seven digits, up to three
// separators between each and the next.
inline constexpr char kSevenDigits[] = R"([0-9](?:[ \-./()]{0,3}[0-9]){6})";
inline constexpr char kDiscordTag[] = "[A-Za-z0-9_]#[0-9]{4}";
inline constexpr char kIban[] = R"(\b[A-Z]{2}[0-9]{2} ?[A-Z0-9]{4})";
// Bitcoin (legacy and P2SH) and TRON addresses.
inline constexpr char kBase58Address[] = R"(\b[13T][1-9A-HJ-NP-Za-km-z]{25})";
inline constexpr char kEthereumAddress[] = R"(\b0x[0-9a-fA-F]{40})";
inline constexpr char kCashtag[] = R"(\$[A-Za-z][A-Za-z0-9_]*[a-z])";

// CG_AT_WORDS and CG_DOT_WORDS, one by one.
std::vector<std::string> atAndDotWords();

} // namespace triggers

// Which of the patterns above match a message, found in one pass over it with no
// automaton: what an RE2::Set of them answers.
//
// Most messages match none of them, yet the set reads every byte of every message
// to say so and, in a fresh process, builds DFA states for what it reads. The
// scan reads 64 bytes at a time with SSE2 (which every x86-64 processor has): each
// class of byte the patterns use (digits, word bytes, spaces, "@" and "/", "$"
// and "#", opening brackets, ...) becomes a 64-bit mask, and each pattern a few
// operations on the masks of those bytes and the next 64 ("seven digits, up to
// three separators between each" is six rounds of shifts). Where the masks cannot
// settle a match alone (an IBAN's last four characters, a base58 run's letters,
// the words in brackets), it checks byte by byte at the few places they point to.
// No branch waits on each byte, which made an earlier scan that stopped at every
// digit, "/" and "<" slower than the set it replaced (docs/performance.md).
//
// It answers for ASCII exactly; where a bracketed word holds a byte beyond ASCII
// (RE2 folds the case of "собака" and of the Kelvin sign in "punkt") it says it is
// not sure, and the Detector asks the set. tst_triggerscan and the fuzz_matchers
// target hold it to RE2, and its two scans to each other.
class TriggerScan final
{
public:
    enum Pattern : unsigned {
        SpelledEmail = 1u << 0,
        DisguisedLink = 1u << 1,
        SevenDigits = 1u << 2,
        DiscordTag = 1u << 3,
        Iban = 1u << 4,
        Base58Address = 1u << 5,
        EthereumAddress = 1u << 6,
        Cashtag = 1u << 7,
        AllPatterns = (1u << 8) - 1,
        // matches() could not tell for a bracketed word beyond ASCII.
        Unsure = 1u << 8,
    };

    // The bit of `pattern` when it is one of the patterns above, else 0.
    static unsigned patternBit(std::string_view pattern);

    // The patterns that match somewhere in `text` (UTF-8, the working copy the set
    // reads), as bits, or Unsure with some of them. Linear in the text's length.
    static unsigned matches(std::string_view text);
    // The same, looking at each anchor byte by byte: what matches() does without
    // SSE2. Slower; the tests compare the two.
    static unsigned matchesByteByByte(std::string_view text);
};

} // namespace cg
