#pragma once

#include <re2/re2.h>

#include <string>
#include <string_view>
#include <utility>

namespace cg {

// Every match of `regex` in `text`, left to right, as RE2::FindAndConsume() would
// find them, but asking RE2 for the whole match only. A pattern without capture
// groups lets RE2 answer with its DFAs alone (forward for the end, reverse for the
// start) instead of also running a submatch engine over each match, which is most
// of the cost when a message holds many candidates (digit runs, dotted words).
// Unlike FindAndConsume(), \b and ^ still see the text before `position`.
// A scan can be limited to text[from, to) of a longer text.
class RegexScan final
{
public:
    RegexScan(const RE2 &regex, const std::string &text)
        : RegexScan(regex, text, 0, text.size())
    {
    }
    RegexScan(const RE2 &regex, const std::string &text, std::size_t from, std::size_t to)
        : m_regex(regex)
        , m_text(text)
        , m_position(from)
        , m_end(to)
    {
    }

    // The next match, or false when there is none.
    bool next(re2::StringPiece &match)
    {
        if (m_position > m_end || !m_regex.Match(m_text, m_position, m_end, RE2::UNANCHORED, &match, 1)) {
            m_position = m_end + 1;
            return false;
        }
        const std::size_t end = std::size_t(match.data() - m_text.data()) + match.size();
        m_position = match.empty() ? end + 1 : end;
        return true;
    }

private:
    const RE2 &m_regex;
    const std::string &m_text;
    std::size_t m_position;
    std::size_t m_end;
};

// The stretch of `text` round text[at] between RE2's \s characters ([\t\n\f\r ]),
// as [first, second): where a match holding text[at] lies when its pattern cannot
// match a space. A pattern without anchors, \b or lookaround finds the same matches
// in such a stretch as in the whole text.
inline std::pair<std::size_t, std::size_t> stretchAround(std::string_view text, std::size_t at)
{
    const auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; };
    std::size_t start = at;
    while (start > 0 && !isSpace(text[start - 1]))
        --start;
    std::size_t end = at;
    while (end < text.size() && !isSpace(text[end]))
        ++end;
    return {start, end};
}

} // namespace cg
