#pragma once

#include <re2/re2.h>

#include <string>

namespace cg {

// Every match of `regex` in `text`, left to right, as RE2::FindAndConsume() would
// find them, but asking RE2 for the whole match only. A pattern without capture
// groups lets RE2 answer with its DFAs alone (forward for the end, reverse for the
// start) instead of also running a submatch engine over each match, which is most
// of the cost when a message holds many candidates (digit runs, dotted words).
// Unlike FindAndConsume(), \b and ^ still see the text before `position`.
class RegexScan final
{
public:
    RegexScan(const RE2 &regex, const std::string &text)
        : m_regex(regex)
        , m_text(text)
    {
    }

    // The next match, or false when there is none.
    bool next(re2::StringPiece &match)
    {
        if (m_position > m_text.size()
            || !m_regex.Match(m_text, m_position, m_text.size(), RE2::UNANCHORED, &match, 1)) {
            m_position = m_text.size() + 1;
            return false;
        }
        const std::size_t end = std::size_t(match.data() - m_text.data()) + match.size();
        m_position = match.empty() ? end + 1 : end;
        return true;
    }

private:
    const RE2 &m_regex;
    const std::string &m_text;
    std::size_t m_position = 0;
};

} // namespace cg
