#include "PatternRule.h"

#include "NormalizedText.h"

namespace cg {

PatternRule::PatternRule(const std::vector<DetectionData::Pattern> &patterns)
{
    for (const DetectionData::Pattern &pattern : patterns) {
        Compiled compiled;
        compiled.pattern = pattern;
        RE2::Options options;
        options.set_log_errors(false);
        // Without a group the whole match is the span.
        const RE2 probe(pattern.regex, options);
        const std::string regex = probe.NumberOfCapturingGroups() == 0 ? "(" + pattern.regex + ")" : pattern.regex;
        compiled.regex = std::make_unique<RE2>(regex, options);
        m_patterns.push_back(std::move(compiled));
    }
}

PatternRule::~PatternRule() = default;

std::vector<std::string> PatternRule::triggers() const
{
    std::vector<std::string> triggers;
    triggers.reserve(m_patterns.size());
    for (const Compiled &compiled : m_patterns)
        triggers.push_back(compiled.pattern.regex);
    return triggers;
}

void PatternRule::find(const NormalizedText &text, const std::vector<int> &fired, DetectedSpans &out) const
{
    const std::string &working = text.working();
    for (int index : fired) {
        const Compiled &compiled = m_patterns[std::size_t(index)];
        re2::StringPiece input(working);
        re2::StringPiece match;
        while (RE2::FindAndConsume(&input, *compiled.regex, &match)) {
            if (match.empty())
                continue;
            const std::size_t start = std::size_t(match.data() - working.data());
            DetectedSpan span = text.makeSpan(compiled.pattern.type, start, start + match.size());
            span.value = span.text.simplified();
            span.confidence = compiled.pattern.confidence;
            span.rule = QString::fromStdString(compiled.pattern.rule);
            span.explanation = compiled.pattern.explanation;
            out.append(span);
        }
    }
}

} // namespace cg
