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
            m_next[state * width + cls] = renumbered[next[node * width + cls]];
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

void LiteralSet::match(std::string_view text, std::vector<int> &found) const
{
    found.clear();
    if (!m_valid)
        return;
    const std::uint32_t *next = m_next.data();
    const std::uint16_t *classOf = m_class;
    const int bits = m_classBits;
    const std::uint32_t firstReporting = m_firstReporting;
    const auto *bytes = reinterpret_cast<const unsigned char *>(text.data());
    const auto report = [&](std::uint32_t state) {
        const std::uint32_t at = state - firstReporting;
        found.insert(found.end(), m_reported.begin() + m_firstReported[at], m_reported.begin() + m_firstReported[at + 1]);
    };
    // Each step waits for the table entry the last one read, so two walks over
    // the two halves of the text, interleaved, go nearly twice as fast. The second
    // starts early by the longest literal less one byte: from there, it is in the
    // right state by the middle, and reports what ends in the second half.
    std::size_t begin = 0;
    const std::size_t size = text.size();
    if (m_longest > 0 && size >= 4 * m_longest) {
        const std::size_t middle = size / 2;
        std::size_t second = middle + 1 - m_longest;
        std::uint32_t firstState = 0;
        std::uint32_t secondState = 0;
        for (; second < middle; ++begin, ++second) { // the second walk's lead-in
            firstState = next[(std::size_t(firstState) << bits) + classOf[bytes[begin]]];
            secondState = next[(std::size_t(secondState) << bits) + classOf[bytes[second]]];
            if (firstState >= firstReporting)
                report(firstState);
        }
        for (; begin < middle; ++begin, ++second) {
            firstState = next[(std::size_t(firstState) << bits) + classOf[bytes[begin]]];
            secondState = next[(std::size_t(secondState) << bits) + classOf[bytes[second]]];
            if (firstState >= firstReporting)
                report(firstState);
            if (secondState >= firstReporting)
                report(secondState);
        }
        for (std::uint32_t state = secondState; second < size; ++second) {
            state = next[(std::size_t(state) << bits) + classOf[bytes[second]]];
            if (state >= firstReporting)
                report(state);
        }
    } else {
        std::uint32_t state = 0;
        for (; begin < size; ++begin) {
            state = next[(std::size_t(state) << bits) + classOf[bytes[begin]]];
            if (state >= firstReporting)
                report(state);
        }
    }
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
}

} // namespace cg
