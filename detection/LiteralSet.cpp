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

} // namespace

LiteralSet::LiteralSet(const std::vector<std::string> &literals)
{
    // Byte classes: one per distinct (lower-case) byte of the literals.
    int classes = 0;
    for (const std::string &literal : literals) {
        if (literal.empty())
            return;
        for (char c : literal) {
            std::uint16_t &cls = m_class[static_cast<unsigned char>(lowerAscii(c))];
            if (cls == 0)
                cls = std::uint16_t(++classes);
        }
    }
    for (char c = 'a'; c <= 'z'; ++c)
        m_class[static_cast<unsigned char>(c - 'a' + 'A')] = m_class[static_cast<unsigned char>(c)];
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
    for (std::size_t index = 0; index < literals.size(); ++index) {
        std::uint32_t node = 0;
        for (char c : literals[index]) {
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
        m_longest = std::max(m_longest, literals[index].size());
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
    for (std::size_t i = 0; i < reportedBy.size(); ++i) {
        m_reported.insert(m_reported.end(), reportedBy[i].begin(), reportedBy[i].end());
        m_firstReported[i + 1] = std::uint32_t(m_reported.size());
    }
    m_valid = true;
}

void LiteralSet::report(std::uint32_t offset, std::vector<int> &found) const
{
    const std::uint32_t at = (offset >> m_classBits) - m_firstReporting;
    found.insert(found.end(), m_reported.begin() + m_firstReported[at], m_reported.begin() + m_firstReported[at + 1]);
}

template <int Walks>
void LiteralSet::walk(std::string_view text, std::vector<int> &found) const
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
    for (std::size_t i = 0; i < leadIn; ++i) {
        offset[0] = next[offset[0] + classOf[*at[0]++]];
        if (offset[0] >= firstReporting)
            report(offset[0], found);
        for (int w = 1; w < Walks; ++w)
            offset[w] = next[offset[w] + classOf[*at[w]++]];
    }
    for (std::size_t i = leadIn; i < stretch; ++i) {
        for (int w = 0; w < Walks; ++w)
            offset[w] = next[offset[w] + classOf[*at[w]++]];
        for (int w = 0; w < Walks; ++w) {
            if (offset[w] >= firstReporting)
                report(offset[w], found);
        }
    }
    // The other walks' last lead-in's worth of bytes, and the rest of the text.
    for (int w = 1; w < Walks; ++w) {
        const unsigned char *end = w + 1 < Walks ? bytes + std::size_t(w + 1) * stretch : bytes + text.size();
        while (at[w] < end) {
            offset[w] = next[offset[w] + classOf[*at[w]++]];
            if (offset[w] >= firstReporting)
                report(offset[w], found);
        }
    }
}

void LiteralSet::match(std::string_view text, std::vector<int> &found) const
{
    found.clear();
    if (!m_valid)
        return;
    // Every walk but the first reads a lead-in as long as the longest literal:
    // worth it only for texts several times longer.
    if (m_longest > 0 && text.size() >= 8 * m_longest)
        walk<4>(text, found);
    else if (m_longest > 0 && text.size() >= 4 * m_longest)
        walk<2>(text, found);
    else
        walk<1>(text, found);
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
}

} // namespace cg
