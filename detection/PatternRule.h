#pragma once

#include "DetectionData.h"
#include "DetectionRule.h"

#include <re2/re2.h>

#include <memory>
#include <string>
#include <vector>

namespace cg {

// The data-driven rules of patterns.tsv: requests for contact details and
// proposals to move off the platform in many languages, and postal addresses of
// several countries. All patterns run as ONE regex (an alternation with one
// capture group per pattern), so the text is scanned once however many patterns
// there are, and the group that matched names the rule.
class PatternRule final : public DetectionRule
{
public:
    explicit PatternRule(const std::vector<DetectionData::Pattern> &patterns);
    ~PatternRule() override;

    std::vector<std::string> triggers() const override;
    void find(const NormalizedText &text, const std::vector<int> &fired,
              DetectedSpans &out) const override;

private:
    std::vector<DetectionData::Pattern> m_patterns;
    std::unique_ptr<RE2> m_combined;
};

} // namespace cg
