#include "PatternGate.h"

#include <cctype>

namespace cg {

namespace {

// Cross products of optional parts grow fast; a gate is a few words.
constexpr std::size_t kMostSpellings = 256;

// What "\\" may escape: ASCII punctuation, and the space (a gate's field is
// trimmed, so a space at a word's end is written "\\ ").
bool isEscapable(char c)
{
    return c == ' ' || (static_cast<unsigned char>(c) < 0x80 && std::ispunct(static_cast<unsigned char>(c)) != 0);
}

// Reads one alternation of the gate, left to right; fails with the byte it stopped at.
class GateReader
{
public:
    explicit GateReader(std::string_view gate)
        : m_gate(gate)
    {
    }

    bool read(PatternGate &parsed, std::string &error)
    {
        if (consume("(?i)"))
            parsed.ignoresCase = true;
        do {
            if (!readAlternative(parsed.words))
                break;
        } while (consume("|"));
        if (m_error.empty() && m_at < m_gate.size())
            fail("unexpected '" + std::string(1, m_gate[m_at]) + "'");
        if (m_error.empty() && parsed.words.empty())
            fail("no words");
        error = m_error;
        return m_error.empty();
    }

private:
    bool consume(std::string_view what)
    {
        if (m_gate.substr(m_at, what.size()) != what)
            return false;
        m_at += what.size();
        return true;
    }
    bool fail(const std::string &what)
    {
        if (m_error.empty())
            m_error = "at byte " + std::to_string(m_at + 1) + ": " + what;
        return false;
    }
    bool atWordEnd() const { return m_at == m_gate.size() || m_gate[m_at] == '|' || m_gate[m_at] == ')'; }

    // One character of a word: itself, or punctuation escaped with "\".
    bool readCharacter(std::string &out)
    {
        const char c = m_gate[m_at];
        if (c == '\\') {
            if (m_at + 1 >= m_gate.size() || !isEscapable(m_gate[m_at + 1]))
                return fail("only \\b, \\d (at a word's ends), punctuation and space may follow \\");
            out += m_gate[m_at + 1];
            m_at += 2;
            return true;
        }
        if (std::string_view(".+*?()[]{}^$|").find(c) != std::string_view::npos)
            return fail(std::string("'") + c + "' must be escaped (\\" + c + ") to stand for itself");
        // A whole UTF-8 character: its lead byte and continuation bytes.
        std::size_t length = 1;
        while (m_at + length < m_gate.size() && (static_cast<unsigned char>(m_gate[m_at + length]) & 0xC0) == 0x80)
            ++length;
        out.append(m_gate.substr(m_at, length));
        m_at += length;
        return true;
    }

    // "(?:a|b)" after its opening: the words it offers.
    bool readGroup(std::vector<std::string> &choices)
    {
        std::string choice;
        while (true) {
            if (m_at >= m_gate.size())
                return fail("the group is not closed with ')'");
            if (consume("(?:") || consume("("))
                return fail("groups may not be nested or capture");
            if (consume("|")) {
                choices.push_back(choice);
                choice.clear();
            } else if (consume(")")) {
                choices.push_back(choice);
                return true;
            } else if (m_gate.substr(m_at, 2) == "\\b" || m_gate.substr(m_at, 2) == "\\d") {
                return fail("\\b and \\d may stand only at a word's ends, outside groups");
            } else if (!readCharacter(choice)) {
                return false;
            }
        }
    }

    bool readAlternative(std::vector<GateWord> &words)
    {
        GateWord shape;
        shape.boundaryBefore = consume("\\b");
        std::vector<std::string> spellings = {std::string()};
        bool anyPart = false;
        while (!atWordEnd()) {
            const std::size_t edgeAt = m_at;
            if (consume("\\b") || consume("\\d")) {
                shape.after = m_gate[m_at - 1] == 'b' ? GateWord::After::Boundary : GateWord::After::Digit;
                if (!atWordEnd() || (m_at < m_gate.size() && m_gate[m_at] == ')')) {
                    m_at = edgeAt; // the error points at the edge
                    return fail("\\b and \\d may stand only at a word's ends");
                }
                break;
            }
            std::vector<std::string> choices;
            if (consume("(?:")) {
                if (!readGroup(choices))
                    return false;
            } else {
                std::string character;
                if (!readCharacter(character))
                    return false;
                choices.push_back(character);
            }
            if (consume("?"))
                choices.emplace_back();
            anyPart = true;
            std::vector<std::string> longer;
            for (const std::string &start : spellings) {
                for (const std::string &choice : choices)
                    longer.push_back(start + choice);
            }
            if (longer.size() > kMostSpellings)
                return fail("the word has more than " + std::to_string(kMostSpellings) + " spellings; split it");
            spellings = std::move(longer);
        }
        if (m_at < m_gate.size() && m_gate[m_at] == ')')
            return fail("')' without '(?:'");
        if (!anyPart)
            return fail("empty word");
        for (std::string &spelling : spellings) {
            if (spelling.empty())
                return fail("every part of the word may be left out");
            shape.word = std::move(spelling);
            words.push_back(shape);
        }
        return true;
    }

    std::string_view m_gate;
    std::size_t m_at = 0;
    std::string m_error;
};

} // namespace

DetectionRule::TriggerWord triggerWordOf(const GateWord &gateWord, bool ignoresCase)
{
    std::bitset<256> ascii;
    for (std::size_t c = 0; c < 0x80; ++c)
        ascii.set(c);
    const std::bitset<256> wordBytes = DetectionRule::wordBytes();
    const auto isWordByte = [&](char c) { return wordBytes[static_cast<unsigned char>(c)]; };
    // At a boundary the neighbour is of the other kind: not a word byte next to
    // one, a word byte next to anything else.
    const auto acrossBoundary = [&](char end) { return isWordByte(end) ? wordBytes : ascii & ~wordBytes; };
    DetectionRule::TriggerWord word;
    word.word = gateWord.word;
    word.exactCase = !ignoresCase;
    if (gateWord.boundaryBefore)
        word.notBefore = acrossBoundary(gateWord.word.front());
    if (gateWord.after == GateWord::After::Boundary)
        word.notAfter = acrossBoundary(gateWord.word.back());
    else if (gateWord.after == GateWord::After::Digit)
        word.notAfter = ascii & ~DetectionRule::bytesOf("0123456789");
    return word;
}

bool parsePatternGate(std::string_view gate, PatternGate &parsed, std::string &error)
{
    parsed = PatternGate();
    parsed.written = std::string(gate);
    return GateReader(gate).read(parsed, error);
}

} // namespace cg
