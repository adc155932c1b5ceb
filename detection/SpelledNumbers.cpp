#include "SpelledNumbers.h"

#include <QChar>
#include <QString>

#include <algorithm>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace cg {

namespace {

using Kind = DetectionData::NumberWord::Kind;

constexpr std::size_t kMinDigits = 7;
constexpr std::size_t kMaxDigits = 15;
constexpr std::size_t kMinJoinedGroup = 3; // "0151 then 2345": each part a real group
constexpr std::size_t kMinJoinedDigits = 9;
constexpr std::size_t kMaxSeparatorBytes = 12;

bool isAsciiDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isAsciiAlpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

char lowerAscii(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
}

// Decodes the UTF-8 sequence at `at` (the working text is valid UTF-8).
char32_t decode(const std::string &text, std::size_t at, std::size_t &length)
{
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char first = byte(at);
    if (first < 0x80) {
        length = 1;
        return first;
    }
    length = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : 2;
    if (at + length > text.size()) {
        length = 1;
        return 0xFFFD;
    }
    char32_t c = first & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07);
    for (std::size_t i = 1; i < length; ++i)
        c = (c << 6) | (byte(at + i) & 0x3F);
    return c;
}

// A word's length as one bit of a mask; lengths of 31 bytes and more share a bit.
std::uint32_t lengthBit(std::size_t length)
{
    return std::uint32_t(1) << std::min<std::size_t>(length, 31);
}

// What a byte is to the scan for the start of a number: most bytes of a message
// are looked up here once.
enum class ByteClass : std::uint8_t {
    Other,      // punctuation, spaces: skipped
    Letter,     // ASCII letter: a word that may be a number word
    TokenStart, // digit, '+' or a byte of a non-ASCII character: read it
};

constexpr std::array<ByteClass, 256> byteClasses()
{
    std::array<ByteClass, 256> classes{};
    for (int c = 0; c < 256; ++c) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
            classes[std::size_t(c)] = ByteClass::Letter;
        else if ((c >= '0' && c <= '9') || c == '+' || c >= 0x80)
            classes[std::size_t(c)] = ByteClass::TokenStart;
    }
    return classes;
}

constexpr std::array<ByteClass, 256> kByteClasses = byteClasses();

// Which of 64 bytes are ASCII letters and which start a token (ByteClass), one
// bit per byte: the scan for the start of a number then goes from word to word
// with bit operations instead of a branch per byte. SSE2 where there is one.
struct ByteMasks
{
    std::uint64_t letters = 0;
    std::uint64_t tokenStarts = 0;
};

constexpr std::size_t kMaskWidth = 64;

ByteMasks byteMasks(const char *bytes)
{
    ByteMasks masks;
#if defined(__SSE2__)
    const __m128i caseBit = _mm_set1_epi8(0x20);
    const __m128i beforeA = _mm_set1_epi8('a' - 1);
    const __m128i afterZ = _mm_set1_epi8('z' + 1);
    const __m128i before0 = _mm_set1_epi8('0' - 1);
    const __m128i after9 = _mm_set1_epi8('9' + 1);
    const __m128i plus = _mm_set1_epi8('+');
    for (std::size_t part = 0; part < kMaskWidth / 16; ++part) {
        const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i *>(bytes + part * 16));
        // Signed comparisons: bytes beyond ASCII are negative, so neither letters nor digits.
        const __m128i folded = _mm_or_si128(chunk, caseBit);
        const __m128i letter = _mm_and_si128(_mm_cmpgt_epi8(folded, beforeA), _mm_cmplt_epi8(folded, afterZ));
        const __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(chunk, before0), _mm_cmplt_epi8(chunk, after9));
        const __m128i start = _mm_or_si128(_mm_or_si128(digit, _mm_cmpeq_epi8(chunk, plus)),
                                           _mm_cmplt_epi8(chunk, _mm_setzero_si128()));
        masks.letters |= std::uint64_t(std::uint16_t(_mm_movemask_epi8(letter))) << (part * 16);
        masks.tokenStarts |= std::uint64_t(std::uint16_t(_mm_movemask_epi8(start))) << (part * 16);
    }
#else
    for (std::size_t i = 0; i < kMaskWidth; ++i) {
        const ByteClass kind = kByteClasses[static_cast<unsigned char>(bytes[i])];
        masks.letters |= std::uint64_t(kind == ByteClass::Letter) << i;
        masks.tokenStarts |= std::uint64_t(kind == ByteClass::TokenStart) << i;
    }
#endif
    return masks;
}

// Which of 64 bytes are one of `bytes` (at most a handful), one bit per byte.
std::uint64_t bytesIn(const char *window, std::string_view bytes)
{
    std::uint64_t mask = 0;
#if defined(__SSE2__)
    for (std::size_t part = 0; part < kMaskWidth / 16; ++part) {
        const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i *>(window + part * 16));
        __m128i any = _mm_setzero_si128();
        for (const char byte : bytes)
            any = _mm_or_si128(any, _mm_cmpeq_epi8(chunk, _mm_set1_epi8(byte)));
        mask |= std::uint64_t(std::uint16_t(_mm_movemask_epi8(any))) << (part * 16);
    }
#else
    for (std::size_t i = 0; i < kMaskWidth; ++i)
        mask |= std::uint64_t(bytes.find(window[i]) != std::string_view::npos) << i;
#endif
    return mask;
}

// Which of 64 bytes are in [first, last] (ASCII), one bit per byte.
std::uint64_t bytesInRange(const char *window, char first, char last)
{
    std::uint64_t mask = 0;
#if defined(__SSE2__)
    const __m128i before = _mm_set1_epi8(char(first - 1));
    const __m128i after = _mm_set1_epi8(char(last + 1));
    for (std::size_t part = 0; part < kMaskWidth / 16; ++part) {
        const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i *>(window + part * 16));
        const __m128i in = _mm_and_si128(_mm_cmpgt_epi8(chunk, before), _mm_cmplt_epi8(chunk, after));
        mask |= std::uint64_t(std::uint16_t(_mm_movemask_epi8(in))) << (part * 16);
    }
#else
    for (std::size_t i = 0; i < kMaskWidth; ++i)
        mask |= std::uint64_t(window[i] >= first && window[i] <= last) << i;
#endif
    return mask;
}

// The Bloom filter key of a word of ASCII letters, from its length and three of
// its letters (lower case): cheap enough to compute for every word of a message.
std::uint64_t asciiWordKey(const char *word, std::size_t length)
{
    const auto letter = [](char c) { return std::uint64_t(static_cast<unsigned char>(c) | 0x20); };
    const std::uint64_t key =
        (letter(word[0]) * 31 + letter(word[length / 2])) * 31 + letter(word[length - 1]) + length * 7919;
    return key * 0x9E3779B97F4A7C15u;
}

// Two bits per word of a 16384-bit filter: about one ordinary word in 200 passes
// (with one bit of 4096, "to" and "with" did, which started a number's reading
// some hundred thousand times over the benchmark corpus).
constexpr unsigned kFilterBitsLog2 = 14;

std::array<std::size_t, 2> filterBits(std::uint64_t key)
{
    constexpr std::uint64_t mask = (std::uint64_t(1) << kFilterBitsLog2) - 1;
    return {std::size_t(key >> 20 & mask), std::size_t(key >> 44 & mask)};
}

bool isHan(char32_t c)
{
    return (c >= 0x3400 && c <= 0x9FFF) || c == 0x3007 || (c >= 0x3040 && c <= 0x30FF);
}

bool isEmojiOrSymbol(char32_t c)
{
    return (c >= 0x1F000 && c <= 0x1FAFF) || (c >= 0x2190 && c <= 0x27BF) || c == 0x2022
        || c == 0x00B7 || c == 0x060C || c == 0x3001 || c == 0x2B50;
}

bool isWordCodePoint(char32_t c)
{
    if (isHan(c))
        return false;
    const QChar::Category category = QChar::category(c);
    return QChar::isLetter(c) || category == QChar::Mark_NonSpacing
        || category == QChar::Mark_SpacingCombining;
}

enum class Separator { None, Plain, Comma, Odd, LineBreak };

// The separator at `at` and its byte length: spaces and punctuation people put
// between groups of digits, or emoji and symbols used to break up a number.
Separator separatorAt(const std::string &text, std::size_t at, std::size_t &length)
{
    const char c = text[at];
    length = 1;
    switch (c) {
    case ' ':
    case '\t':
    case '-':
    case '.':
    case '(':
    case ')':
    case '/':
        return Separator::Plain;
    case ',':
    case ';':
        return Separator::Comma;
    case '_':
    case '*':
    case '|':
    case '~':
    case '\'':
        return Separator::Odd;
    case '\n':
    case '\r':
        return Separator::LineBreak;
    default:
        break;
    }
    if (static_cast<unsigned char>(c) < 0x80)
        return Separator::None;
    const char32_t cp = decode(text, at, length);
    return isEmojiOrSymbol(cp) ? Separator::Odd : Separator::None;
}

// The separators from `at` to the next token, as rewrite() weighs them.
struct Separators
{
    std::size_t end = 0;
    Separator strongest = Separator::None; // odd over comma over the rest
    bool endRun = false; // a line break, or too many to hold a number together
};

Separators separatorsAt(const std::string &text, std::size_t at)
{
    Separators separators;
    bool lineBreak = false;
    std::size_t i = at;
    while (i < text.size()) {
        std::size_t length = 0;
        const Separator separator = separatorAt(text, i, length);
        if (separator == Separator::None)
            break;
        lineBreak = lineBreak || separator == Separator::LineBreak;
        if (separator == Separator::Odd || (separator == Separator::Comma && separators.strongest != Separator::Odd))
            separators.strongest = separator;
        else if (separators.strongest == Separator::None)
            separators.strongest = separator;
        i += length;
    }
    separators.end = i;
    separators.endRun = lineBreak || i - at > kMaxSeparatorBytes;
    return separators;
}

} // namespace

struct SpelledNumbers::Token
{
    enum class Type { Digits, Repeat, Plus, ZeroAfter, Join };
    Type type = Type::Digits;
    std::size_t start = 0;
    std::size_t end = 0;
    std::string digits;
    int repeat = 0;
    bool disguised = false; // a number word, a swapped letter, a native-script number
    bool plusWord = false;
    Separator separatorBefore = Separator::None;
};

SpelledNumbers::SpelledNumbers(const std::vector<DetectionData::NumberWord> &words)
{
    for (const DetectionData::NumberWord &word : words) {
        if (word.kind == Kind::Join && word.word.find(' ') != std::string::npos) {
            m_joinPhrases.push_back(word.word);
            continue;
        }
        if (word.word.empty())
            continue;
        const std::string_view key = m_wordStorage.emplace_back(word.word);
        m_words.emplace(key, Meaning{word.kind, word.value});
        m_lengthsByFirstByte[static_cast<unsigned char>(key.front())] |= lengthBit(key.size());
        if (std::all_of(key.begin(), key.end(), isAsciiAlpha)) {
            for (const std::size_t bit : filterBits(asciiWordKey(key.data(), key.size()))) {
                m_asciiWordFilter[bit / 64] |= std::uint64_t(1) << (bit % 64);
                if (word.kind != Kind::Join && word.kind != Kind::ZeroAfterNumber)
                    m_asciiStartFilter[bit / 64] |= std::uint64_t(1) << (bit % 64);
            }
        }
        m_longestWord = std::max(m_longestWord, key.size());
    }
    for (const std::string &phrase : m_joinPhrases)
        m_joinPhraseStarts[static_cast<unsigned char>(phrase.front())] = true;
    // Longest first, so "and ends in" wins over "ends in".
    std::sort(m_joinPhrases.begin(), m_joinPhrases.end(),
              [](const std::string &a, const std::string &b) { return a.size() > b.size(); });
}

const SpelledNumbers::Meaning *SpelledNumbers::meaningOf(std::string_view lowerWord) const
{
    if (lowerWord.empty() || lowerWord.size() > m_longestWord
        || (m_lengthsByFirstByte[static_cast<unsigned char>(lowerWord.front())] & lengthBit(lowerWord.size())) == 0)
        return nullptr;
    const auto it = m_words.find(lowerWord);
    return it == m_words.end() ? nullptr : &it->second;
}

bool SpelledNumbers::inFilter(const WordFilter &filter, std::string_view word)
{
    const std::array<std::size_t, 2> bits = filterBits(asciiWordKey(word.data(), word.size()));
    return (filter[bits[0] / 64] >> (bits[0] % 64) & filter[bits[1] / 64] >> (bits[1] % 64) & 1) != 0;
}

bool SpelledNumbers::inAsciiWordFilter(std::string_view word) const
{
    return inFilter(m_asciiWordFilter, word);
}

bool SpelledNumbers::inAsciiStartFilter(std::string_view word) const
{
    return inFilter(m_asciiStartFilter, word);
}

std::size_t SpelledNumbers::nextTokenStart(const std::string &text, std::size_t at) const
{
    const std::size_t n = text.size();
    char padded[kMaskWidth];
    while (at < n) {
        // The next 64 bytes; near the end, a copy padded with zeros (not letters,
        // not token starts), so no byte past the text is read.
        const char *window = text.data() + at;
        if (n - at < kMaskWidth) {
            std::memset(padded, 0, sizeof padded);
            std::memcpy(padded, window, n - at);
            window = padded;
        }
        const ByteMasks masks = byteMasks(window);
        const std::size_t firstStart =
            masks.tokenStarts ? std::size_t(__builtin_ctzll(masks.tokenStarts)) : kMaskWidth;
        // Each word before the first token start: glued to digits ("9one7") or
        // to letters of another script ("três"), or possibly a number word, and
        // the full reading decides.
        std::uint64_t wordStarts = masks.letters & ~(masks.letters << 1);
        std::size_t resume = at + kMaskWidth; // where the next window starts
        for (; wordStarts != 0; wordStarts &= wordStarts - 1) {
            const std::size_t word = std::size_t(__builtin_ctzll(wordStarts));
            if (word >= firstStart)
                break;
            const std::uint64_t after = ~masks.letters >> word; // bit k: byte word + k is no letter
            if (after == 0 && word > 0) {
                resume = at + word; // the word runs past this window: look again from its start
                break;
            }
            std::size_t end = at + word + (after != 0 ? std::size_t(__builtin_ctzll(after)) : kMaskWidth);
            while (after == 0 && end < n && kByteClasses[static_cast<unsigned char>(text[end])] == ByteClass::Letter)
                ++end; // a word of 64 letters and more
            if (end < n && (isAsciiDigit(text[end]) || static_cast<unsigned char>(text[end]) >= 0x80))
                return at + word;
            if (inAsciiStartFilter(std::string_view(text.data() + at + word, end - at - word)))
                return at + word;
            if (after == 0) {
                resume = end;
                break;
            }
        }
        if (resume == at + kMaskWidth && firstStart < kMaskWidth)
            return std::min(at + firstStart, n);
        at = resume;
    }
    return n;
}

std::vector<std::pair<SpelledNumbers::Trigger, DetectionRule::TriggerWord>> SpelledNumbers::triggerWords() const
{
    // readToken() reads a word as a whole run of ASCII letters and digits.
    const std::bitset<256> wordBytes = DetectionRule::bytesOf("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
    std::vector<std::pair<Trigger, DetectionRule::TriggerWord>> words;
    for (const auto &[word, meaning] : m_words) {
        const Trigger trigger = meaning.kind == Kind::Join ? JoinWord : NumberWord;
        words.push_back({trigger, {std::string(word), wordBytes, wordBytes, {}, true}});
    }
    // matchJoinPhrase() wants no letter after a phrase, and looks at nothing before it.
    const std::bitset<256> letters = DetectionRule::bytesOf("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
    for (const std::string &phrase : m_joinPhrases)
        words.push_back({JoinWord, {phrase, {}, letters, {}, true}});
    // The same order on every run, whatever the hash table's.
    std::sort(words.begin(), words.end(), [](const auto &a, const auto &b) { return a.second.word < b.second.word; });
    return words;
}

bool SpelledNumbers::mayRewrite(const std::string &text, const std::vector<FoundWord> &words) const
{
    const std::size_t n = text.size();
    // Each word's neighbouring tokens: past the bytes that are no part of one
    // (every separator is such a byte), a digit, a "+", a byte beyond ASCII (not
    // in an ASCII text; counted to be safe), or the edge of another found word.
    thread_local std::vector<std::size_t> starts;
    thread_local std::vector<std::size_t> ends;
    starts.clear();
    ends.clear();
    for (const FoundWord &word : words) {
        starts.push_back(word.start);
        ends.push_back(word.end);
    }
    std::sort(starts.begin(), starts.end());
    std::sort(ends.begin(), ends.end());
    const auto partOfToken = [](char c) {
        return isAsciiDigit(c) || isAsciiAlpha(c) || c == '+' || static_cast<unsigned char>(c) >= 0x80;
    };
    const auto tokenBefore = [&](std::size_t at) {
        while (at > 0 && !partOfToken(text[at - 1]))
            --at;
        return at > 0 && (!isAsciiAlpha(text[at - 1]) || std::binary_search(ends.begin(), ends.end(), at));
    };
    const auto tokenAfter = [&](std::size_t at) {
        while (at < n && !partOfToken(text[at]))
            ++at;
        return at < n && (!isAsciiAlpha(text[at]) || std::binary_search(starts.begin(), starts.end(), at));
    };
    for (const FoundWord &word : words) {
        if (word.trigger == NumberWord && (tokenBefore(word.start) || tokenAfter(word.end)))
            return true;
    }
    const auto windowAt = [&text, n](std::size_t at, char (&padded)[kMaskWidth]) {
        if (n - at >= kMaskWidth)
            return text.data() + at;
        std::memset(padded, 0, sizeof padded);
        std::memcpy(padded, text.data() + at, n - at);
        return static_cast<const char *>(padded);
    };
    char padded[kMaskWidth];
    std::size_t digits = 0;
    for (std::size_t at = 0; at < n; at += kMaskWidth)
        digits += std::size_t(__builtin_popcountll(bytesInRange(windowAt(at, padded), '0', '9')));
    if (digits == 0)
        return false;
    if (digits >= kMinJoinedDigits) {
        for (const FoundWord &word : words) {
            if (word.trigger == JoinWord && tokenBefore(word.start) && tokenAfter(word.end))
                return true;
        }
    }
    std::size_t checkedUpTo = 0; // words with digits and letters before this are not numbers
    std::size_t separatorsCheckedUpTo = 0; // and odd separators before this stand between no digits
    for (std::size_t at = 0; at < n; at += kMaskWidth) {
        const char *window = windowAt(at, padded);
        const ByteMasks masks = byteMasks(window);
        const std::uint64_t digitMask = bytesInRange(window, '0', '9');
        // Digits next to a letter, in this window or across its edges.
        const bool letterBefore = at > 0 && isAsciiAlpha(text[at - 1]);
        const bool letterAfter = at + kMaskWidth < n && isAsciiAlpha(text[at + kMaskWidth]);
        const std::uint64_t nextToLetter = (masks.letters << 1) | (masks.letters >> 1)
            | std::uint64_t(letterBefore) | (std::uint64_t(letterAfter) << 63);
        for (std::uint64_t glued = digitMask & nextToLetter; glued != 0; glued &= glued - 1) {
            const std::size_t i = at + std::size_t(__builtin_ctzll(glued));
            if (i >= checkedUpTo && gluedDigitsAt(text, i, checkedUpTo))
                return true;
        }
        for (std::uint64_t odd = bytesIn(window, "_*|~'"); odd != 0; odd &= odd - 1) {
            const std::size_t i = at + std::size_t(__builtin_ctzll(odd));
            if (i >= separatorsCheckedUpTo && oddSeparatorBetweenDigits(text, i, separatorsCheckedUpTo))
                return true;
        }
    }
    return false;
}

bool SpelledNumbers::gluedDigitsAt(const std::string &text, std::size_t at, std::size_t &wordEnd) const
{
    const auto alnum = [](char c) { return isAsciiDigit(c) || isAsciiAlpha(c); };
    std::size_t start = at;
    while (start > 0 && alnum(text[start - 1]))
        --start;
    std::size_t end = at;
    while (end < text.size() && alnum(text[end]))
        ++end;
    wordEnd = end;
    return gluedDigits(std::string_view(text.data() + start, end - start), nullptr);
}

bool SpelledNumbers::oddSeparatorBetweenDigits(const std::string &text, std::size_t at, std::size_t &separatorsEnd)
{
    // The tokens on either side, past any other separators, as rewrite() reads them.
    const auto separator = [&](std::size_t i) {
        std::size_t length = 0;
        return separatorAt(text, i, length) != Separator::None;
    };
    std::size_t before = at;
    while (before > 0 && separator(before - 1))
        --before;
    std::size_t after = at + 1;
    while (after < text.size() && separator(after))
        ++after;
    separatorsEnd = after;
    // A run goes on across it from digits or a "+" to digits; a number word on
    // either side is the number words' trigger's to tell, and letters glued to
    // digits the glued check's.
    return before > 0 && (isAsciiDigit(text[before - 1]) || text[before - 1] == '+') && after < text.size()
        && isAsciiDigit(text[after]);
}

std::size_t SpelledNumbers::afterPlainNumber(const std::string &text, std::size_t at) const
{
    const std::size_t n = text.size();
    if (at >= n || !isAsciiDigit(text[at]))
        return at;
    std::size_t i = at;
    while (i < n && isAsciiDigit(text[i])) {
        while (i < n && isAsciiDigit(text[i]))
            ++i;
        if (i < n && isAsciiAlpha(text[i]))
            return at; // digits glued to letters: "9one7", "555OI"
        const Separators separators = separatorsAt(text, i);
        i = separators.end;
        if (separators.endRun)
            return i; // the run ends here, and what follows starts afresh
        if (separators.strongest == Separator::Odd)
            return at;
    }
    if (i == n)
        return n;
    const char c = text[i];
    if (isAsciiAlpha(c)) {
        // An ordinary word ends the run: one that is no number word (as readToken()
        // and readWord() tell), without digits, accents or a join phrase.
        if (m_joinPhraseStarts[static_cast<unsigned char>(lowerAscii(c))])
            return at;
        std::size_t end = i;
        while (end < n && isAsciiAlpha(text[end]))
            ++end;
        if (end < n && (isAsciiDigit(text[end]) || static_cast<unsigned char>(text[end]) >= 0x80))
            return at;
        const std::string_view word(text.data() + i, end - i);
        return word.size() <= m_longestWord && inAsciiWordFilter(word) ? at : end;
    }
    // Punctuation ends the run too; "+" starts another, and what is beyond ASCII
    // is the full reading's to weigh.
    if (c == '+' || static_cast<unsigned char>(c) >= 0x80)
        return at;
    return i;
}

bool SpelledNumbers::fromMeaning(const Meaning *meaning, Token &token)
{
    if (meaning == nullptr)
        return false;
    token.disguised = true;
    switch (meaning->kind) {
    case Kind::Digit:
        token.type = Token::Type::Digits;
        token.digits = std::string(1, char('0' + meaning->value));
        return true;
    case Kind::Repeat:
        token.type = Token::Type::Repeat;
        token.repeat = meaning->value;
        return true;
    case Kind::Plus:
        token.type = Token::Type::Plus;
        token.plusWord = true;
        return true;
    case Kind::ZeroAfterNumber:
        token.type = Token::Type::ZeroAfter;
        return true;
    case Kind::Join:
        token.type = Token::Type::Join;
        return true;
    }
    return false;
}

bool SpelledNumbers::readWord(std::string_view word, Token &token) const
{
    bool hasDigit = false;
    bool hasAlpha = false;
    for (char c : word) {
        hasDigit = hasDigit || isAsciiDigit(c);
        hasAlpha = hasAlpha || isAsciiAlpha(c);
    }
    if (hasDigit && !hasAlpha) {
        token.type = Token::Type::Digits;
        token.digits.assign(word);
        return true;
    }
    if (!hasDigit) {
        // Most words of a message: no allocation unless one could be a number word,
        // and most are turned away by the Bloom filter before any lower-casing.
        if (word.size() > m_longestWord || !inAsciiWordFilter(word))
            return false;
        std::string lower(word);
        std::transform(lower.begin(), lower.end(), lower.begin(), lowerAscii);
        return fromMeaning(meaningOf(lower), token);
    }
    // Digits glued to letters: "9one7", "01four3", "O77OO", "OI28".
    token.type = Token::Type::Digits;
    token.disguised = true;
    return gluedDigits(word, &token.digits);
}

bool SpelledNumbers::gluedDigits(std::string_view word, std::string *digits) const
{
    std::size_t i = 0;
    while (i < word.size()) {
        if (isAsciiDigit(word[i])) {
            if (digits != nullptr)
                digits->push_back(word[i]);
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < word.size() && !isAsciiDigit(word[j]))
            ++j;
        const std::string_view letters(word.data() + i, j - i);
        if (letters.find_first_not_of("oilOIL") == std::string_view::npos) {
            if (digits != nullptr) {
                for (char c : letters)
                    digits->push_back(lowerAscii(c) == 'o' ? '0' : '1');
            }
        } else {
            char lower[64];
            if (letters.size() > m_longestWord || letters.size() > sizeof lower)
                return false;
            std::transform(letters.begin(), letters.end(), lower, lowerAscii);
            const Meaning *meaning = meaningOf(std::string_view(lower, letters.size()));
            if (meaning == nullptr || meaning->kind != Kind::Digit)
                return false;
            if (digits != nullptr)
                digits->push_back(char('0' + meaning->value));
        }
        i = j;
    }
    return true;
}

bool SpelledNumbers::readToken(const std::string &text, std::size_t at, Token &token) const
{
    token = Token();
    token.start = at;
    const char c = text[at];
    if (c == '+') {
        token.type = Token::Type::Plus;
        token.end = at + 1;
        return true;
    }
    if (isAsciiDigit(c) || isAsciiAlpha(c)) {
        std::size_t end = at;
        while (end < text.size() && (isAsciiDigit(text[end]) || isAsciiAlpha(text[end])))
            ++end;
        token.end = end;
        // Letters with accents ("três", "zéro", "fünf", "dört"): the whole word,
        // looked up like a word of another script.
        if (end < text.size() && static_cast<unsigned char>(text[end]) >= 0x80) {
            std::size_t length = 0;
            if (isWordCodePoint(decode(text, end, length))) {
                if (std::any_of(text.begin() + std::ptrdiff_t(at), text.begin() + std::ptrdiff_t(end), isAsciiDigit))
                    return false;
                while (end < text.size()) {
                    if (isAsciiAlpha(text[end])) {
                        ++end;
                        continue;
                    }
                    if (static_cast<unsigned char>(text[end]) < 0x80 || !isWordCodePoint(decode(text, end, length)))
                        break;
                    end += length;
                }
                token.end = end;
                return readScriptWord(text, at, end, token);
            }
        }
        return readWord(std::string_view(text.data() + at, end - at), token);
    }
    if (static_cast<unsigned char>(c) < 0x80) {
        token.end = at + 1;
        return false;
    }
    std::size_t length = 0;
    const char32_t first = decode(text, at, length);
    if (isHan(first)) {
        token.end = at + length;
        const Meaning *meaning = meaningOf(std::string_view(text.data() + at, length));
        if (meaning == nullptr || meaning->kind != Kind::Digit)
            return false;
        token.disguised = true;
        token.digits = std::string(1, char('0' + meaning->value));
        return true;
    }
    if (!isWordCodePoint(first)) {
        token.end = at + length;
        return false;
    }
    std::size_t end = at + length;
    while (end < text.size() && static_cast<unsigned char>(text[end]) >= 0x80) {
        std::size_t next = 0;
        if (!isWordCodePoint(decode(text, end, next)))
            break;
        end += next;
    }
    while (end < text.size() && (isAsciiAlpha(text[end]) || static_cast<unsigned char>(text[end]) >= 0x80)) {
        std::size_t next = 1;
        if (!isAsciiAlpha(text[end]) && !isWordCodePoint(decode(text, end, next)))
            break;
        end += next;
    }
    token.end = end;
    return readScriptWord(text, at, end, token);
}

bool SpelledNumbers::readScriptWord(const std::string &text, std::size_t at, std::size_t end, Token &token) const
{
    if (end - at > m_longestWord * 2 + 4)
        return false;
    const std::string lower =
        QString::fromUtf8(text.data() + at, qsizetype(end - at)).toLower().toStdString();
    return fromMeaning(meaningOf(lower), token);
}

std::size_t SpelledNumbers::matchJoinPhrase(const std::string &text, std::size_t at) const
{
    if (!m_joinPhraseStarts[static_cast<unsigned char>(lowerAscii(text[at]))])
        return 0;
    for (const std::string &phrase : m_joinPhrases) {
        if (at + phrase.size() > text.size())
            continue;
        bool same = true;
        for (std::size_t i = 0; i < phrase.size() && same; ++i)
            same = lowerAscii(text[at + i]) == phrase[i];
        const std::size_t end = at + phrase.size();
        if (same && (end == text.size() || !isAsciiAlpha(text[end])))
            return phrase.size();
    }
    return 0;
}

void SpelledNumbers::acceptRun(const std::string &text, std::vector<Token> &run,
                               std::vector<TextEdit> &edits) const
{
    (void)text;
    // Words that cannot start or end a number: "oh" first, "then" or "double" last.
    while (!run.empty()
           && (run.front().type == Token::Type::Join || run.front().type == Token::Type::ZeroAfter))
        run.erase(run.begin());
    while (!run.empty() && run.back().type != Token::Type::Digits
           && run.back().type != Token::Type::ZeroAfter)
        run.pop_back();
    if (run.empty())
        return;

    std::size_t digits = 0;
    std::size_t group = 0;
    std::size_t shortestJoinedGroup = kMaxDigits;
    bool joined = false;
    bool disguised = false;
    bool comma = false;
    int words = 0;
    for (std::size_t i = 0; i < run.size(); ++i) {
        const Token &token = run[i];
        if (i > 0) {
            comma = comma || token.separatorBefore == Separator::Comma;
            disguised = disguised || token.separatorBefore == Separator::Odd;
        }
        switch (token.type) {
        case Token::Type::Digits:
            digits += token.digits.size();
            group += token.digits.size();
            if (token.disguised) {
                ++words;
                // Glued or swapped forms ("9one7", "O77OO") are a disguise on their own.
                if (token.digits.size() > 1)
                    words += 1;
            }
            break;
        case Token::Type::ZeroAfter:
            ++digits;
            ++group;
            ++words;
            break;
        case Token::Type::Repeat:
            if (i + 1 >= run.size() || (run[i + 1].type != Token::Type::Digits
                                        && run[i + 1].type != Token::Type::ZeroAfter))
                return;
            digits += std::size_t(token.repeat - 1);
            group += std::size_t(token.repeat - 1);
            ++words;
            break;
        case Token::Type::Join:
            if (group < kMinJoinedGroup)
                return;
            shortestJoinedGroup = std::min(shortestJoinedGroup, group);
            group = 0;
            joined = true;
            break;
        case Token::Type::Plus:
            if (i != 0)
                return;
            disguised = disguised || token.plusWord;
            break;
        }
    }
    if (joined) {
        if (group < kMinJoinedGroup || digits < kMinJoinedDigits)
            return;
        disguised = true;
    }
    if (words >= 2)
        disguised = true;
    if (!disguised || digits < kMinDigits || digits > kMaxDigits)
        return;
    if (comma && words == 0)
        return; // "1,250,000" is an amount
    (void)shortestJoinedGroup;

    for (std::size_t i = 0; i < run.size(); ++i) {
        const Token &token = run[i];
        if (i > 0 && run[i - 1].end < token.start)
            edits.push_back({run[i - 1].end, token.start, std::string()});
        switch (token.type) {
        case Token::Type::Digits:
            if (token.disguised)
                edits.push_back({token.start, token.end, token.digits});
            break;
        case Token::Type::ZeroAfter:
            edits.push_back({token.start, token.end, std::string("0")});
            break;
        case Token::Type::Repeat: {
            const Token &next = run[i + 1];
            const char digit = next.type == Token::Type::ZeroAfter ? '0' : next.digits.front();
            edits.push_back({token.start, token.end, std::string(std::size_t(token.repeat - 1), digit)});
            break;
        }
        case Token::Type::Join:
            edits.push_back({token.start, token.end, std::string()});
            break;
        case Token::Type::Plus:
            if (token.plusWord)
                edits.push_back({token.start, token.end, std::string("+")});
            break;
        }
    }
}

std::vector<TextEdit> SpelledNumbers::rewrite(const std::string &text) const
{
    std::vector<TextEdit> edits;
    thread_local std::vector<Token> run; // reused: most messages with digits start one
    run.clear();
    std::size_t i = 0;
    const std::size_t n = text.size();
    while (i < n) {
        // Outside a number, separators do not count and most words are ordinary
        // words: go straight to where a number could start.
        if (run.empty()) {
            i = nextTokenStart(text, i);
            if (i >= n)
                break;
            const std::size_t after = afterPlainNumber(text, i);
            if (after != i) {
                i = after;
                continue;
            }
        }
        // Separators between tokens.
        const Separators separators = separatorsAt(text, i);
        i = separators.end;
        if (!run.empty() && separators.endRun) {
            acceptRun(text, run, edits);
            run.clear();
        }
        if (i >= n)
            break;

        Token token;
        const std::size_t phrase = run.empty() ? 0 : matchJoinPhrase(text, i);
        if (phrase > 0) {
            token.type = Token::Type::Join;
            token.start = i;
            token.end = i + phrase;
            token.disguised = true;
        } else if (!readToken(text, i, token)) {
            if (!run.empty()) {
                acceptRun(text, run, edits);
                run.clear();
            }
            i = std::max(token.end, i + 1);
            continue;
        }
        // A number starts over at "+": "+44 ... +1 ..." are two numbers.
        if (token.type == Token::Type::Plus && !run.empty()) {
            acceptRun(text, run, edits);
            run.clear();
        }
        // Neither starts a number (acceptRun() would drop them from the front).
        if ((token.type == Token::Type::ZeroAfter || token.type == Token::Type::Join) && run.empty()) {
            i = token.end;
            continue;
        }
        token.separatorBefore = separators.strongest;
        i = token.end;
        run.push_back(std::move(token));
    }
    if (!run.empty())
        acceptRun(text, run, edits);
    if (run.capacity() > 1024)
        std::vector<Token>().swap(run); // grown by a pathological message: not kept
    return edits;
}

} // namespace cg
