#pragma once

#include "CueWords.h"
#include "DetectionRule.h"
#include "NumberingPlans.h"

#include <re2/re2.h>

#include <memory>
#include <string>
#include <vector>

namespace i18n::phonenumbers {
class PhoneNumberUtil;
class PhoneNumber;
} // namespace i18n::phonenumbers

namespace cg {

// Phone numbers. A cheap RE2 pattern finds runs of digits and separators; only
// those runs are judged by libphonenumber's numbering plans (NumberingPlans),
// which decide whether they are numbers of some country and give the E.164 form.
// Context words then raise or lower confidence.
class PhoneRule final : public DetectionRule
{
public:
    explicit PhoneRule(const std::string &defaultRegion);
    ~PhoneRule() override;

    std::vector<std::string> triggers() const override;
    void find(const NormalizedText &text, const std::vector<int> &fired,
              DetectedSpans &out) const override;

    // Whether libphonenumber knows the two-letter region code (e.g. "GB").
    static bool isKnownRegion(const std::string &region);

private:
    struct Candidate;
    struct Verdict;
    struct RememberedVerdicts;

    bool looksLikeOtherNumber(const std::string &working, const Candidate &candidate) const;
    // judge(), remembered: chat repeats numbers.
    bool validate(const Candidate &candidate, bool phoneCueNearby, Verdict &verdict) const;
    // Whether libphonenumber takes the digits for a phone number, and as what.
    bool judge(const Candidate &candidate, bool phoneCueNearby, Verdict &verdict) const;
    double contextAdjustment(const std::string &working, const Candidate &candidate) const;
    // PhoneNumberUtil's Parse(), IsValidNumber() and GetRegionCodeForNumber(),
    // answered by m_plans.
    bool parse(const std::string &digits, bool plus, const std::string &region,
               i18n::phonenumbers::PhoneNumber *number) const;
    bool isValid(const i18n::phonenumbers::PhoneNumber &number) const;
    std::string regionOf(const i18n::phonenumbers::PhoneNumber &number) const;

    const i18n::phonenumbers::PhoneNumberUtil &m_util;
    const NumberingPlans &m_plans;
    std::string m_defaultRegion;
    std::unique_ptr<RememberedVerdicts> m_remembered; // shared by the threads that use this rule
    // Regions tried when a national number is not valid in the default region:
    // a freelance marketplace talks with the whole world.
    struct FallbackRegion
    {
        std::string code;
        int countryCode = 0;
        std::string nationalPrefix; // "0" for most; empty where numbers keep their zero
    };
    std::vector<FallbackRegion> m_fallbackRegions;
    RE2 m_candidate;
    RE2 m_date;
    RE2 m_otherIdFormat; // IP addresses, Brazilian CPF/CNPJ tax IDs, ZIP+4 codes
    CueWords m_phoneCues;
    CueWords m_otherNumberCues;
};

} // namespace cg
