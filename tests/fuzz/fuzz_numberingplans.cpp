// NumberingPlans must answer as libphonenumber does. The input's first byte picks
// a region (or none, with a "+") and the rest, each byte taken as a digit, is the
// number: parse() must give what PhoneNumberUtil::Parse() gives, and isValid()
// and regionOf() what IsValidNumber() and GetRegionCodeForNumber() give.
#include "FuzzSupport.h"
#include "NumberingPlans.h"

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <QString>

#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

const std::vector<std::string> &regions()
{
    static const std::vector<std::string> all = [] {
        std::set<std::string> supported;
        PhoneNumberUtil::GetInstance()->GetSupportedRegions(&supported);
        return std::vector<std::string>(supported.begin(), supported.end());
    }();
    return all;
}

void check(const std::string &digits, bool plus, const std::string &region)
{
    const PhoneNumberUtil &util = *PhoneNumberUtil::GetInstance();
    const cg::NumberingPlans &plans = cg::NumberingPlans::shared();
    const QString input = QStringLiteral("%1%2 in %3").arg(plus ? QStringLiteral("+") : QString(),
                                                           QString::fromStdString(digits), QString::fromStdString(region));
    PhoneNumber expected;
    const bool parses = util.Parse((plus ? "+" : "") + digits, region, &expected) == PhoneNumberUtil::NO_PARSING_ERROR;
    PhoneNumber actual;
    if (plans.parse(digits, plus, region, &actual) != parses)
        cg::fuzz::fail(QStringLiteral("parse() and Parse() disagree on %1").arg(input));
    if (!parses)
        return;
    if (actual.SerializeAsString() != expected.SerializeAsString())
        cg::fuzz::fail(QStringLiteral("parse() and Parse() give different numbers for %1").arg(input));
    if (plans.isValid(expected) != util.IsValidNumber(expected))
        cg::fuzz::fail(QStringLiteral("isValid() and IsValidNumber() disagree on %1").arg(input));
    std::string region2;
    util.GetRegionCodeForNumber(expected, &region2);
    if (plans.regionOf(expected) != region2)
        cg::fuzz::fail(QStringLiteral("regionOf() and GetRegionCodeForNumber() disagree on %1").arg(input));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2 || size > 24)
        return 0;
    std::string digits;
    for (std::size_t i = 1; i < size; ++i)
        digits.push_back(char('0' + data[i] % 10));
    const std::size_t pick = data[0] % (regions().size() + 1);
    if (pick == regions().size()) {
        check(digits, true, "ZZ");
    } else {
        check(digits, false, regions()[pick]);
        check(digits, true, regions()[pick]);
    }
    return 0;
}
