#include "NumberingPlans.h"

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <QRandomGenerator>
#include <QTest>

#include <set>
#include <string>
#include <vector>

using namespace cg;
using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

namespace {

std::string describe(const PhoneNumber &number)
{
    std::string text = "+" + std::to_string(number.country_code()) + " " + std::to_string(number.national_number());
    if (number.italian_leading_zero())
        text += " with " + std::to_string(number.number_of_leading_zeros()) + " leading zero(s)";
    return text;
}

} // namespace

// NumberingPlans answers as libphonenumber does: the same parse, the same
// validity and the same region, for tricky rows by name and for numbers made
// from every region's examples.
class TestNumberingPlans : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyPatternCompiles();
    void answersAsTheLibrary_data();
    void answersAsTheLibrary();
    void answersAsTheLibraryInEveryRegion();
    void handBuiltNumbersAsTheLibrary();

private:
    // Compares one input; on a difference, says what differs in `why`.
    bool agrees(const std::string &digits, bool plus, const std::string &region, std::string *why) const;
    bool agreesOnNumber(const PhoneNumber &number, std::string *why) const;
    // Digit strings made from a region's example numbers: as they are, with
    // prefixes, cut, lengthened and with digits changed.
    std::vector<std::string> variantsFor(const std::string &region, QRandomGenerator &random) const;

    const PhoneNumberUtil &m_util = *PhoneNumberUtil::GetInstance();
    NumberingPlans m_plans;
    std::set<std::string> m_regions;
};

void TestNumberingPlans::initTestCase()
{
    QVERIFY(m_plans.isLoaded());
    m_util.GetSupportedRegions(&m_regions);
    QVERIFY(m_regions.size() > 200);
}

void TestNumberingPlans::everyPatternCompiles()
{
    std::string error;
    QVERIFY2(m_plans.compileAll(&error), error.c_str());
}

bool TestNumberingPlans::agreesOnNumber(const PhoneNumber &number, std::string *why) const
{
    const bool valid = m_util.IsValidNumber(number);
    if (m_plans.isValid(number) != valid) {
        *why = std::string("IsValidNumber is ") + (valid ? "true" : "false");
        return false;
    }
    std::string region;
    m_util.GetRegionCodeForNumber(number, &region);
    if (m_plans.regionOf(number) != region) {
        *why = "GetRegionCodeForNumber is " + region + ", not " + m_plans.regionOf(number);
        return false;
    }
    return true;
}

bool TestNumberingPlans::agrees(const std::string &digits, bool plus, const std::string &region,
                                std::string *why) const
{
    PhoneNumber expected;
    const bool parses = m_util.Parse((plus ? "+" : "") + digits, region, &expected) == PhoneNumberUtil::NO_PARSING_ERROR;
    PhoneNumber actual;
    if (m_plans.parse(digits, plus, region, &actual) != parses) {
        *why = std::string("Parse ") + (parses ? "parses" : "fails");
        return false;
    }
    if (!parses)
        return true;
    if (expected.SerializeAsString() != actual.SerializeAsString()) {
        *why = "Parse gives " + describe(expected) + ", not " + describe(actual);
        return false;
    }
    return agreesOnNumber(expected, why);
}

void TestNumberingPlans::answersAsTheLibrary_data()
{
    QTest::addColumn<QString>("digits");
    QTest::addColumn<bool>("plus");
    QTest::addColumn<QString>("region");

    QTest::newRow("US ten digits") << "2025550143" << false << "US";
    QTest::newRow("US with its country code") << "12025550143" << false << "US";
    QTest::newRow("US seven digits, possible locally only") << "5550143" << false << "US";
    QTest::newRow("US 011 then a UK mobile") << "011447911123456" << false << "US";
    QTest::newRow("US 011 then a 0") << "0110447911123456" << false << "US";
    QTest::newRow("US 011 then too little") << "01144" << false << "US";
    QTest::newRow("US 011 then no calling code") << "01199912345678" << false << "US";
    QTest::newRow("Bahamas by area code") << "12423570000" << true << "ZZ";
    QTest::newRow("Canada shares +1") << "16135550123" << true << "ZZ";
    QTest::newRow("+1 valid nowhere") << "11115550123" << true << "ZZ";
    QTest::newRow("GB mobile with trunk 0") << "07911123456" << false << "GB";
    QTest::newRow("GB 00 international") << "0033612345678" << false << "GB";
    QTest::newRow("Guernsey shares +44") << "447781123456" << true << "ZZ";
    QTest::newRow("Argentina mobile 0 11 15") << "01115123456789" << false << "AR";
    QTest::newRow("Argentina mobile, transform rule") << "0111512345678" << false << "AR";
    QTest::newRow("Brazil carrier code") << "0152112345678" << false << "BR";
    QTest::newRow("Brazil with 90 prefix") << "90211234567890" << false << "BR";
    QTest::newRow("Italy keeps its zero") << "0236618300" << false << "IT";
    QTest::newRow("Italy, +39 and the zero") << "390236618300" << true << "ZZ";
    QTest::newRow("Mexico 01 prefix") << "015512345678" << false << "MX";
    QTest::newRow("Mexico mobile 044") << "0445512345678" << false << "MX";
    QTest::newRow("India mobile") << "9876543210" << false << "IN";
    QTest::newRow("India with 0") << "09876543210" << false << "IN";
    QTest::newRow("Philippines mobile") << "09171234567" << false << "PH";
    QTest::newRow("Russia 8 prefix") << "89161234567" << false << "RU";
    QTest::newRow("Kazakhstan shares +7") << "77172123456" << true << "ZZ";
    QTest::newRow("international freephone +800") << "80012345678" << true << "ZZ";
    QTest::newRow("calling code starting with 0") << "0441234567" << true << "ZZ";
    QTest::newRow("unknown calling code") << "99912345678" << true << "ZZ";
    QTest::newRow("no region, no plus") << "2025550143" << false << "ZZ";
    QTest::newRow("unknown region") << "2025550143" << false << "XX";
    QTest::newRow("too long") << "123456789012345678901" << false << "US";
    QTest::newRow("all zeros") << "0000000000" << false << "DE";
    QTest::newRow("three digits after +") << "123" << true << "ZZ";
    QTest::newRow("two digits after +") << "12" << true << "ZZ";
    QTest::newRow("two digits") << "12" << false << "US";
    QTest::newRow("German number in DE") << "030123456" << false << "DE";
    QTest::newRow("Japanese number in JP") << "0312345678" << false << "JP";
    QTest::newRow("Chinese mobile in CN") << "13912345678" << false << "CN";
}

void TestNumberingPlans::answersAsTheLibrary()
{
    QFETCH(QString, digits);
    QFETCH(bool, plus);
    QFETCH(QString, region);
    std::string why;
    QVERIFY2(agrees(digits.toStdString(), plus, region.toStdString(), &why), why.c_str());
}

std::vector<std::string> TestNumberingPlans::variantsFor(const std::string &region, QRandomGenerator &random) const
{
    using Type = PhoneNumberUtil::PhoneNumberType;
    std::vector<std::string> variants;
    const std::string code = std::to_string(m_util.GetCountryCodeForRegion(region));
    std::string trunk;
    m_util.GetNddPrefixForRegion(region, true, &trunk);
    const auto randomDigit = [&random] { return char('0' + random.bounded(10)); };
    for (Type type : {PhoneNumberUtil::FIXED_LINE, PhoneNumberUtil::MOBILE, PhoneNumberUtil::TOLL_FREE,
                      PhoneNumberUtil::PREMIUM_RATE, PhoneNumberUtil::SHARED_COST, PhoneNumberUtil::VOIP,
                      PhoneNumberUtil::PERSONAL_NUMBER, PhoneNumberUtil::PAGER, PhoneNumberUtil::UAN,
                      PhoneNumberUtil::VOICEMAIL}) {
        PhoneNumber example;
        if (!m_util.GetExampleNumberForType(region, type, &example))
            continue;
        std::string national;
        m_util.GetNationalSignificantNumber(example, &national);
        for (const std::string &prefix : {std::string(), trunk, code, code + trunk, "00" + code, "011" + code,
                                          std::string("0"), std::string("1"), std::string("8")}) {
            variants.push_back(prefix + national);
            std::string changed = prefix + national;
            changed[prefix.size() + random.bounded(int(national.size()))] = randomDigit();
            variants.push_back(changed);
            variants.push_back((prefix + national).substr(0, prefix.size() + national.size() - 1));
            variants.push_back(prefix + national + randomDigit());
        }
    }
    for (int i = 0; i < 20; ++i) { // digits that owe the examples nothing
        std::string digits;
        for (int length = 7 + random.bounded(11); length > 0; --length)
            digits.push_back(randomDigit());
        variants.push_back(digits);
        variants.push_back(code + digits.substr(code.size()));
    }
    return variants;
}

void TestNumberingPlans::answersAsTheLibraryInEveryRegion()
{
    QRandomGenerator random(20261128);
    int compared = 0;
    for (const std::string &region : m_regions) {
        for (const std::string &digits : variantsFor(region, random)) {
            for (const auto &[plus, parseRegion] : {std::pair<bool, std::string>(false, region),
                                                    std::pair<bool, std::string>(true, "ZZ"),
                                                    std::pair<bool, std::string>(true, region)}) {
                std::string why;
                if (!agrees(digits, plus, parseRegion, &why))
                    QFAIL(qPrintable(QStringLiteral("%1%2 in %3: %4")
                                         .arg(plus ? QStringLiteral("+") : QString(), QString::fromStdString(digits),
                                              QString::fromStdString(parseRegion), QString::fromStdString(why))));
                ++compared;
            }
        }
    }
    QVERIFY(compared > 50000);
}

void TestNumberingPlans::handBuiltNumbersAsTheLibrary()
{
    // As PhoneRule builds them for other regions: a calling code and digits,
    // with the leading zeros marked.
    QRandomGenerator random(1128);
    for (const std::string &region : m_regions) {
        for (const std::string &digits : variantsFor(region, random)) {
            const std::size_t zeros = digits.find_first_not_of('0');
            if (zeros == std::string::npos || digits.size() > 17)
                continue;
            PhoneNumber number;
            number.set_country_code(m_util.GetCountryCodeForRegion(region));
            number.set_national_number(std::stoull(digits));
            if (zeros > 0) {
                number.set_italian_leading_zero(true);
                if (zeros > 1)
                    number.set_number_of_leading_zeros(int(zeros));
            }
            std::string why;
            if (!agreesOnNumber(number, &why))
                QFAIL(qPrintable(QStringLiteral("%1 built for %2: %3")
                                     .arg(QString::fromStdString(describe(number)),
                                          QString::fromStdString(region), QString::fromStdString(why))));
        }
    }
}

QTEST_GUILESS_MAIN(TestNumberingPlans)
#include "tst_numberingplans.moc"
