#include "UrlScan.h"

#include <algorithm>

namespace cg {

namespace {

constexpr std::size_t kMaxTopLevelLetters = 24;
constexpr std::size_t kMaxPortDigits = 5;

// Bytes (?i)[a-z] takes at text[at]: an ASCII letter, U+017F "ſ" or U+212A
// "K" (case folding joins them to "s" and "k"); 0 for anything else.
std::size_t letterAt(std::string_view text, std::size_t at)
{
    const char c = text[at];
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
        return 1;
    if (c == '\xC5')
        return at + 1 < text.size() && text[at + 1] == '\xBF' ? 2 : 0;
    if (c == '\xE2')
        return at + 2 < text.size() && text[at + 1] == '\x84' && text[at + 2] == '\xAA' ? 3 : 0;
    return 0;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Bytes [a-z0-9] takes at text[at], or 0.
std::size_t alnumAt(std::string_view text, std::size_t at)
{
    return isDigit(text[at]) ? 1 : letterAt(text, at);
}

// Bytes [a-z0-9\-] takes at text[at], or 0.
std::size_t labelCharAt(std::string_view text, std::size_t at)
{
    return text[at] == '-' ? 1 : alnumAt(text, at);
}

// [^\s<>"'`\[\]{}|\\^]: RE2's \s is [\t\n\f\r ]; every byte of a character
// beyond ASCII is allowed.
bool isLinkTailByte(char c)
{
    switch (c) {
    case '\t': case '\n': case '\f': case '\r': case ' ': case '<': case '>': case '"': case '\'': case '`':
    case '[': case ']': case '{': case '}': case '|': case '\\': case '^':
        return false;
    default:
        return true;
    }
}

char lowerAscii(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
}

bool startsWithLowered(std::string_view text, std::size_t at, std::string_view prefix)
{
    if (text.size() - at < prefix.size())
        return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        if (lowerAscii(text[at + i]) != prefix[i])
            return false;
    }
    return true;
}

// The end of the run of [a-z0-9\-] from `at`.
std::size_t labelRunEnd(std::string_view text, std::size_t at)
{
    while (at < text.size()) {
        const std::size_t length = labelCharAt(text, at);
        if (length == 0)
            break;
        at += length;
    }
    return at;
}

// The first alternative at `at`: (?:https?://|www\.)[^...]+. Returns the end, or 0.
std::size_t schemeLinkAt(std::string_view text, std::size_t at)
{
    std::size_t position = at;
    if (startsWithLowered(text, position, "http")) {
        position += 4;
        if (position < text.size() && lowerAscii(text[position]) == 's')
            position += 1;
        else if (position + 1 < text.size() && text[position] == '\xC5' && text[position + 1] == '\xBF')
            position += 2;
        if (!startsWithLowered(text, position, "://"))
            return 0;
        position += 3;
    } else if (startsWithLowered(text, position, "www.")) {
        position += 4;
    } else {
        return 0;
    }
    const std::size_t tail = position;
    while (position < text.size() && isLinkTailByte(text[position]))
        ++position;
    return position > tail ? position : 0;
}

// A dot and the top-level domain's letters at `at`, the end of a label: (?i)\.[a-z]{2,24},
// greedy. Returns the end, or 0.
std::size_t topLevelDomainAt(std::string_view text, std::size_t at)
{
    if (at >= text.size() || text[at] != '.')
        return 0;
    std::size_t position = at + 1;
    std::size_t letters = 0;
    while (position < text.size() && letters < kMaxTopLevelLetters) {
        const std::size_t length = letterAt(text, position);
        if (length == 0)
            break;
        position += length;
        ++letters;
    }
    return letters >= 2 ? position : 0;
}

// The second alternative at `at`, where an alphanumeric starts: the host's
// labels, the top-level domain, port and path. Returns the end, or 0; on 0,
// `noMatchUntil` is where a match can next start, as every alphanumeric before it
// leads into the same labels and fails the same way.
std::size_t hostLinkAt(std::string_view text, std::size_t at, std::size_t &noMatchUntil)
{
    // A label takes the whole run of [a-z0-9\-] and must end in an alphanumeric:
    // a shorter one would leave a label character where only "." can follow.
    std::size_t labelEnd = labelRunEnd(text, at);
    noMatchUntil = labelEnd;
    if (text[labelEnd - 1] == '-')
        return 0;
    // The greedy (?:\.label)* backs off from the last label until a dot and two
    // letters follow, so the top-level domain is the one after the last label end
    // that has one.
    std::size_t topEnd = topLevelDomainAt(text, labelEnd);
    while (labelEnd + 1 < text.size() && text[labelEnd] == '.' && alnumAt(text, labelEnd + 1) != 0) {
        const std::size_t next = labelRunEnd(text, labelEnd + 1);
        if (text[next - 1] == '-')
            break;
        labelEnd = next;
        if (const std::size_t found = topLevelDomainAt(text, labelEnd))
            topEnd = found;
    }
    noMatchUntil = labelEnd;
    if (topEnd == 0)
        return 0;

    std::size_t end = topEnd;
    if (end < text.size() && text[end] == ':') {
        std::size_t digits = 0;
        while (end + 1 + digits < text.size() && digits < kMaxPortDigits && isDigit(text[end + 1 + digits]))
            ++digits;
        if (digits >= 2)
            end += 1 + digits;
    }
    if (end < text.size() && text[end] == '/') {
        ++end;
        while (end < text.size() && isLinkTailByte(text[end]))
            ++end;
    }
    return end;
}

} // namespace

bool findUrl(std::string_view text, std::size_t from, std::size_t to, std::size_t &start, std::size_t &end)
{
    const std::string_view window = text.substr(0, std::min(to, text.size()));
    std::size_t hostFailsUntil = 0; // alphanumerics before this lead to a failed host
    for (std::size_t at = from; at < window.size(); ++at) {
        const char c = window[at];
        const char lowered = lowerAscii(c);
        if (lowered == 'h' || lowered == 'w') {
            if (const std::size_t found = schemeLinkAt(window, at)) {
                start = at;
                end = found;
                return true;
            }
        }
        if (at < hostFailsUntil || alnumAt(window, at) == 0)
            continue;
        if (const std::size_t found = hostLinkAt(window, at, hostFailsUntil)) {
            start = at;
            end = found;
            return true;
        }
    }
    return false;
}

} // namespace cg
