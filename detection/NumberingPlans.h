#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace i18n::phonenumbers {
class PhoneNumber;
} // namespace i18n::phonenumbers

namespace cg {

// The world's numbering plans as libphonenumber knows them (its compiled-in
// metadata), matched with RE2. For a string of ASCII digits, parse(), isValid()
// and regionOf() give exactly what PhoneNumberUtil's Parse(), IsValidNumber()
// and GetRegionCodeForNumber() give, at a fraction of the cost: the library
// matches each pattern with a new ICU regular-expression matcher, about 20
// microseconds a digit run, which was most of a fresh detector's phone work.
// tst_numberingplans holds the answers to the library's own, region by region.
class NumberingPlans
{
public:
    NumberingPlans();
    ~NumberingPlans();
    // The process's one copy, as PhoneNumberUtil has one: the plans never
    // change, and the patterns compiled for one detector serve the next.
    static const NumberingPlans &shared();
    NumberingPlans(const NumberingPlans &) = delete;
    NumberingPlans &operator=(const NumberingPlans &) = delete;

    // False when libphonenumber's metadata could not be read; then ask
    // PhoneNumberUtil instead.
    bool isLoaded() const;

    // PhoneNumberUtil::Parse("+" + digits, region) when `international`, else
    // Parse(digits, region): true when that parses, with `number` filled as it
    // fills it. `digits` holds ASCII digits only.
    bool parse(std::string_view digits, bool international, const std::string &region,
               i18n::phonenumbers::PhoneNumber *number) const;
    // PhoneNumberUtil::IsValidNumber(number).
    bool isValid(const i18n::phonenumbers::PhoneNumber &number) const;
    // PhoneNumberUtil::GetRegionCodeForNumber(number): "ZZ" when none.
    std::string regionOf(const i18n::phonenumbers::PhoneNumber &number) const;

    // Compiles every pattern of every plan now rather than on first use; false
    // (with the pattern in `error`) when RE2 cannot read one. For tests.
    bool compileAll(std::string *error) const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace cg
