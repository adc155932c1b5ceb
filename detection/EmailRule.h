#pragma once

#include "DetectionRule.h"

#include <re2/re2.h>

#include <string>

namespace cg {

// E-mail addresses: plain ones, and ones written to dodge filters
// ("name at domain dot com", "name[at]domain[dot]com", "name (at) domain (dot) in").
// Zero-width characters, fullwidth forms and look-alike letters are already
// folded by NormalizedText, so the plain pattern catches those too.
//
// An address whose domain is one of the platform's own domains is still an
// e-mail address and is reported: only *links* to platform domains are exempt.
class EmailRule final : public DetectionRule
{
public:
    EmailRule();

    std::vector<std::string> triggers() const override;
    std::vector<TriggerWord> triggerWords() const override;
    bool runsOnEveryMessage() const override { return true; }
    void find(const NormalizedText &text, const std::vector<int> &fired,
              DetectedSpans &out) const override;

private:
    void findPlain(const NormalizedText &text, DetectedSpans &out) const;
    // Plain addresses in working[from, to), a stretch without spaces.
    void findPlain(const NormalizedText &text, std::size_t from, std::size_t to, DetectedSpans &out) const;
    void findSpelledOut(const NormalizedText &text, DetectedSpans &out) const;
    std::string spelledOutValue(std::string text) const;

    RE2 m_plain;
    RE2 m_spelledOut;
    RE2 m_bracketAt;
    RE2 m_bracketDot;
    RE2 m_wordAt;
    RE2 m_wordDot;
    RE2 m_spaces;
    RE2 m_spacedDot;
};

} // namespace cg
