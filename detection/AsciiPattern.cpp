#include "AsciiPattern.h"

#include <QChar>

#include <optional>

namespace cg {

namespace {

// The classes narrowed, each with what it holds of ASCII as the inside of a
// bracket expression ("" for classes with no ASCII member).
struct NarrowedClass
{
    std::string_view name;
    std::string_view asciiMembers;
};
constexpr NarrowedClass kNarrowedClasses[] = {
    {"L", "A-Za-z"}, {"Latin", "A-Za-z"}, {"Lu", "A-Z"}, {"Ll", "a-z"}, {"N", "0-9"},
    {"Nd", "0-9"},   {"M", ""},           {"Mn", ""},    {"Mc", ""},    {"Me", ""},
};

// Nothing for a class not listed above.
std::optional<std::string_view> asciiMembers(std::string_view name)
{
    for (const NarrowedClass &narrowed : kNarrowedClasses) {
        if (narrowed.name == name)
            return narrowed.asciiMembers;
    }
    return std::nullopt;
}

// A code point no ASCII text holds: stands in for a class without ASCII members,
// as RE2 has no empty class.
constexpr std::string_view kNever = "\\x{10FFFF}";

} // namespace

bool narrowedPatternsAgreeOn(char32_t c)
{
    if (c < 0x80)
        return true;
    switch (QChar::category(c)) {
    case QChar::Letter_Uppercase:
    case QChar::Letter_Lowercase:
    case QChar::Letter_Titlecase:
    case QChar::Letter_Modifier:
    case QChar::Letter_Other:
    case QChar::Number_DecimalDigit:
    case QChar::Number_Letter:
    case QChar::Number_Other:
    case QChar::Mark_NonSpacing:
    case QChar::Mark_SpacingCombining:
    case QChar::Mark_Enclosing:
    case QChar::Symbol_Modifier:
    case QChar::Other_NotAssigned:
    case QChar::Other_Surrogate:
        return false;
    default:
        return true;
    }
}

std::vector<std::string_view> narrowedClassNames()
{
    std::vector<std::string_view> names;
    for (const NarrowedClass &narrowed : kNarrowedClasses)
        names.push_back(narrowed.name);
    return names;
}

std::string asciiNarrowed(std::string_view pattern)
{
    std::string out;
    out.reserve(pattern.size());
    bool inClass = false;
    bool changed = false;
    std::size_t i = 0;
    while (i < pattern.size()) {
        const char c = pattern[i];
        if (c == '[' && !inClass) {
            // Opening bracket, an optional '^', and a ']' right after them is a
            // member, not the end.
            inClass = true;
            out += c;
            ++i;
            if (i < pattern.size() && pattern[i] == '^')
                out += pattern[i++];
            if (i < pattern.size() && pattern[i] == ']')
                out += pattern[i++];
            continue;
        }
        if (inClass && c == '[' && i + 1 < pattern.size() && pattern[i + 1] == ':') {
            const std::size_t close = pattern.find(":]", i + 2);
            if (close == std::string_view::npos)
                return std::string(pattern);
            out += pattern.substr(i, close + 2 - i); // [:alpha:] and the like
            i = close + 2;
            continue;
        }
        if (inClass && c == ']') {
            inClass = false;
            out += c;
            ++i;
            continue;
        }
        if (c != '\\') {
            out += c;
            ++i;
            continue;
        }
        if (i + 1 >= pattern.size())
            return std::string(pattern);
        const char escaped = pattern[i + 1];
        if (escaped == 'Q')
            return std::string(pattern); // \Q...\E quotes: not worth taking apart
        if (escaped != 'p' && escaped != 'P') {
            out += pattern.substr(i, 2); // \\, \[, \d, \x (its digits follow as plain bytes)
            i += 2;
            continue;
        }
        // \pL, \p{Lu}, \PL, \p{^L}.
        bool negated = escaped == 'P';
        std::string_view name;
        std::size_t end = i + 2;
        if (end < pattern.size() && pattern[end] == '{') {
            const std::size_t close = pattern.find('}', end);
            if (close == std::string_view::npos)
                return std::string(pattern);
            name = pattern.substr(end + 1, close - end - 1);
            end = close + 1;
            if (!name.empty() && name.front() == '^') {
                negated = !negated;
                name.remove_prefix(1);
            }
        } else if (end < pattern.size()) {
            name = pattern.substr(end, 1);
            ++end;
        }
        const std::optional<std::string_view> members = asciiMembers(name);
        if (!members || (negated && inClass))
            return std::string(pattern);
        if (inClass)
            out += members->empty() ? kNever : *members;
        else if (negated)
            out += members->empty() ? std::string("[\\x00-\\x{10FFFF}]") : "[^" + std::string(*members) + "]";
        else
            out += members->empty() ? std::string(kNever) : "[" + std::string(*members) + "]";
        changed = true;
        i = end;
    }
    return changed ? out : std::string(pattern);
}

} // namespace cg
