#include "NormalizedText.h"

#include "AsciiPattern.h"
#include "SpelledNumbers.h"

#include <QChar>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <cstdint>
#include <iterator>

namespace cg {

namespace {

enum class Kind {
    Keep,        // copy the character's UTF-8 as is
    Ascii,       // replace by one ASCII character, not a disguise (native digits, dashes)
    AsciiFolded, // replace by one ASCII character the writer chose to disguise
    DropHidden,  // invisible character used to break up an identifier
    DropBenign,  // invisible formatting with an honest purpose (bidi marks, emoji selectors)
};

struct Fold
{
    Kind kind = Kind::Keep;
    char ascii = 0;
};

struct LookAlike
{
    char32_t codePoint;
    char ascii;
};

// Cyrillic and Greek letters that render like Latin ones; writers swap them into
// e-mail addresses to slip past exact matching. Sorted by code point.
constexpr LookAlike kLookAlikes[] = {
    {0x0391, 'A'}, {0x0392, 'B'}, {0x0395, 'E'}, {0x0396, 'Z'}, {0x0397, 'H'}, {0x0399, 'I'},
    {0x039A, 'K'}, {0x039C, 'M'}, {0x039D, 'N'}, {0x039F, 'O'}, {0x03A1, 'P'}, {0x03A4, 'T'},
    {0x03A5, 'Y'}, {0x03A7, 'X'}, {0x03BF, 'o'}, {0x0405, 'S'}, {0x0406, 'I'}, {0x0408, 'J'},
    {0x0410, 'A'}, {0x0412, 'B'}, {0x0415, 'E'}, {0x041A, 'K'}, {0x041C, 'M'}, {0x041D, 'H'},
    {0x041E, 'O'}, {0x0420, 'P'}, {0x0421, 'C'}, {0x0422, 'T'}, {0x0425, 'X'}, {0x0430, 'a'},
    {0x0435, 'e'}, {0x043E, 'o'}, {0x0440, 'p'}, {0x0441, 'c'}, {0x0443, 'y'}, {0x0445, 'x'},
    {0x0455, 's'}, {0x0456, 'i'}, {0x0458, 'j'}, {0x04BB, 'h'}, {0x0501, 'd'},
};

char digitChar(int value)
{
    return static_cast<char>('0' + value);
}

Fold foldOf(char32_t c, bool inLatinWord)
{
    if (c >= 0xFF01 && c <= 0xFF5E) // fullwidth ASCII
        return {Kind::AsciiFolded, static_cast<char>(c - 0xFEE0)};
    if (c >= 0x2460 && c <= 0x2468) // circled 1-9
        return {Kind::AsciiFolded, digitChar(int(c - 0x2460) + 1)};
    if (c == 0x24EA || c == 0x24FF) // circled and negative circled zero
        return {Kind::AsciiFolded, '0'};
    if (c >= 0x2776 && c <= 0x2793) { // dingbat circled 1-10, three styles
        const int value = int(c - 0x2776) % 10 + 1;
        if (value < 10)
            return {Kind::AsciiFolded, digitChar(value)};
        return {};
    }
    if (c >= 0x1D7CE && c <= 0x1D7FF) // mathematical bold/double-struck/... digits
        return {Kind::AsciiFolded, digitChar(int(c - 0x1D7CE) % 10)};
    if (c >= 0x1FBF0 && c <= 0x1FBF9) // segmented digits
        return {Kind::AsciiFolded, digitChar(int(c - 0x1FBF0))};
    if (c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF || c == 0x00AD
        || c == 0x180E)
        return {Kind::DropHidden, 0};
    if (c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)
        || c == 0xFE0E || c == 0xFE0F)
        return {Kind::DropBenign, 0};
    if (c == 0x00A0 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000)
        return {Kind::Ascii, ' '};
    if ((c >= 0x2010 && c <= 0x2015) || c == 0x2212)
        return {Kind::Ascii, '-'};
    // Decimal digits of other scripts (Arabic-Indic, Devanagari, Bengali, Thai, ...)
    // are how people write numbers in their language, not a disguise.
    if (QChar::category(c) == QChar::Number_DecimalDigit) {
        const int value = QChar::digitValue(c);
        if (value >= 0 && value <= 9)
            return {Kind::Ascii, digitChar(value)};
    }
    // Compatibility forms of Latin letters and digits (mathematical, circled,
    // superscript, ...): NFKC folding, restricted to what lands on ASCII.
    const QChar::Decomposition tag = QChar::decompositionTag(c);
    if (tag == QChar::Font || tag == QChar::Circle || tag == QChar::Super || tag == QChar::Sub
        || tag == QChar::Wide || tag == QChar::Narrow || tag == QChar::Compat) {
        const QString decomposed = QChar::decomposition(c);
        if (decomposed.size() == 1 && decomposed.at(0).unicode() < 0x80
            && decomposed.at(0).isLetterOrNumber())
            return {Kind::AsciiFolded, char(decomposed.at(0).unicode())};
    }
    // Cyrillic and Greek look-alikes are a disguise only inside a word that also
    // has Latin letters ("Теlеgrаm", "gmаil"); a Russian word stays Russian.
    if (!inLatinWord)
        return {};
    const auto it = std::lower_bound(std::begin(kLookAlikes), std::end(kLookAlikes), c,
                                     [](const LookAlike &entry, char32_t key) {
                                         return entry.codePoint < key;
                                     });
    if (it != std::end(kLookAlikes) && it->codePoint == c)
        return {Kind::AsciiFolded, it->ascii};
    return {};
}

void appendUtf8(std::string &out, char32_t c)
{
    if (c < 0x80) {
        out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (c >> 6)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (c >> 12)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (c >> 18)));
        out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
}

} // namespace

NormalizedText::NormalizedText(const QString &original, const SpelledNumbers *numbers)
{
    reset(original, numbers);
}

void NormalizedText::reset(const QString &original, const SpelledNumbers *numbers)
{
    m_original = original;
    m_working.clear();
    m_origins.clear();
    m_utf16Index.clear();
    m_codePointCount = 0;
    m_ascii = false;
    m_onlyAsciiLetters = false;
    foldCharacters(original);
    joinSpacedLetters();
    if (numbers != nullptr)
        rewriteNumbers(*numbers);
}

bool NormalizedText::rewriteNumbers(const SpelledNumbers &numbers)
{
    const std::vector<TextEdit> edits = numbers.rewrite(m_working);
    if (edits.empty())
        return false;
    applyEdits(edits);
    return true;
}

void NormalizedText::release()
{
    m_original = QString();
    // Buffers grown by a huge message are not kept for the ordinary ones after it.
    constexpr std::size_t kKeptBytes = 64 * 1024;
    if (m_working.capacity() > kKeptBytes)
        std::string().swap(m_working);
    if (m_origins.capacity() * sizeof(Origin) > kKeptBytes)
        std::vector<Origin>().swap(m_origins);
    if (m_utf16Index.capacity() * sizeof(qsizetype) > kKeptBytes)
        std::vector<qsizetype>().swap(m_utf16Index);
}

void NormalizedText::foldCharacters(const QString &original)
{
    // Most messages are plain ASCII: copied byte for byte while checking that
    // they are (one plain loop the compiler vectorises), and byte offsets are
    // code-point offsets.
    const ushort *utf16 = original.utf16();
    const std::size_t length = std::size_t(original.size());
    m_working.resize(length);
    char *bytes = m_working.data();
    ushort any = 0;
    for (std::size_t i = 0; i < length; ++i) {
        any |= utf16[i];
        bytes[i] = static_cast<char>(utf16[i]);
    }
    if (any < 0x80) {
        m_ascii = true;
        m_onlyAsciiLetters = true;
        m_codePointCount = original.size();
        return;
    }
    m_working.clear();

    // Decode to code points once; keycaps ("4", U+FE0F, U+20E3) need look-ahead.
    std::vector<char32_t> codePoints;
    codePoints.reserve(std::size_t(original.size()));
    m_utf16Index.reserve(std::size_t(original.size()) + 1);
    for (qsizetype i = 0; i < original.size(); ++i) {
        m_utf16Index.push_back(i);
        const QChar ch = original.at(i);
        if (ch.isHighSurrogate() && i + 1 < original.size() && original.at(i + 1).isLowSurrogate()) {
            codePoints.push_back(QChar::surrogateToUcs4(ch, original.at(i + 1)));
            ++i;
        } else {
            codePoints.push_back(ch.unicode());
        }
    }
    m_utf16Index.push_back(original.size());
    m_codePointCount = qsizetype(codePoints.size());

    // Which code points belong to a word that has Latin letters or digits.
    std::vector<bool> latinWord(codePoints.size(), false);
    const auto isWordPart = [](char32_t c) {
        return QChar::isLetterOrNumber(c) || QChar::isMark(c) || c == '.' || c == '_' || c == '@'
            || c == '-' || c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF
            || c == 0x00AD;
    };
    for (std::size_t i = 0; i < codePoints.size();) {
        if (!isWordPart(codePoints[i])) {
            ++i;
            continue;
        }
        std::size_t end = i;
        bool latin = false;
        for (; end < codePoints.size() && isWordPart(codePoints[end]); ++end) {
            const char32_t c = codePoints[end];
            latin = latin || (c < 0x80 && QChar::isLetterOrNumber(c)) || (c >= 0xFF10 && c <= 0xFF5A);
        }
        if (latin)
            std::fill(latinWord.begin() + std::ptrdiff_t(i), latinWord.begin() + std::ptrdiff_t(end), true);
        i = end;
    }

    m_working.reserve(codePoints.size() + codePoints.size() / 2);
    m_origins.reserve(m_working.capacity());
    bool hiddenPending = false;
    bool nonAsciiLetter = false;
    const std::size_t count = codePoints.size();
    for (std::size_t i = 0; i < count; ++i) {
        const char32_t c = codePoints[i];
        const qsizetype start = qsizetype(i);
        std::uint8_t flags = hiddenPending ? HiddenBefore : 0;

        // Keycap digit: "4" + optional U+FE0F + U+20E3 reads as one emoji digit.
        if ((c >= '0' && c <= '9') || c == '#' || c == '*') {
            std::size_t next = i + 1;
            if (next < count && codePoints[next] == 0xFE0F)
                ++next;
            if (next < count && codePoints[next] == 0x20E3) {
                m_working.push_back(static_cast<char>(c));
                appendOrigin(1, start, qsizetype(next) + 1, flags | Folded);
                hiddenPending = false;
                i = next;
                continue;
            }
        }

        if (c < 0x80) {
            // Most of such a message is still ASCII: copied a stretch at a time, up
            // to a keycap's digit (handled above).
            std::size_t end = i + 1;
            while (end < count && codePoints[end] < 0x80)
                ++end;
            const char32_t last = codePoints[end - 1];
            if (end > i + 1 && end < count && (codePoints[end] == 0xFE0F || codePoints[end] == 0x20E3)
                && ((last >= '0' && last <= '9') || last == '#' || last == '*'))
                --end;
            const std::size_t origin = m_origins.size();
            m_origins.resize(origin + (end - i));
            for (std::size_t k = i; k < end; ++k) {
                m_working.push_back(static_cast<char>(codePoints[k]));
                m_origins[origin + (k - i)] = {std::int32_t(k), std::int32_t(k + 1), 0};
            }
            m_origins[origin].flags = flags;
            hiddenPending = false;
            i = end - 1;
            continue;
        }

        const Fold fold = foldOf(c, latinWord[i]);
        switch (fold.kind) {
        case Kind::DropHidden:
            hiddenPending = true;
            break;
        case Kind::DropBenign:
            break;
        case Kind::Ascii:
        case Kind::AsciiFolded:
            m_working.push_back(fold.ascii);
            appendOrigin(1, start, start + 1,
                         fold.kind == Kind::AsciiFolded ? std::uint8_t(flags | Folded) : flags);
            hiddenPending = false;
            break;
        case Kind::Keep: {
            nonAsciiLetter = nonAsciiLetter || !narrowedPatternsAgreeOn(c);
            const std::size_t before = m_working.size();
            appendUtf8(m_working, c);
            appendOrigin(m_working.size() - before, start, start + 1, flags);
            hiddenPending = false;
            break;
        }
        }
    }    // Every disguise folded away can leave plain ASCII. Later edits only insert
    // ASCII, so this stays true once true.
    m_ascii = std::all_of(m_working.begin(), m_working.end(),
                          [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    m_onlyAsciiLetters = !nonAsciiLetter;
}

namespace {

bool isAsciiAlnum(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool isSpacedToken(char c)
{
    return isAsciiAlnum(c) || c == '@' || c == '.';
}

bool isAsciiAlpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

constexpr int kMinSpacedTokens = 4;
constexpr int kMinSpacedLetters = 2;

} // namespace

namespace {

// Whether `text` has a place like " k y ": a space, a byte that is none, a space,
// a byte that is none, a space. Sixteen bytes at a time where there is SSE2.
bool hasSpacedPair(const std::string &text)
{
    const std::size_t n = text.size();
    std::size_t i = 0;
#if defined(__SSE2__)
    // A mask of the spaces in 64 bytes: bit k of `places` says a place starts at
    // byte k, known for k < 60; the next window starts at byte 60.
    const __m128i space = _mm_set1_epi8(' ');
    for (; i + 64 <= n; i += 60) {
        std::uint64_t spaces = 0;
        for (int part = 0; part < 4; ++part) {
            const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i *>(text.data() + i + 16 * part));
            spaces |= std::uint64_t(std::uint16_t(_mm_movemask_epi8(_mm_cmpeq_epi8(chunk, space)))) << (16 * part);
        }
        const std::uint64_t places = spaces & ~(spaces >> 1) & (spaces >> 2) & ~(spaces >> 3) & (spaces >> 4);
        if ((places & ((std::uint64_t(1) << 60) - 1)) != 0)
            return true;
    }
#endif
    for (; i + 4 < n; ++i) {
        if (text[i] == ' ' && text[i + 1] != ' ' && text[i + 2] == ' ' && text[i + 3] != ' ' && text[i + 4] == ' ')
            return true;
    }
    return false;
}

} // namespace

void NormalizedText::joinSpacedLetters()
{
    // "s k y p e": single characters each followed by one space. Digits alone
    // ("0 9 1 7 ...") are left to the phone rule, which reads spaced digits.
    const std::string &w = m_working;
    const std::size_t n = w.size();
    const auto single = [&](std::size_t i) {
        return isSpacedToken(w[i]) && (i == 0 || !isAsciiAlnum(w[i - 1]))
            && (i + 1 == n || !isAsciiAlnum(w[i + 1]));
    };
    // In a run of four or more, the second and third characters stand alone
    // between spaces (" k y "). Most messages have no such place.
    if (!hasSpacedPair(w))
        return;
    std::vector<TextEdit> edits;
    // A spaced run starts with a character followed by a space, so only the
    // characters before spaces are looked at (found with memchr via find()).
    for (std::size_t space = w.find(' ', 1); space != std::string::npos && space < n;
         space = w.find(' ', space + 1)) {
        const std::size_t i = space - 1;
        if (!single(i) || (i > 0 && w[i - 1] == ' ' && i > 1 && single(i - 2)))
            continue;
        std::size_t end = i;
        int tokens = 1;
        int letters = isAsciiAlpha(w[i]) ? 1 : 0;
        while (end + 2 < n && w[end + 1] == ' ' && single(end + 2)) {
            end += 2;
            ++tokens;
            letters += isAsciiAlpha(w[end]) ? 1 : 0;
        }
        if (tokens >= kMinSpacedTokens && letters >= kMinSpacedLetters) {
            for (std::size_t gap = i + 1; gap < end; gap += 2)
                edits.push_back({gap, gap + 1, std::string()});
        }
        space = std::max(space, end + 1);
    }
    if (!edits.empty())
        applyEdits(edits);
}

void NormalizedText::applyEdits(const std::vector<TextEdit> &edits)
{
    if (m_origins.empty()) { // plain ASCII so far: bytes are code points
        m_origins.reserve(m_working.size());
        for (std::size_t i = 0; i < m_working.size(); ++i)
            m_origins.push_back({std::int32_t(i), std::int32_t(i + 1), 0});
    }
    std::string working;
    std::vector<Origin> origins;
    working.reserve(m_working.size());
    origins.reserve(m_working.size());
    std::size_t pos = 0;
    bool deleted = false;
    const auto copyUpTo = [&](std::size_t end) {
        for (; pos < end; ++pos) {
            Origin origin = m_origins[pos];
            if (deleted)
                origin.flags |= HiddenBefore;
            deleted = false;
            working.push_back(m_working[pos]);
            origins.push_back(origin);
        }
    };
    for (const TextEdit &edit : edits) {
        copyUpTo(edit.start);
        if (edit.replacement.empty()) {
            deleted = true;
        } else {
            Origin origin{m_origins[edit.start].start, m_origins[edit.end - 1].end, Folded};
            if (deleted)
                origin.flags |= HiddenBefore;
            deleted = false;
            for (char c : edit.replacement) {
                working.push_back(c);
                origins.push_back(origin);
            }
        }
        pos = edit.end;
    }
    copyUpTo(m_working.size());
    m_working = std::move(working);
    m_origins = std::move(origins);
}

void NormalizedText::appendOrigin(std::size_t bytes, qsizetype start, qsizetype end,
                                  std::uint8_t flags)
{
    for (std::size_t b = 0; b < bytes; ++b)
        m_origins.push_back({std::int32_t(start), std::int32_t(end), flags});
}

qsizetype NormalizedText::codePointStart(std::size_t byteStart) const
{
    if (m_origins.empty())
        return qsizetype(std::min(byteStart, m_working.size()));
    if (byteStart >= m_origins.size())
        return m_codePointCount;
    return m_origins[byteStart].start;
}

qsizetype NormalizedText::codePointEnd(std::size_t byteEnd) const
{
    if (m_origins.empty())
        return qsizetype(std::min(byteEnd, m_working.size()));
    if (byteEnd == 0)
        return 0;
    if (byteEnd > m_origins.size())
        return m_codePointCount;
    return m_origins[byteEnd - 1].end;
}

bool NormalizedText::isDisguised(std::size_t byteStart, std::size_t byteEnd) const
{
    const std::size_t end = std::min(byteEnd, m_origins.size());
    for (std::size_t b = byteStart; b < end; ++b) {
        const std::uint8_t flags = m_origins[b].flags;
        if ((flags & Folded) || (b > byteStart && (flags & HiddenBefore)))
            return true;
    }
    return false;
}

DetectedSpan NormalizedText::makeSpan(ContactType type, std::size_t byteStart,
                                      std::size_t byteEnd) const
{
    DetectedSpan span;
    span.type = type;
    span.start = codePointStart(byteStart);
    span.end = codePointEnd(byteEnd);
    const auto utf16 = [this](qsizetype codePoint) {
        return m_utf16Index.empty() ? codePoint : m_utf16Index[std::size_t(codePoint)];
    };
    const qsizetype from = utf16(span.start);
    span.text = m_original.mid(from, utf16(span.end) - from);
    span.obfuscated = isDisguised(byteStart, byteEnd);
    return span;
}

} // namespace cg
