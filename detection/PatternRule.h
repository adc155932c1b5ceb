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
// several countries. Each pattern is also its own trigger, so the Detector's
// RE2::Set pass tells exactly which patterns to run.
class PatternRule final : public DetectionRule
{
public:
    explicit PatternRule(const std::vector<DetectionData::Pattern> &patterns);
    ~PatternRule() override;

    std::vector<std::string> triggers() const override;
    void find(const NormalizedText &text, const std::vector<int> &fired,
              DetectedSpans &out) const override;

private:
    struct Compiled
    {
        DetectionData::Pattern pattern;
        std::unique_ptr<RE2> regex;
    };
    std::vector<Compiled> m_patterns;
};

} // namespace cg
