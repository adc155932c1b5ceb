#include "AsciiPattern.h"

#include <optional>

namespace cg {

namespace {

// What a Unicode class holds of ASCII, as the inside of a bracket expression
// ("" for classes with no ASCII member); nothing for a class not listed here.
std::optional<std::string_view> asciiMembers(std::string_view name)
{
    if (name == "L" || name == "Latin")
        return "A-Za-z";
    if (name == "Lu")
        return "A-Z";
    if (name == "Ll")
        return "a-z";
    if (name == "N" || name == "Nd")
        return "0-9";
    if (name == "M" || name == "Mn" || name == "Mc" || name == "Me")
        return "";
    return std::nullopt;
}

// A code point no ASCII text holds: stands in for a class without ASCII members,
// as RE2 has no empty class.
constexpr std::string_view kNever = "\\x{10FFFF}";

} // namespace

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
