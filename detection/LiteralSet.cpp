#include "LiteralSet.h"

#include <algorithm>
#include <map>

namespace cg {

namespace {

constexpr std::size_t kMaxTableEntries = std::size_t(1) << 21;

char lowerAscii(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c + ('a' - 'A')) : c;
}

// The byte `c` is matched as: lower case, and with look-alikes the letter a
// digit or symbol stands for.
unsigned char folded(char c, LiteralSet::LookAlikes lookAlikes)
{
    c = lowerAscii(c);
    if (lookAlikes == LiteralSet::LookAlikes::Yes) {
        switch (c) {
        case '@': case '4': return 'a';
        case '3': return 'e';
        case '1': case '!': case '|': return 'i';
        case '0': return 'o';
        case '5': case '$': return 's';
        case '7': return 't';
        case '9': return 'g';
        case '8': return 'b';
        case '\t': case '\n': case '\f': case '\r': return ' ';
        default: break;
        }
    }
    return static_cast<unsigned char>(c);
}

// Per thread, for each literal, the number of the match() call that last
// reported it: a literal that occurs many times in a text is added once, with no
// sorting out of repeats afterwards.
thread_local std::vector<std::uint32_t> t_reportedIn;
thread_local std::uint32_t t_call = 0;

std::vector<LiteralSet::Literal> plain(const std::vector<std::string> &texts)
{
    std::vector<LiteralSet::Literal> literals;
    for (const std::string &text : texts)
        literals.push_back({text, {}, {}, {}});
    return literals;
}

} // namespace

LiteralSet::LiteralSet(const std::vector<std::string> &literals)
    : LiteralSet(plain(literals), LookAlikes::No)
{
}

std::string LiteralSet::lookAlikesOf(char letter)
{
    std::string bytes;
    for (int c = 1; c < 0x80; ++c) {
        if (folded(char(c), LookAlikes::Yes) == static_cast<unsigned char>(letter))
            bytes.push_back(char(c));
    }
    return bytes;
}

LiteralSet::LiteralSet(const std::vector<Literal> &literals, LookAlikes lookAlikes)
{
    // Byte classes: one per distinct byte of the literals as matched (folded);
    // every byte that folds to one of those is in its class.
    int classes = 0;
    std::uint16_t classOfFolded[256] = {};
    for (const Literal &literal : literals) {
        if (literal.text.empty())
            return;
        for (char c : literal.text) {
            std::uint16_t &cls = classOfFolded[folded(c, lookAlikes)];
            if (cls == 0)
                cls = std::uint16_t(++classes);
        }
    }
    for (int c = 0; c < 256; ++c)
        m_class[c] = classOfFolded[folded(char(c), lookAlikes)];
    m_classBits = 1;
    while ((1 << m_classBits) <= classes)
        ++m_classBits;
    const std::size_t width = std::size_t(1) << m_classBits;

    // The trie, with the literals that end at each node.
    struct Node
    {
        std::map<std::uint16_t, std::uint32_t> children;
        std::vector<int> ends;
        std::uint32_t fail = 0;
    };
    std::vector<Node> trie(1);
    m_edgesOf.assign(literals.size(), 0);
    m_length.assign(literals.size(), 0);
    m_located.assign(literals.size(), false);
    for (std::size_t index = 0; index < literals.size(); ++index) {
        const Literal &literal = literals[index];
        m_length[index] = std::uint32_t(literal.text.size());
        m_located[index] = literal.located;
        if (literal.notBefore.any() || literal.notAfter.any() || literal.exactCase) {
            const Edges edges{literal.notBefore, literal.notAfter, literal.skipAfter, literal.exactCase};
            if (literal.exactCase) {
                m_exactText.resize(literals.size());
                m_exactText[index] = literal.text;
            }
            const auto known = std::find(m_edges.begin(), m_edges.end(), edges);
            if (known == m_edges.end() && m_edges.size() + 1 >= 0xFFFF)
                return;
            m_edgesOf[index] = std::uint16_t(known - m_edges.begin()) + 1;
            if (known == m_edges.end())
                m_edges.push_back(edges);
        }
        std::uint32_t node = 0;
        for (char c : literal.text) {
            const std::uint16_t cls = m_class[static_cast<unsigned char>(c)];
            auto child = trie[node].children.find(cls);
            if (child == trie[node].children.end()) {
                if (trie.size() * width >= kMaxTableEntries)
                    return;
                child = trie[node].children.emplace(cls, std::uint32_t(trie.size())).first;
                trie.emplace_back();
            }
            node = child->second;
        }
        trie[node].ends.push_back(int(index));
        m_longest = std::max(m_longest, literal.text.size());
    }

    // Breadth first: each node's failure link (the longest proper suffix that is
    // also in the trie) and full transitions; a node also reports what its
    // failure link reports.
    std::vector<std::uint32_t> next(trie.size() * width, 0);
    std::vector<std::uint32_t> queue;
    for (const auto &[cls, child] : trie[0].children) {
        next[cls] = child;
        queue.push_back(child);
    }
    for (std::size_t head = 0; head < queue.size(); ++head) {
        const std::uint32_t node = queue[head];
        Node &current = trie[node];
        const std::vector<int> &inherited = trie[current.fail].ends;
        current.ends.insert(current.ends.end(), inherited.begin(), inherited.end());
        for (std::size_t cls = 0; cls < width; ++cls)
            next[node * width + cls] = next[current.fail * width + cls];
        for (const auto &[cls, child] : current.children) {
            trie[child].fail = node == 0 ? 0 : next[current.fail * width + cls];
            next[node * width + cls] = child;
            queue.push_back(child);
        }
    }

    // Renumber: states that report come last.
    std::vector<std::uint32_t> renumbered(trie.size());
    std::uint32_t quiet = 0;
    for (std::uint32_t node = 0; node < trie.size(); ++node)
        quiet += trie[node].ends.empty() ? 1 : 0;
    m_firstReporting = quiet;
    std::uint32_t nextQuiet = 0;
    std::uint32_t nextReporting = quiet;
    for (std::uint32_t node = 0; node < trie.size(); ++node)
        renumbered[node] = trie[node].ends.empty() ? nextQuiet++ : nextReporting++;
    m_next.assign(next.size(), 0);
    m_firstReported.assign(trie.size() - quiet + 1, 0);
    std::vector<std::vector<int>> reportedBy(trie.size() - quiet);
    for (std::uint32_t node = 0; node < trie.size(); ++node) {
        const std::uint32_t state = renumbered[node];
        for (std::size_t cls = 0; cls < width; ++cls)
            m_next[state * width + cls] = std::uint32_t(renumbered[next[node * width + cls]] * width);
        if (state >= quiet) {
            std::vector<int> &ends = reportedBy[state - quiet];
            ends = trie[node].ends;
            std::sort(ends.begin(), ends.end());
            ends.erase(std::unique(ends.begin(), ends.end()), ends.end());
        }
    }
    m_stateChecksEach.assign(reportedBy.size(), false);
    for (std::size_t i = 0; i < reportedBy.size(); ++i) {
        m_reported.insert(m_reported.end(), reportedBy[i].begin(), reportedBy[i].end());
        m_firstReported[i + 1] = std::uint32_t(m_reported.size());
        m_stateChecksEach[i] = std::any_of(reportedBy[i].begin(), reportedBy[i].end(), [&](int literal) {
            return m_edgesOf[std::size_t(literal)] != 0 || m_located[std::size_t(literal)];
        });
    }
    m_valid = true;
}

void LiteralSet::report(std::uint32_t offset, std::string_view text, std::size_t end, std::vector<int> &found,
                        Places *places) const
{
    const std::uint32_t at = (offset >> m_classBits) - m_firstReporting;
    const auto first = m_reported.begin() + m_firstReported[at];
    const auto last = m_reported.begin() + m_firstReported[at + 1];
    std::uint32_t *reportedIn = t_reportedIn.data();
    const std::uint32_t call = t_call;
    if (!m_stateChecksEach[at]) {
        for (auto literal = first; literal != last; ++literal) {
            if (reportedIn[*literal] != call) {
                reportedIn[*literal] = call;
                found.push_back(*literal);
            }
        }
        return;
    }
    for (auto literal = first; literal != last; ++literal) {
        // A located literal is looked at each time: its every occurrence counts.
        const bool locate = places != nullptr && m_located[std::size_t(*literal)];
        if (reportedIn[*literal] == call && !locate)
            continue;
        const std::size_t start = end - m_length[std::size_t(*literal)];
        const std::uint16_t edges = m_edgesOf[std::size_t(*literal)];
        if (edges != 0) {
            const Edges &edge = m_edges[edges - 1];
            if (start > 0 && edge.notBefore[static_cast<unsigned char>(text[start - 1])])
                continue;
            std::size_t after = end;
            while (after < text.size() && edge.skipAfter[static_cast<unsigned char>(text[after])])
                ++after;
            if (after < text.size() && edge.notAfter[static_cast<unsigned char>(text[after])])
                continue;
            if (edge.exactCase && text.compare(start, end - start, m_exactText[std::size_t(*literal)]) != 0)
                continue;
        }
        if (locate) {
            if (places->list.size() < places->most)
                places->list.push_back({*literal, start, end});
            else
                places->complete = false;
        }
        if (reportedIn[*literal] != call) {
            reportedIn[*literal] = call;
            found.push_back(*literal);
        }
    }
}

template <int Walks>
void LiteralSet::walk(std::string_view text, std::vector<int> &found, Places *places) const
{
    // Each step waits for the table entry the last one read, so walks over
    // stretches of the text, interleaved, go faster than one. Each walk but the
    // first starts early by the longest literal less one byte (its lead-in): from
    // there it is in the right state where its stretch begins, and it reports
    // only from there on.
    const std::uint32_t *next = m_next.data();
    const std::uint16_t *classOf = m_class;
    const std::uint32_t firstReporting = m_firstReporting << m_classBits;
    const auto *bytes = reinterpret_cast<const unsigned char *>(text.data());
    const std::size_t stretch = text.size() / Walks; // the last walk also takes the rest
    const std::size_t leadIn = Walks > 1 ? m_longest - 1 : 0;
    const unsigned char *at[Walks];
    std::uint32_t offset[Walks] = {};
    at[0] = bytes;
    for (int w = 1; w < Walks; ++w)
        at[w] = bytes + std::size_t(w) * stretch - leadIn;
    const auto position = [&](int w) { return std::size_t(at[w] - bytes); };
    for (std::size_t i = 0; i < leadIn; ++i) {
        offset[0] = next[offset[0] + classOf[*at[0]++]];
        if (offset[0] >= firstReporting)
            report(offset[0], text, position(0), found, places);
        for (int w = 1; w < Walks; ++w)
            offset[w] = next[offset[w] + classOf[*at[w]++]];
    }
    for (std::size_t i = leadIn; i < stretch; ++i) {
        for (int w = 0; w < Walks; ++w)
            offset[w] = next[offset[w] + classOf[*at[w]++]];
        for (int w = 0; w < Walks; ++w) {
            if (offset[w] >= firstReporting)
                report(offset[w], text, position(w), found, places);
        }
    }
    // The other walks' last lead-in's worth of bytes, and the rest of the text
    // (each walk's state in a local: it stays in a register).
    for (int w = 1; w < Walks; ++w) {
        const unsigned char *end = w + 1 < Walks ? bytes + std::size_t(w + 1) * stretch : bytes + text.size();
        std::uint32_t state = offset[w];
        for (const unsigned char *p = at[w]; p < end;) {
            state = next[state + classOf[*p++]];
            if (state >= firstReporting)
                report(state, text, std::size_t(p - bytes), found, places);
        }
    }
}

void LiteralSet::match(std::string_view text, std::vector<int> &found, Places *places) const
{
    found.clear();
    if (places != nullptr) {
        places->list.clear();
        places->complete = m_valid;
    }
    if (!m_valid)
        return;
    if (t_reportedIn.size() < m_length.size())
        t_reportedIn.resize(m_length.size(), 0);
    if (++t_call == 0) { // wrapped round: forget every earlier call
        std::fill(t_reportedIn.begin(), t_reportedIn.end(), 0);
        t_call = 1;
    }
    // Every walk but the first reads a lead-in as long as the longest literal:
    // worth it only for texts several times longer.
    if (m_longest > 0 && text.size() >= 8 * m_longest)
        walk<4>(text, found, places);
    else if (m_longest > 0 && text.size() >= 4 * m_longest)
        walk<2>(text, found, places);
    else
        walk<1>(text, found, places);
    std::sort(found.begin(), found.end());
}

} // namespace cg
