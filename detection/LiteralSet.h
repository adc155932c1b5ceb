#pragma once

#include <bitset>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cg {

// Which of many short literals occur in a text, ignoring the case of ASCII
// letters (other bytes must match exactly): for ASCII text, what a
// case-insensitive RE2::Set of the quoted literals answers, at a fraction of the
// cost and with no automaton to build while matching. (For other text, case-fold
// both sides first: see Detector.)
//
// Three options: a literal can be required to stand apart from certain bytes on
// either side (a messenger's name not inside a word) or to be written in its own
// case ("St" as a street, not "st"), and look-alikes can be matched too
// ("wh4ts@pp" for "whatsapp").
//
// An Aho-Corasick automaton built in full up front: the bytes the literals use
// are numbered (upper and lower case alike, every other byte 0), and each state
// has a next state for each number, so matching reads one table entry per byte.
// States where a literal ends are numbered last, so one comparison says whether
// to report.
class LiteralSet final
{
public:
    using ByteSet = std::bitset<256>;

    struct Literal
    {
        std::string text;
        // The byte right before the literal may not be one of `notBefore`, nor the
        // first byte after it that is not one of `skipAfter` one of `notAfter`; the
        // start and the end of the text always do.
        ByteSet notBefore;
        ByteSet notAfter;
        ByteSet skipAfter;
        // Whether match() also says where it occurs (Places).
        bool located = false;
        // Whether the text must hold the literal as written, case and all (the
        // walk ignores case; the occurrence is then compared byte for byte).
        bool exactCase = false;
    };

    // Where located literals occur in a text: every occurrence match() found, in
    // no particular order, up to `most` of them (then `complete` is false).
    struct Place
    {
        int literal;
        std::size_t start;
        std::size_t end;
    };
    struct Places
    {
        std::vector<Place> list;
        std::size_t most = 1024;
        bool complete = true;
    };

    enum class LookAlikes {
        No,
        // Digits and symbols in the text also match the letter they stand for: "@"
        // and "4" match "a", "3" "e", "1", "!" and "|" "i", "0" "o", "5" and "$"
        // "s", "7" "t", "9" "g", "8" "b" (in the literals too, so "4" matches "a").
        // And any of RE2's \s bytes (tab, line feed, form feed, carriage return,
        // space) matches any other: "g mail" is also found as "g\tmail".
        Yes,
    };

    // Unusable (isValid() false) when a literal is empty or the automaton would
    // need more than about two million table entries: the caller then falls back
    // to something slower.
    explicit LiteralSet(const std::vector<std::string> &literals);
    LiteralSet(const std::vector<Literal> &literals, LookAlikes lookAlikes);

    bool isValid() const { return m_valid; }

    // The bytes of text a lower-case letter matches with look-alikes: itself, its
    // capital and the digits and symbols that stand for it ("a", "A", "@", "4").
    static std::string lookAlikesOf(char letter);

    // Sets `found` to the indexes of the literals that occur in `text`, ascending,
    // each once.
    // With `places`, also sets it to where the located literals occur.
    void match(std::string_view text, std::vector<int> &found, Places *places = nullptr) const;

private:
    template <int Walks>
    void walk(std::string_view text, std::vector<int> &found, Places *places) const;
    // Adds the literals that end in the state at table offset `offset`, where the
    // walk has read text[0, end).
    void report(std::uint32_t offset, std::string_view text, std::size_t end, std::vector<int> &found,
                Places *places) const;

    bool m_valid = false;
    int m_classBits = 0;             // the table has 1 << m_classBits entries per state
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
    // For literals with neighbours they may not have or a case to keep: index into m_edges + 1,
    // and their length; 0 for the others.
    std::vector<std::uint16_t> m_edgesOf;
    std::vector<std::uint32_t> m_length;
    struct Edges
    {
        ByteSet notBefore;
        ByteSet notAfter;
        ByteSet skipAfter;
        bool exactCase = false;
        bool operator==(const Edges &other) const
        {
            return notBefore == other.notBefore && notAfter == other.notAfter && skipAfter == other.skipAfter
                && exactCase == other.exactCase;
        }
    };
    std::vector<Edges> m_edges; // distinct ones
    std::vector<std::string> m_exactText; // per literal: its text where exactCase, else empty
    std::vector<bool> m_located; // per literal
    // Per reporting state: whether a literal it reports has edges or is located
    // (then report() looks at each on its own).
    std::vector<bool> m_stateChecksEach;
};

} // namespace cg
