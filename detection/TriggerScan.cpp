#include "TriggerScan.h"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace cg {

namespace {

// What each byte may start: the bytes every pattern of TriggerScan.h needs.
enum Anchor : unsigned char {
    None,
    Digit,        // seven digits, Discord tag, IBAN, Bitcoin, Ethereum
    Dollar,       // cashtag
    SpacedSymbol, // "@" or "/" next to a space: spelled-out e-mail, disguised link
    Bracket,      // "(at)", "[dot]", "{.}" ...
    CapitalT,     // TRON address
};

constexpr std::array<Anchor, 256> anchors()
{
    std::array<Anchor, 256> table{};
    for (int c = '0'; c <= '9'; ++c)
        table[std::size_t(c)] = Digit;
    table['$'] = Dollar;
    table['@'] = SpacedSymbol;
    table['/'] = SpacedSymbol;
    for (char c : {'[', '(', '{', '<'})
        table[static_cast<unsigned char>(c)] = Bracket;
    table['T'] = CapitalT;
    return table;
}
constexpr std::array<Anchor, 256> kAnchor = anchors();

// The anchors among the 16 bytes from `at` (fewer at the end of the text), as
// bits. Most of a message is prose with no anchor in it, so SSE2 (which every
// x86-64 processor has) looks at sixteen bytes at a time.
class AnchorFinder
{
public:
    unsigned anchorsAt(const unsigned char *text, std::size_t size, std::size_t at) const
    {
#if defined(__SSE2__)
        if (size - at >= 16) {
            const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i *>(text + at));
            const __m128i fromZero = _mm_sub_epi8(bytes, m_zero);
            const __m128i digit = _mm_cmpeq_epi8(_mm_min_epu8(fromZero, m_nine), fromZero);
            const __m128i symbol = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(bytes, m_dollar), _mm_cmpeq_epi8(bytes, m_at)),
                                                _mm_cmpeq_epi8(bytes, m_slash));
            const __m128i open = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(bytes, m_square), _mm_cmpeq_epi8(bytes, m_round)),
                                              _mm_or_si128(_mm_cmpeq_epi8(bytes, m_curly), _mm_cmpeq_epi8(bytes, m_angle)));
            const __m128i letter = _mm_cmpeq_epi8(bytes, m_capitalT);
            return unsigned(_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(digit, symbol), _mm_or_si128(open, letter))));
        }
#endif
        unsigned mask = 0;
        for (std::size_t k = 0; k < 16 && at + k < size; ++k) {
            if (kAnchor[text[at + k]] != None)
                mask |= 1u << k;
        }
        return mask;
    }

private:
#if defined(__SSE2__)
    const __m128i m_zero = _mm_set1_epi8('0');
    const __m128i m_nine = _mm_set1_epi8(9);
    const __m128i m_dollar = _mm_set1_epi8('$');
    const __m128i m_at = _mm_set1_epi8('@');
    const __m128i m_slash = _mm_set1_epi8('/');
    const __m128i m_square = _mm_set1_epi8('[');
    const __m128i m_round = _mm_set1_epi8('(');
    const __m128i m_curly = _mm_set1_epi8('{');
    const __m128i m_angle = _mm_set1_epi8('<');
    const __m128i m_capitalT = _mm_set1_epi8('T');
#endif
};

bool isDigit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

bool isUpper(unsigned char c)
{
    return c >= 'A' && c <= 'Z';
}

bool isLetter(unsigned char c)
{
    return isUpper(c) || (c >= 'a' && c <= 'z');
}

// RE2's \s.
bool isSpace(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// RE2's \w.
bool isWordByte(unsigned char c)
{
    return isLetter(c) || isDigit(c) || c == '_';
}

bool isBase58(unsigned char c)
{
    return (c >= '1' && c <= '9') || (isLetter(c) && c != 'O' && c != 'I' && c != 'l');
}

bool isClosingBracket(unsigned char c)
{
    return c == ']' || c == ')' || c == '}' || c == '>';
}

bool isPhoneSeparator(unsigned char c)
{
    return c == ' ' || c == '-' || c == '.' || c == '/' || c == '(' || c == ')';
}

struct Bytes
{
    const unsigned char *data;
    std::size_t size;
    unsigned char operator[](std::size_t i) const { return data[i]; }
    std::size_t skipSpaces(std::size_t i) const
    {
        while (i < size && isSpace(data[i]))
            ++i;
        return i;
    }
};

// kBase58Address after its first character: 25 more.
bool base58RunAt(const Bytes &text, std::size_t i)
{
    constexpr std::size_t kLength = 25;
    if (text.size - i < kLength)
        return false;
    for (std::size_t k = i; k < i + kLength; ++k) {
        if (!isBase58(text[k]))
            return false;
    }
    return true;
}

// kSevenDigits from the digit at `i`: seven digits, each up to three separators
// from the next.
bool sevenDigitsAt(const Bytes &text, std::size_t i)
{
    int digits = 0;
    while (true) {
        for (; i < text.size && isDigit(text[i]); ++i) {
            if (++digits == 7)
                return true;
        }
        std::size_t next = i;
        while (next < text.size && next - i < 3 && isPhoneSeparator(text[next]))
            ++next;
        if (next == text.size || !isDigit(text[next]))
            return false;
        i = next;
    }
}

// The words of kSpelledEmail's brackets that are ASCII, with the patterns each
// makes match.
struct BracketWord
{
    std::string word;
    unsigned patterns;
};

std::vector<BracketWord> asciiBracketWords()
{
    std::vector<BracketWord> words;
    const std::string all = CG_AT_WORDS "|" CG_DOT_WORDS;
    for (std::size_t from = 0; from <= all.size();) {
        const std::size_t bar = std::min(all.find('|', from), all.size());
        const std::string word = all.substr(from, bar - from);
        if (std::all_of(word.begin(), word.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
            words.push_back({word, word == "dot" ? TriggerScan::SpelledEmail | TriggerScan::DisguisedLink
                                                 : unsigned(TriggerScan::SpelledEmail)});
        from = bar + 1;
    }
    return words;
}

// The bracketed forms of kSpelledEmail and kDisguisedLink at the opening bracket
// `i`: spaces, "@", "." or a word in any case, spaces and a closing bracket.
unsigned bracketedWordAt(const Bytes &text, std::size_t i)
{
    static const std::vector<BracketWord> kWords = asciiBracketWords();
    const std::size_t start = text.skipSpaces(i + 1);
    if (start == text.size)
        return 0;
    const unsigned char first = text[start];
    if (first >= 0x80)
        return TriggerScan::Unsure; // "собака", "точка"
    switch (first | 0x20) {
    case '@' | 0x20: // and "`", which the next test turns away
    case '.':
    case 'a':
    case 'd':
    case 'p':
        break;
    default:
        return 0; // most brackets: "(the", "<html>", "[1]"
    }
    const auto closesAt = [&](std::size_t end) {
        end = text.skipSpaces(end);
        return end < text.size && isClosingBracket(text[end]);
    };
    if (first == '@')
        return closesAt(start + 1) ? unsigned(TriggerScan::SpelledEmail) : 0u;
    if (first == '.')
        return closesAt(start + 1) ? TriggerScan::SpelledEmail | TriggerScan::DisguisedLink : 0;
    unsigned found = 0;
    for (const BracketWord &word : kWords) {
        std::size_t k = 0;
        for (; k < word.word.size() && start + k < text.size; ++k) {
            const unsigned char c = text[start + k];
            if (c >= 0x80)
                return TriggerScan::Unsure; // a letter RE2 folds into an ASCII one: "punKt" with the Kelvin sign
            if ((c | 0x20) != static_cast<unsigned char>(word.word[k]))
                break;
        }
        if (k == word.word.size() && closesAt(start + k))
            found |= word.patterns;
    }
    return found;
}

// Whether a word starts at `i`, as RE2's \b sees it before a word character.
bool wordStartsAt(const Bytes &text, std::size_t i)
{
    return i == 0 || !isWordByte(text[i - 1]);
}

// kIban from the two capitals at `i`: two digits, a space or not, four capitals or
// digits.
bool ibanAt(const Bytes &text, std::size_t i)
{
    if (!wordStartsAt(text, i) || text.size - i < 8 || !isDigit(text[i + 2]) || !isDigit(text[i + 3]))
        return false;
    std::size_t k = i + 4;
    if (text[k] == ' ')
        ++k;
    if (text.size - k < 4)
        return false;
    for (const std::size_t end = k + 4; k < end; ++k) {
        if (!isUpper(text[k]) && !isDigit(text[k]))
            return false;
    }
    return true;
}

// kEthereumAddress from the "0x" at `i`.
bool ethereumAt(const Bytes &text, std::size_t i)
{
    constexpr std::size_t kLength = 40;
    if (!wordStartsAt(text, i) || text.size - i < kLength + 2)
        return false;
    for (std::size_t k = i + 2; k < i + 2 + kLength; ++k) {
        const unsigned char c = text[k] | 0x20;
        if (!isDigit(text[k]) && !(c >= 'a' && c <= 'f'))
            return false;
    }
    return true;
}

// kCashtag from the "$" at `i`: a letter, then letters, digits or "_" up to a
// lower-case letter.
bool cashtagAt(const Bytes &text, std::size_t i)
{
    if (i + 1 >= text.size || !isLetter(text[i + 1]))
        return false;
    for (std::size_t k = i + 2; k < text.size && isWordByte(text[k]); ++k) {
        if (text[k] >= 'a' && text[k] <= 'z')
            return true;
    }
    return false;
}

// The patterns the digit run from `i` to `end` (the first byte after it) starts,
// of those not `found` yet.
unsigned digitRunMatches(const Bytes &text, std::size_t i, std::size_t end, unsigned found)
{
    unsigned matches = 0;
    if (!(found & TriggerScan::DiscordTag) && i >= 2 && text[i - 1] == '#' && isWordByte(text[i - 2]) && end - i >= 4)
        matches |= TriggerScan::DiscordTag;
    if (!(found & TriggerScan::Iban) && i >= 2 && isUpper(text[i - 1]) && isUpper(text[i - 2]) && ibanAt(text, i - 2))
        matches |= TriggerScan::Iban;
    if (!(found & TriggerScan::EthereumAddress) && text[i] == '0' && end == i + 1 && end < text.size
        && text[end] == 'x' && ethereumAt(text, i))
        matches |= TriggerScan::EthereumAddress;
    if (!(found & TriggerScan::Base58Address) && (text[i] == '1' || text[i] == '3') && wordStartsAt(text, i)
        && base58RunAt(text, i + 1))
        matches |= TriggerScan::Base58Address;
    if (!(found & TriggerScan::SevenDigits) && sevenDigitsAt(text, i))
        matches |= TriggerScan::SevenDigits;
    return matches;
}

} // namespace

unsigned TriggerScan::patternBit(std::string_view pattern)
{
    const std::pair<std::string_view, Pattern> known[] = {
        {triggers::kSpelledEmail, SpelledEmail}, {triggers::kDisguisedLink, DisguisedLink},
        {triggers::kSevenDigits, SevenDigits},   {triggers::kDiscordTag, DiscordTag},
        {triggers::kIban, Iban},                 {triggers::kBase58Address, Base58Address},
        {triggers::kEthereumAddress, EthereumAddress}, {triggers::kCashtag, Cashtag},
    };
    for (const auto &[written, bit] : known) {
        if (pattern == written)
            return bit;
    }
    return 0;
}

unsigned TriggerScan::matches(std::string_view utf8)
{
    const Bytes text{reinterpret_cast<const unsigned char *>(utf8.data()), utf8.size()};
    const AnchorFinder finder;
    unsigned found = 0;
    std::size_t next = 0; // bytes before it are done with (a digit run's)
    for (std::size_t block = 0; block < text.size; block += 16) {
        unsigned anchors = finder.anchorsAt(text.data, text.size, block);
        for (; anchors != 0; anchors &= anchors - 1) {
            const std::size_t i = block + std::size_t(__builtin_ctz(anchors));
            if (i < next)
                continue;
            switch (kAnchor[text[i]]) {
            case None:
                break;
            case Digit:
                next = i + 1;
                while (next < text.size && isDigit(text[next]))
                    ++next;
                found |= digitRunMatches(text, i, next, found);
                break;
            case Dollar:
                if (!(found & Cashtag) && cashtagAt(text, i))
                    found |= Cashtag;
                break;
            case SpacedSymbol:
                if ((i > 0 && isSpace(text[i - 1])) || (i + 1 < text.size && isSpace(text[i + 1])))
                    found |= text[i] == '@' ? SpelledEmail : DisguisedLink;
                break;
            case Bracket:
                found |= bracketedWordAt(text, i);
                break;
            case CapitalT:
                if (!(found & Base58Address) && wordStartsAt(text, i) && base58RunAt(text, i + 1))
                    found |= Base58Address;
                break;
            }
        }
        if ((found & AllPatterns) == AllPatterns)
            break;
    }
    return found;
}

} // namespace cg
