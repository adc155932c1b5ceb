#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cg {

// Which of many short literals occur in a text, ignoring the case of ASCII
// letters (other bytes must match exactly): for ASCII text, what a
// case-insensitive RE2::Set of the quoted literals answers, at a fraction of the
// cost and with no automaton to build while matching. (For other text, case-fold
// both sides first: see PatternRule.)
//
// An Aho-Corasick automaton built in full up front: the bytes the literals use
// are numbered (upper and lower case alike, every other byte 0), and each state
// has a next state for each number, so matching reads one table entry per byte.
// States where a literal ends are numbered last, so one comparison says whether
// to report.
class LiteralSet final
{
public:
    // Unusable (isValid() false) when a literal is empty or the automaton would
    // need more than about two million table entries: the caller then keeps its
    // regular expression set.
    explicit LiteralSet(const std::vector<std::string> &literals);

    bool isValid() const { return m_valid; }

    // Sets `found` to the indexes of the literals that occur in `text`, ascending,
    // each once.
    void match(std::string_view text, std::vector<int> &found) const;

private:
    template <int Walks>
    void walk(std::string_view text, std::vector<int> &found) const;
    // Adds the literals that end in the state at table offset `offset`.
    void report(std::uint32_t offset, std::vector<int> &found) const;

    bool m_valid = false;
    int m_classBits = 0;            // the table has 1 << m_classBits entries per state
    std::uint16_t m_class[256] = {}; // byte -> class, 0 for bytes in no literal
    // m_next[(state << m_classBits) + class] is the next state, shifted left by
    // m_classBits (the walk adds the class to it and reads on); states >=
    // m_firstReporting end literals.
    std::vector<std::uint32_t> m_next;
    std::uint32_t m_firstReporting = 0;
    std::size_t m_longest = 0; // bytes of the longest literal
    // The literals that end in reporting state s: m_reported[m_firstReported[s - m_firstReporting] ...].
    std::vector<std::uint32_t> m_firstReported;
    std::vector<int> m_reported;
};

} // namespace cg
