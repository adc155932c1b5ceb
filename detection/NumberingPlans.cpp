#include "NumberingPlans.h"

#include <phonenumbers/phonemetadata.pb.h>
#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>
#include <re2/re2.h>

#include <algorithm>
#include <list>
#include <map>
#include <mutex>
#include <vector>

// The compiled-in metadata, as libphonenumber's own src/phonenumbers/metadata.h
// declares it; the library exports these two but does not install that header.
namespace i18n::phonenumbers {
int metadata_size();
const void *metadata_get();
} // namespace i18n::phonenumbers

namespace cg {

using i18n::phonenumbers::PhoneMetadata;
using i18n::phonenumbers::PhoneMetadataCollection;
using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberDesc;
using i18n::phonenumbers::PhoneNumberUtil;

namespace {

// PhoneNumberUtil's limits on a national significant number.
constexpr std::size_t kMinNationalLength = 2;
constexpr std::size_t kMaxNationalLength = 17;
constexpr std::size_t kMaxCountryCodeLength = 3;
const std::string kNonGeographicalRegion = "001";
const std::string kUnknownRegion = "ZZ";

// One of the metadata's regular expressions, compiled the first time it is
// needed: a detector meets a few dozen of the thousand or so.
class LazyPattern
{
public:
    void setSource(const std::string *source) { m_source = source; }
    bool isEmpty() const { return m_source == nullptr || m_source->empty(); }
    const std::string &source() const { return *m_source; }
    // The compiled pattern; nullptr for none, or one RE2 cannot read (which
    // then matches nothing, as tst_numberingplans makes sure none is).
    const RE2 *get() const
    {
        if (m_source == nullptr)
            return nullptr;
        std::call_once(m_once, [this] {
            RE2::Options options;
            options.set_log_errors(false);
            auto compiled = std::make_unique<RE2>(*m_source, options);
            if (compiled->ok())
                m_compiled = std::move(compiled);
        });
        return m_compiled.get();
    }

private:
    const std::string *m_source = nullptr;
    mutable std::once_flag m_once;
    mutable std::unique_ptr<RE2> m_compiled;
};

struct NumberDesc
{
    const PhoneNumberDesc *desc = nullptr;
    LazyPattern pattern;
};

enum class Length { Possible, LocalOnly, TooShort, TooLong, Invalid };

bool anchoredAtStart(const RE2 *re, std::string_view text, std::size_t *end = nullptr)
{
    re2::StringPiece match;
    if (re == nullptr || !re->Match(re2::StringPiece(text.data(), text.size()), 0, text.size(),
                                    RE2::ANCHOR_START, &match, 1))
        return false;
    if (end != nullptr)
        *end = match.size();
    return true;
}

} // namespace

// One region's plan (or one non-geographical calling code's).
struct Plan
{
    const PhoneMetadata *metadata = nullptr;
    NumberDesc general;
    // The types GetNumberTypeHelper() tries: any match makes a number valid.
    std::vector<std::unique_ptr<NumberDesc>> types;
    NumberDesc fixedLine;
    NumberDesc mobile;
    LazyPattern internationalPrefix;
    LazyPattern nationalPrefixForParsing;
    LazyPattern leadingDigits;
    std::string transformRule; // "$1" references as RE2's "\1"
};

struct NumberingPlans::Private
{
    PhoneMetadataCollection collection;
    std::vector<std::unique_ptr<Plan>> plans;
    std::map<std::string, const Plan *> byRegion;
    std::map<int, const Plan *> nonGeographical;
    std::map<int, std::vector<std::string>> regionsOfCode; // main region first, as the library has them

    void add(const PhoneMetadata &metadata);
    const Plan *regionPlan(const std::string &region) const;
    const Plan *planFor(int countryCode, const std::string &region) const;
    const std::string &mainRegion(int countryCode) const;

    static bool matchesWhole(const NumberDesc &desc, std::string_view number);
    static bool matchesDesc(const NumberDesc &desc, std::string_view number);
    static bool hasKnownType(const Plan &plan, std::string_view number);
    static Length testLength(const Plan &plan, std::string_view number);
    static bool stripNationalPrefix(const Plan &plan, std::string &number);
    bool extractCountryCode(std::string &number, int *countryCode) const;
    enum class Extraction { Done, TooShortAfterIdd, InvalidCountryCode };
    Extraction maybeExtractCountryCode(const Plan *home, bool plus, std::string &number, int *countryCode) const;
    static std::string nationalSignificantNumber(const PhoneNumber &number);
    bool isValidForRegion(const PhoneNumber &number, const std::string &region) const;
};

void NumberingPlans::Private::add(const PhoneMetadata &metadata)
{
    auto plan = std::make_unique<Plan>();
    plan->metadata = &metadata;
    const auto setDesc = [](NumberDesc &into, const PhoneNumberDesc &desc) {
        into.desc = &desc;
        if (desc.has_national_number_pattern())
            into.pattern.setSource(&desc.national_number_pattern());
    };
    setDesc(plan->general, metadata.general_desc());
    for (const PhoneNumberDesc *desc : {&metadata.premium_rate(), &metadata.toll_free(), &metadata.shared_cost(),
                                        &metadata.voip(), &metadata.personal_number(), &metadata.pager(),
                                        &metadata.uan(), &metadata.voicemail()}) {
        plan->types.push_back(std::make_unique<NumberDesc>());
        setDesc(*plan->types.back(), *desc);
    }
    setDesc(plan->fixedLine, metadata.fixed_line());
    setDesc(plan->mobile, metadata.mobile());
    plan->internationalPrefix.setSource(&metadata.international_prefix());
    if (metadata.has_national_prefix_for_parsing())
        plan->nationalPrefixForParsing.setSource(&metadata.national_prefix_for_parsing());
    if (metadata.has_leading_digits())
        plan->leadingDigits.setSource(&metadata.leading_digits());
    for (std::size_t i = 0; i < metadata.national_prefix_transform_rule().size(); ++i) {
        const char c = metadata.national_prefix_transform_rule()[i];
        plan->transformRule.push_back(c == '$' ? '\\' : c);
    }
    if (metadata.id() == kNonGeographicalRegion)
        nonGeographical[metadata.country_code()] = plan.get();
    else
        byRegion[metadata.id()] = plan.get();
    plans.push_back(std::move(plan));
}

const Plan *NumberingPlans::Private::regionPlan(const std::string &region) const
{
    const auto found = byRegion.find(region);
    return found == byRegion.end() ? nullptr : found->second;
}

const Plan *NumberingPlans::Private::planFor(int countryCode, const std::string &region) const
{
    if (region != kNonGeographicalRegion)
        return regionPlan(region);
    const auto found = nonGeographical.find(countryCode);
    return found == nonGeographical.end() ? nullptr : found->second;
}

const std::string &NumberingPlans::Private::mainRegion(int countryCode) const
{
    const auto found = regionsOfCode.find(countryCode);
    return found == regionsOfCode.end() ? kUnknownRegion : found->second.front();
}

bool NumberingPlans::Private::matchesWhole(const NumberDesc &desc, std::string_view number)
{
    if (desc.pattern.isEmpty())
        return false; // the library's matcher: an empty pattern matches nothing
    const RE2 *re = desc.pattern.get();
    return re != nullptr
        && re->Match(re2::StringPiece(number.data(), number.size()), 0, number.size(), RE2::ANCHOR_BOTH,
                     nullptr, 0);
}

bool NumberingPlans::Private::matchesDesc(const NumberDesc &desc, std::string_view number)
{
    const auto &lengths = desc.desc->possible_length();
    if (!lengths.empty() && std::find(lengths.begin(), lengths.end(), int(number.size())) == lengths.end())
        return false;
    return matchesWhole(desc, number);
}

bool NumberingPlans::Private::hasKnownType(const Plan &plan, std::string_view number)
{
    // GetNumberTypeHelper() != UNKNOWN. Which type does not matter here, so the
    // commonest go first.
    if (!matchesDesc(plan.general, number))
        return false;
    if (matchesDesc(plan.fixedLine, number))
        return true;
    if (!plan.metadata->same_mobile_and_fixed_line_pattern() && matchesDesc(plan.mobile, number))
        return true;
    return std::any_of(plan.types.begin(), plan.types.end(),
                       [&](const auto &desc) { return matchesDesc(*desc, number); });
}

Length NumberingPlans::Private::testLength(const Plan &plan, std::string_view number)
{
    // TestNumberLength() for the general description.
    const auto &lengths = plan.metadata->general_desc().possible_length();
    const auto &localLengths = plan.metadata->general_desc().possible_length_local_only();
    if (lengths.empty() || lengths.Get(0) == -1)
        return Length::Invalid;
    const int length = int(number.size());
    if (std::find(localLengths.begin(), localLengths.end(), length) != localLengths.end())
        return Length::LocalOnly;
    if (lengths.Get(0) == length)
        return Length::Possible;
    if (lengths.Get(0) > length)
        return Length::TooShort;
    if (lengths.Get(lengths.size() - 1) < length)
        return Length::TooLong;
    return std::find(lengths.begin() + 1, lengths.end(), length) != lengths.end() ? Length::Possible
                                                                                  : Length::Invalid;
}

bool NumberingPlans::Private::stripNationalPrefix(const Plan &plan, std::string &number)
{
    // MaybeStripNationalPrefixAndCarrierCode(): a national prefix ("0", "1")
    // comes off, or is rewritten by the plan's transform rule ("0 11 15 ..." to
    // "9 11 ..." in Argentina), unless that spoils a number that was viable.
    if (number.empty() || plan.nationalPrefixForParsing.isEmpty())
        return false;
    const RE2 *prefix = plan.nationalPrefixForParsing.get();
    if (prefix == nullptr)
        return false;
    const bool viableBefore = matchesWhole(plan.general, number);
    const int groups = prefix->NumberOfCapturingGroups();
    const re2::StringPiece text(number);
    re2::StringPiece match[3];
    if (!plan.transformRule.empty()) {
        // Consume() with the carrier code and the captured part, or with the
        // captured part alone; it fails when the pattern has fewer groups.
        re2::StringPiece captured;
        if (groups >= 2 && prefix->Match(text, 0, text.size(), RE2::ANCHOR_START, match, 3))
            captured = match[2];
        else if (groups >= 1 && prefix->Match(text, 0, text.size(), RE2::ANCHOR_START, match, 2))
            captured = match[1];
        if (!captured.empty()) {
            std::string transformed = number;
            RE2::Replace(&transformed, *prefix, plan.transformRule);
            if (viableBefore && !matchesWhole(plan.general, transformed))
                return false;
            number = std::move(transformed);
            return true;
        }
    }
    std::size_t end = 0;
    if (!anchoredAtStart(prefix, number, &end))
        return false;
    const std::string_view rest = std::string_view(number).substr(end);
    if (viableBefore && !matchesWhole(plan.general, rest))
        return false;
    number.erase(0, end);
    return true;
}

bool NumberingPlans::Private::extractCountryCode(std::string &number, int *countryCode) const
{
    // ExtractCountryCode(): the shortest leading digits that are a calling code.
    if (number.empty() || number.front() == '0')
        return false;
    int code = 0;
    for (std::size_t length = 1; length <= std::min(kMaxCountryCodeLength, number.size()); ++length) {
        code = code * 10 + (number[length - 1] - '0');
        if (regionsOfCode.count(code) != 0) {
            number.erase(0, length);
            *countryCode = code;
            return true;
        }
    }
    return false;
}

NumberingPlans::Private::Extraction NumberingPlans::Private::maybeExtractCountryCode(
    const Plan *home, bool plus, std::string &number, int *countryCode) const
{
    *countryCode = 0;
    bool international = plus;
    if (!international && home != nullptr) {
        // An international dialling prefix ("00", "011") of the home region,
        // unless a 0 follows it: calling codes never start with one.
        std::size_t end = 0;
        if (anchoredAtStart(home->internationalPrefix.get(), number, &end)
            && (end == number.size() || number[end] != '0')) {
            number.erase(0, end);
            international = true;
        }
    }
    if (international) {
        if (number.size() <= kMinNationalLength)
            return Extraction::TooShortAfterIdd;
        return extractCountryCode(number, countryCode) ? Extraction::Done : Extraction::InvalidCountryCode;
    }
    if (home == nullptr)
        return Extraction::Done;
    // The home region's own calling code written without a "+": taken off when
    // the rest makes a better number.
    const std::string homeCode = std::to_string(home->metadata->country_code());
    if (number.compare(0, homeCode.size(), homeCode) != 0)
        return Extraction::Done;
    std::string rest = number.substr(homeCode.size());
    stripNationalPrefix(*home, rest);
    if ((!matchesWhole(home->general, number) && matchesWhole(home->general, rest))
        || testLength(*home, number) == Length::TooLong) {
        number = std::move(rest);
        *countryCode = home->metadata->country_code();
    }
    return Extraction::Done;
}

std::string NumberingPlans::Private::nationalSignificantNumber(const PhoneNumber &number)
{
    std::string digits;
    if (number.italian_leading_zero())
        digits.assign(std::size_t(std::max(number.number_of_leading_zeros(), 0)), '0');
    digits += std::to_string(number.national_number());
    return digits;
}

bool NumberingPlans::Private::isValidForRegion(const PhoneNumber &number, const std::string &region) const
{
    const Plan *plan = planFor(number.country_code(), region);
    if (plan == nullptr
        || (region != kNonGeographicalRegion && number.country_code() != plan->metadata->country_code()))
        return false;
    return hasKnownType(*plan, nationalSignificantNumber(number));
}

NumberingPlans::NumberingPlans()
    : d(std::make_unique<Private>())
{
    using i18n::phonenumbers::metadata_get;
    using i18n::phonenumbers::metadata_size;
    if (!d->collection.ParseFromArray(metadata_get(), metadata_size()))
        return;
    for (const PhoneMetadata &metadata : d->collection.metadata())
        d->add(metadata);
    const PhoneNumberUtil &util = *PhoneNumberUtil::GetInstance();
    for (const auto &plan : d->plans) {
        const int code = plan->metadata->country_code();
        if (d->regionsOfCode.count(code) != 0)
            continue;
        std::list<std::string> regions;
        util.GetRegionCodesForCountryCallingCode(code, &regions);
        if (!regions.empty())
            d->regionsOfCode[code].assign(regions.begin(), regions.end());
    }
}

NumberingPlans::~NumberingPlans() = default;

const NumberingPlans &NumberingPlans::shared()
{
    static const NumberingPlans plans;
    return plans;
}

bool NumberingPlans::isLoaded() const
{
    return !d->regionsOfCode.empty();
}

bool NumberingPlans::parse(std::string_view digits, bool international, const std::string &region,
                           PhoneNumber *number) const
{
    // ParseHelper() for a string that holds nothing but digits (and the "+"):
    // no extension, no letters, no RFC 3966 parameters to read.
    const Plan *home = d->regionPlan(region);
    if (digits.size() < (international ? 3 : kMinNationalLength))
        return false; // not a viable number
    if (!international && home == nullptr)
        return false; // no region to read it in
    std::string national(digits);
    int countryCode = 0;
    const Private::Extraction extraction = d->maybeExtractCountryCode(home, international, national, &countryCode);
    if (extraction != Private::Extraction::Done) {
        if (extraction != Private::Extraction::InvalidCountryCode || !international)
            return false;
        // The library drops the "+" and reads the digits again as national.
        national.assign(digits);
        if (d->maybeExtractCountryCode(home, false, national, &countryCode) != Private::Extraction::Done
            || countryCode == 0)
            return false;
    }
    const Plan *plan = home;
    if (countryCode != 0) {
        const std::string &main = d->mainRegion(countryCode);
        if (main != region)
            plan = d->planFor(countryCode, main);
    } else if (home != nullptr) {
        countryCode = home->metadata->country_code();
    }
    if (national.size() < kMinNationalLength)
        return false;
    if (plan != nullptr) {
        std::string stripped = national;
        Private::stripNationalPrefix(*plan, stripped);
        const Length length = Private::testLength(*plan, stripped);
        if (length != Length::TooShort && length != Length::LocalOnly && length != Length::Invalid)
            national = std::move(stripped);
    }
    if (national.size() < kMinNationalLength || national.size() > kMaxNationalLength)
        return false;

    PhoneNumber parsed;
    parsed.set_country_code(countryCode);
    if (national.size() > 1 && national.front() == '0') {
        parsed.set_italian_leading_zero(true);
        std::size_t zeros = 1;
        while (zeros < national.size() - 1 && national[zeros] == '0') // an all-zero number keeps its last
            ++zeros;
        if (zeros != 1)
            parsed.set_number_of_leading_zeros(int(zeros));
    }
    parsed.set_national_number(std::stoull(national));
    number->Swap(&parsed);
    return true;
}

std::string NumberingPlans::regionOf(const PhoneNumber &number) const
{
    const auto found = d->regionsOfCode.find(number.country_code());
    if (found == d->regionsOfCode.end())
        return kUnknownRegion;
    const std::vector<std::string> &regions = found->second;
    if (regions.size() == 1)
        return regions.front();
    // Several regions share the code (+1, +7, +44, ...): the first whose leading
    // digits start the number, or, for one without them, whose plan knows it.
    const std::string national = Private::nationalSignificantNumber(number);
    for (const std::string &region : regions) {
        const Plan *plan = d->regionPlan(region);
        if (plan == nullptr)
            continue;
        if (plan->metadata->has_leading_digits()) {
            if (anchoredAtStart(plan->leadingDigits.get(), national))
                return region;
        } else if (Private::hasKnownType(*plan, national)) {
            return region;
        }
    }
    return kUnknownRegion;
}

bool NumberingPlans::isValid(const PhoneNumber &number) const
{
    return d->isValidForRegion(number, regionOf(number));
}

bool NumberingPlans::compileAll(std::string *error) const
{
    for (const auto &plan : d->plans) {
        std::vector<const LazyPattern *> patterns = {&plan->general.pattern, &plan->fixedLine.pattern,
                                                     &plan->mobile.pattern, &plan->internationalPrefix,
                                                     &plan->nationalPrefixForParsing, &plan->leadingDigits};
        for (const auto &type : plan->types)
            patterns.push_back(&type->pattern);
        for (const LazyPattern *pattern : patterns) {
            if (pattern->isEmpty() || pattern->get() != nullptr)
                continue;
            if (error != nullptr)
                *error = plan->metadata->id() + ": " + pattern->source();
            return false;
        }
    }
    return true;
}

} // namespace cg
