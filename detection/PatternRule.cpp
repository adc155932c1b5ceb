#include "PatternRule.h"

#include "NormalizedText.h"

namespace cg {

PatternRule::PatternRule(const std::vector<DetectionData::Pattern> &patterns)
    : m_patterns(patterns)
{
    std::string combined;
    RE2::Options options;
    options.set_log_errors(false);
    for (const DetectionData::Pattern &pattern : m_patterns) {
        // Without a group the whole match is the span: every alternative gets
        // exactly one group, so group i is pattern i.
        const RE2 probe(pattern.regex, options);
        const std::string regex = probe.NumberOfCapturingGroups() == 0 ? "(" + pattern.regex + ")" : pattern.regex;
        if (!combined.empty())
            combined += '|';
        combined += "(?:" + regex + ")";
    }
    options.set_max_mem(1024 << 20);
    m_combined = std::make_unique<RE2>(combined.empty() ? std::string("(\\z\\A)") : combined, options);
}

PatternRule::~PatternRule() = default;

std::vector<std::string> PatternRule::triggers() const
{
    // Always runs: a gate of the patterns' literal words fired for most chat-sized
    // messages and made the shared set several times slower (docs/performance.md).
    // The combined regex is one linear pass anyway.
    return {std::string()};
}

void PatternRule::find(const NormalizedText &text, const std::vector<int> & /*fired*/,
                       DetectedSpans &out) const
{
    const std::string &working = text.working();
    const int groups = m_combined->NumberOfCapturingGroups();
    std::vector<re2::StringPiece> submatches(std::size_t(groups) + 1);
    std::size_t position = 0;
    while (position <= working.size()
           && m_combined->Match(working, position, working.size(), RE2::UNANCHORED, submatches.data(),
                                groups + 1)) {
        const re2::StringPiece whole = submatches[0];
        const std::size_t wholeEnd = std::size_t(whole.data() - working.data()) + whole.size();
        position = whole.empty() ? wholeEnd + 1 : wholeEnd;
        for (int g = 1; g <= groups; ++g) {
            const re2::StringPiece match = submatches[std::size_t(g)];
            if (match.data() == nullptr || match.empty())
                continue;
            const DetectionData::Pattern &pattern = m_patterns[std::size_t(g - 1)];
            const std::size_t start = std::size_t(match.data() - working.data());
            DetectedSpan span = text.makeSpan(pattern.type, start, start + match.size());
            span.value = span.text.simplified();
            span.confidence = pattern.confidence;
            span.rule = QString::fromStdString(pattern.rule);
            span.explanation = pattern.explanation;
            out.append(span);
            break;
        }
    }
}

} // namespace cg
