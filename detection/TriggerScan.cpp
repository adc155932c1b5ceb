#include "TriggerScan.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
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
    for (const std::string &word : triggers::atAndDotWords()) {
        if (std::all_of(word.begin(), word.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
            words.push_back({word, word == "dot" ? TriggerScan::SpelledEmail | TriggerScan::DisguisedLink
                                                 : unsigned(TriggerScan::SpelledEmail)});
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

// kIban from `i`: two capitals starting a word, two digits, a space or not, four
// capitals or digits.
bool ibanAt(const Bytes &text, std::size_t i)
{
    if (!wordStartsAt(text, i) || text.size - i < 8 || !isUpper(text[i]) || !isUpper(text[i + 1])
        || !isDigit(text[i + 2]) || !isDigit(text[i + 3]))
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

// kDiscordTag at the "#" at `i`: a word byte before it, four digits after.
bool discordTagAt(const Bytes &text, std::size_t i)
{
    if (i == 0 || !isWordByte(text[i - 1]) || text.size - i < 5)
        return false;
    return isDigit(text[i + 1]) && isDigit(text[i + 2]) && isDigit(text[i + 3]) && isDigit(text[i + 4]);
}

// kEthereumAddress from the "0x" at `i`.
bool ethereumAt(const Bytes &text, std::size_t i)
{
    constexpr std::size_t kLength = 40;
    if (!wordStartsAt(text, i) || text.size - i < kLength + 2 || text[i] != '0' || text[i + 1] != 'x')
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

#if defined(__SSE2__)
// The chunked scan: 64 bytes at a time, each class of byte the patterns use as a
// 64-bit mask (bit k for byte k), and each pattern as operations on the masks of
// the chunk, the one before and the one after, with no branch per byte. What the
// masks cannot settle alone (an IBAN's last four characters, a base58 run's
// letters, the words in brackets) is checked byte by byte where they point.
__extension__ typedef unsigned __int128 Wide; // GCC and Clang: two chunks as one number

struct ChunkMasks
{
    std::uint64_t digit = 0;
    std::uint64_t word = 0; // RE2's \w
    std::uint64_t space = 0; // RE2's \s
    std::uint64_t atOrSlash = 0;
    std::uint64_t dollarOrHash = 0;
    std::uint64_t open = 0;
    std::uint64_t bracketed = 0; // what may follow an opening bracket in a spelled-out form
    std::uint64_t capitalT = 0;
    std::uint64_t x = 0;
};

__m128i load16(const unsigned char *at)
{
    return _mm_loadu_si128(reinterpret_cast<const __m128i *>(at));
}

__m128i same(__m128i bytes, char c)
{
    return _mm_cmpeq_epi8(bytes, _mm_set1_epi8(c));
}

// Bytes within [low, low + span].
__m128i within(__m128i bytes, char low, char span)
{
    const __m128i fromLow = _mm_sub_epi8(bytes, _mm_set1_epi8(low));
    return _mm_cmpeq_epi8(_mm_min_epu8(fromLow, _mm_set1_epi8(span)), fromLow);
}

std::uint64_t bitsOf(__m128i lanes, int group)
{
    return std::uint64_t(unsigned(_mm_movemask_epi8(lanes))) << (16 * group);
}

// The classes the patterns need, some of them wider than a pattern's (a word
// byte for a letter or a capital, "$" with "#"): the byte-by-byte checks where
// they point settle those.
ChunkMasks classify(const unsigned char *bytes)
{
    ChunkMasks m;
    for (int group = 0; group < 4; ++group) {
        const __m128i v = load16(bytes + 16 * group);
        const __m128i lower = _mm_or_si128(v, _mm_set1_epi8(0x20));
        const __m128i digit = within(v, '0', 9);
        const __m128i space = _mm_or_si128(same(v, ' '), _mm_andnot_si128(same(v, '\v'), within(v, '\t', 4)));
        m.digit |= bitsOf(digit, group);
        m.word |= bitsOf(_mm_or_si128(_mm_or_si128(digit, within(lower, 'a', 25)), same(v, '_')), group);
        m.space |= bitsOf(space, group);
        m.atOrSlash |= bitsOf(_mm_or_si128(same(v, '@'), same(v, '/')), group);
        m.dollarOrHash |= bitsOf(_mm_or_si128(same(v, '$'), same(v, '#')), group);
        m.open |= bitsOf(_mm_or_si128(_mm_or_si128(same(v, '['), same(v, '(')), _mm_or_si128(same(v, '{'), same(v, '<'))),
                         group);
        const __m128i firstLetters = _mm_or_si128(_mm_or_si128(same(lower, 'a'), same(lower, 'd')), same(lower, 'p'));
        const __m128i follows = _mm_or_si128(_mm_or_si128(space, same(v, '@')),
                                             _mm_or_si128(same(v, '.'), _mm_or_si128(firstLetters, _mm_cmplt_epi8(v, _mm_setzero_si128()))));
        m.bracketed |= bitsOf(follows, group);
        m.capitalT |= bitsOf(same(v, 'T'), group);
        m.x |= bitsOf(same(v, 'x'), group);
    }
    return m;
}

std::uint64_t phoneSeparators(const unsigned char *bytes)
{
    std::uint64_t mask = 0;
    for (int group = 0; group < 4; ++group) {
        const __m128i v = load16(bytes + 16 * group);
        const __m128i separator = _mm_or_si128(_mm_or_si128(same(v, ' '), same(v, '-')),
                                               _mm_or_si128(within(v, '(', 1), within(v, '.', 1))); // ( ) . /
        mask |= bitsOf(separator, group);
    }
    return mask;
}

// The 64 bytes from `at`, zero past the end of the text (a NUL is in no class).
class ChunkReader
{
public:
    explicit ChunkReader(const Bytes &text)
        : m_text(text)
    {
    }
    const unsigned char *bytesAt(std::size_t at)
    {
        if (m_text.size - at >= 64)
            return m_text.data + at;
        std::memset(m_padded, 0, sizeof m_padded);
        std::memcpy(m_padded, m_text.data + at, m_text.size - at);
        return m_padded;
    }

private:
    const Bytes &m_text;
    unsigned char m_padded[64];
};

// Bit p: the class at byte p + k, for the chunk `low` followed by `high` (k < 64).
std::uint64_t ahead(std::uint64_t low, std::uint64_t high, int k)
{
    return std::uint64_t(((Wide(high) << 64) | low) >> k);
}

// Bit p: the class at byte p - k, for the chunk `low` preceded by `before` (0 < k < 64).
std::uint64_t behind(std::uint64_t low, std::uint64_t before, int k)
{
    return (low << k) | (before >> (64 - k));
}

// Bit p: seven digits from byte p, up to three separators between each and the
// next (kSevenDigits), in the chunk `digits[0]` followed by `digits[1]`.
bool sevenDigitsIn(std::uint64_t digitLow, std::uint64_t digitHigh, std::uint64_t separatorLow,
                   std::uint64_t separatorHigh)
{
    const Wide digits = (Wide(digitHigh) << 64) | digitLow;
    const Wide separators = (Wide(separatorHigh) << 64) | separatorLow;
    const Wide one = separators >> 1;
    const Wide two = one & (separators >> 2);
    const Wide three = two & (separators >> 3);
    Wide chain = digits; // bit p: a chain of k digits starts at p
    for (int k = 1; k < 7; ++k)
        chain = digits & ((chain >> 1) | (one & (chain >> 2)) | (two & (chain >> 3)) | (three & (chain >> 4)));
    return std::uint64_t(chain) != 0;
}

unsigned chunkedMatches(const Bytes &text)
{
    if (text.size == 0)
        return 0;
    ChunkReader reader(text);
    ChunkMasks before;
    ChunkMasks current = classify(reader.bytesAt(0));
    unsigned found = 0;
    for (std::size_t chunk = 0; chunk < text.size; chunk += 64) {
        const bool last = text.size - chunk <= 64;
        const ChunkMasks next = last ? ChunkMasks() : classify(reader.bytesAt(chunk + 64));
        const auto forEach = [&](std::uint64_t candidates, auto &&check) {
            for (; candidates != 0; candidates &= candidates - 1)
                check(chunk + std::size_t(__builtin_ctzll(candidates)));
        };
        const std::uint64_t spaceAround = behind(current.space, before.space, 1) | ahead(current.space, next.space, 1);
        forEach(current.atOrSlash & spaceAround, [&](std::size_t at) {
            found |= text[at] == '@' ? TriggerScan::SpelledEmail : TriggerScan::DisguisedLink;
        });
        const auto digitAhead = [&](int k) { return ahead(current.digit, next.digit, k); };
        const std::uint64_t wordBefore = behind(current.word, before.word, 1);
        const std::uint64_t wordAhead = ahead(current.word, next.word, 1);
        // "#" after a word byte before four digits; "$" before a word byte.
        forEach(current.dollarOrHash & ((wordBefore & digitAhead(1) & digitAhead(2) & digitAhead(3) & digitAhead(4)) | wordAhead),
                [&](std::size_t at) {
                    if (text[at] == '#')
                        found |= discordTagAt(text, at) ? unsigned(TriggerScan::DiscordTag) : 0u;
                    else if (cashtagAt(text, at))
                        found |= TriggerScan::Cashtag;
                });
        // Two digits after two word bytes starting a word.
        if (!(found & TriggerScan::Iban)) {
            forEach(current.digit & digitAhead(1) & wordBefore & behind(current.word, before.word, 2)
                        & ~behind(current.word, before.word, 3),
                    [&](std::size_t at) { found |= ibanAt(text, at - 2) ? unsigned(TriggerScan::Iban) : 0u; });
        }
        // An "x" after a digit starting a word.
        if (!(found & TriggerScan::EthereumAddress)) {
            forEach(current.x & behind(current.digit, before.digit, 1) & ~behind(current.word, before.word, 2),
                    [&](std::size_t at) {
                        found |= ethereumAt(text, at - 1) ? unsigned(TriggerScan::EthereumAddress) : 0u;
                    });
        }
        // A "T" or a digit starting a word, then 25 word bytes.
        const std::uint64_t base58Starts = (current.capitalT | current.digit) & ~wordBefore;
        if (base58Starts != 0 && !(found & TriggerScan::Base58Address)) {
            const Wide word = (Wide(next.word) << 64) | current.word;
            const Wide two = word & (word >> 1);
            const Wide four = two & (two >> 2);
            const Wide eight = four & (four >> 4);
            const Wide run25 = eight & (eight >> 8) & (eight >> 16) & (word >> 24);
            forEach(base58Starts & std::uint64_t(run25 >> 1), [&](std::size_t at) {
                if (text[at] == 'T' || text[at] == '1' || text[at] == '3')
                    found |= base58RunAt(text, at + 1) ? unsigned(TriggerScan::Base58Address) : 0u;
            });
        }
        forEach(current.open & ahead(current.bracketed, next.bracketed, 1),
                [&](std::size_t at) { found |= bracketedWordAt(text, at); });
        // A phone number's first seven digits lie within 25 bytes of its first.
        if (!(found & TriggerScan::SevenDigits) && current.digit != 0
            && __builtin_popcountll(current.digit) + __builtin_popcountll(next.digit & ((std::uint64_t(1) << 25) - 1)) >= 7) {
            const std::uint64_t separatorLow = phoneSeparators(reader.bytesAt(chunk));
            const std::uint64_t separatorHigh = last ? 0 : phoneSeparators(reader.bytesAt(chunk + 64));
            if (sevenDigitsIn(current.digit, next.digit, separatorLow, separatorHigh))
                found |= TriggerScan::SevenDigits;
        }
        if ((found & TriggerScan::AllPatterns) == TriggerScan::AllPatterns)
            break;
        before = current;
        current = next;
    }
    return found;
}
#endif

} // namespace

std::vector<std::string> triggers::atAndDotWords()
{
    std::vector<std::string> words;
    const std::string all = CG_AT_WORDS "|" CG_DOT_WORDS;
    for (std::size_t from = 0; from <= all.size();) {
        const std::size_t bar = std::min(all.find('|', from), all.size());
        words.push_back(all.substr(from, bar - from));
        from = bar + 1;
    }
    return words;
}

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
#if defined(__SSE2__)
    return chunkedMatches(Bytes{reinterpret_cast<const unsigned char *>(utf8.data()), utf8.size()});
#else
    return matchesByteByByte(utf8);
#endif
}

unsigned TriggerScan::matchesByteByByte(std::string_view utf8)
{
    const Bytes text{reinterpret_cast<const unsigned char *>(utf8.data()), utf8.size()};
    unsigned found = 0;
    for (std::size_t i = 0; i < text.size && (found & AllPatterns) != AllPatterns; ++i) {
        switch (kAnchor[text[i]]) {
        case None:
            break;
        case Digit: {
            std::size_t end = i + 1;
            while (end < text.size && isDigit(text[end]))
                ++end;
            found |= digitRunMatches(text, i, end, found);
            i = end - 1; // the run is done with
            break;
        }
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
    return found;
}

} // namespace cg
