#include "PhoneRule.h"

#include "NormalizedText.h"
#include "RegexScan.h"
#include "RememberedAnswers.h"
#include "TriggerScan.h"

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <algorithm>
#include <cstring>
#include <functional>
#include <set>
#include <string_view>

namespace cg {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

namespace {

// libphonenumber accepts up to 17 digits of national number, E.164 allows 15;
// an international prefix ("00", "011") adds up to three.
constexpr std::size_t kMinDigits = 7;
constexpr std::size_t kMaxDigits = 18;

constexpr double kInternationalValid = 0.9;
constexpr double kNationalValid = 0.85;
// A digit run valid somewhere among two dozen countries is weak evidence on its
// own (many 10-digit strings are); a trunk prefix "0" is how people write their
// own national number, and a cue word adds the rest.
constexpr double kOtherRegionValid = 0.55;
constexpr double kOtherRegionAmbiguous = 0.45;
constexpr double kTrunkPrefixBonus = 0.1;
constexpr std::size_t kMinOtherRegionDigits = 9;
constexpr double kInternationalPossible = 0.55;
constexpr double kPossibleOnly = 0.45;
constexpr double kPhoneCueBonus = 0.08;
constexpr double kOtherNumberCuePenalty = 0.4;
constexpr std::size_t kCueWindowBefore = 40;
constexpr std::size_t kCueWindowAfter = 24;
constexpr std::size_t kOtherCueWindow = 24;

bool isAsciiDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isAsciiAlnum(char c)
{
    return isAsciiDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool endsWith(const std::string &text, std::size_t end, const char *suffix)
{
    const std::size_t length = std::strlen(suffix);
    return end >= length && text.compare(end - length, length, suffix) == 0;
}

bool isIsbn13(const std::string &digits)
{
    if (digits.size() != 13 || (digits.compare(0, 3, "978") != 0 && digits.compare(0, 3, "979") != 0))
        return false;
    int sum = 0;
    for (std::size_t i = 0; i < digits.size(); ++i)
        sum += (digits[i] - '0') * (i % 2 == 0 ? 1 : 3);
    return sum % 10 == 0;
}

QString regionList(const std::vector<std::string> &regions)
{
    QStringList names;
    for (const std::string &region : regions)
        names.append(QString::fromStdString(region));
    return names.join(QStringLiteral(", "));
}

} // namespace

struct PhoneRule::Candidate
{
    std::size_t byteStart = 0;
    std::size_t byteEnd = 0;
    std::string digits; // ASCII digits only
    bool plus = false;
    bool spacedDigits = false; // "0 9 1 7 ..." or "9.8.7.6...": one digit per group
    bool versionLike = false;
};

struct PhoneRule::Verdict
{
    double confidence = 0;
    std::string value;
    QString rule;
    QString description; // sentence start, completed by find()
};

// What judge() said, by what it depends on (RememberedAnswers).
struct PhoneRule::RememberedVerdicts
{
    struct Answer
    {
        bool valid = false;
        Verdict verdict;
    };
    RememberedAnswers<std::string, Answer> answers;
};

PhoneRule::PhoneRule(const std::string &defaultRegion)
    : m_util(*PhoneNumberUtil::GetInstance())
    , m_plans(NumberingPlans::shared())
    , m_defaultRegion(defaultRegion)
    , m_remembered(std::make_unique<RememberedVerdicts>())
    // Digits joined by at most three separators; libphonenumber judges the rest.
    , m_candidate(R"((?:\+ ?)?\(?[0-9](?:[ \-./()]{0,3}[0-9])+)")
    , m_date(R"(^(?:(?:19|20)[0-9]{2}[-./][0-9]{1,2}[-./][0-9]{1,2}|[0-9]{1,2}[-./][0-9]{1,2}[-./](?:[0-9]{4}|[0-9]{2}))(?: |$))")
    , m_otherIdFormat(R"(^(?:[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}|[0-9]{3}\.[0-9]{3}\.[0-9]{3}-[0-9]{2}|[0-9]{2}\.[0-9]{3}\.[0-9]{3}/[0-9]{4}-[0-9]{2}|[0-9]{5}-[0-9]{4})$)")
    , m_phoneCues({"call", "phone", "mobile", "cell", "number", "whatsapp", "tel", "text me",
                   "txt", "sms", "ring", "reach", "contact no", "dial", "mob", "ph", "no.", "cp",
                   "viber", "signal", "número", "numero", "celular", "ligar", "llama", "nummer",
                   "handy", "telefon", "anrufen", "ruf", "portable", "téléphone", "appelle",
                   "رقم", "هاتف", "موبايل", "اتصل", "नंबर", "मोबाइल", "फोन", "कॉल", "电话",
                   "手机"})
    , m_otherNumberCues({"$", "€", "£", "₹", "usd", "eur", "price", "cost", "budget", "total",
                         "date", "deadline", "version", "ver", "v.", "release", "build", "order",
                         "invoice", "inv", "isbn", "tracking", "track", "awb", "shipment",
                         "parcel", "ref", "reference", "ticket", "serial", "sku", "zip",
                         "postal", "account", "acct", "iban", "routing", "swift", "errno",
                         "error", "pin", "otp", "#"})
{
    // Ordered roughly by how often the marketplace's freelancers write from there.
    for (const char *region : {"IN", "PH", "PK", "BD", "NG", "GB", "EG", "KE", "ID", "BR", "MX",
                               "DE", "FR", "UA", "ZA", "AU", "ES", "IT", "TR", "CN", "NL", "PL",
                               "VN", "AR", "CO", "US"}) {
        if (m_defaultRegion == region)
            continue;
        FallbackRegion fallback;
        fallback.code = region;
        fallback.countryCode = m_util.GetCountryCodeForRegion(region);
        m_util.GetNddPrefixForRegion(region, true, &fallback.nationalPrefix);
        m_fallbackRegions.push_back(std::move(fallback));
    }
}

bool PhoneRule::isKnownRegion(const std::string &region)
{
    std::set<std::string> regions;
    PhoneNumberUtil::GetInstance()->GetSupportedRegions(&regions);
    return regions.count(region) > 0;
}

PhoneRule::~PhoneRule() = default;

std::vector<std::string> PhoneRule::triggers() const
{
    // The shortest candidate find() reads: kMinDigits digits joined as m_candidate
    // joins them. Most digits in chat (prices, dates, times) never get that far.
    static_assert(kMinDigits == 7, "the trigger spells out kMinDigits");
    return {triggers::kSevenDigits};
}

void PhoneRule::find(const NormalizedText &text, const std::vector<int> & /*fired*/,
                  DetectedSpans &out) const
{
    const std::string &working = text.working();
    RegexScan candidates(m_candidate, working);
    re2::StringPiece match;
    while (candidates.next(match)) {
        Candidate candidate;
        candidate.byteStart = std::size_t(match.data() - working.data());
        candidate.byteEnd = candidate.byteStart + match.size();
        candidate.plus = match.starts_with("+");
        std::size_t longestGroup = 0;
        std::size_t shortestGroup = kMaxDigits;
        std::size_t run = 0;
        for (char c : match) {
            if (isAsciiDigit(c)) {
                candidate.digits.push_back(c);
                ++run;
                continue;
            }
            if (run > 0) {
                longestGroup = std::max(longestGroup, run);
                shortestGroup = std::min(shortestGroup, run);
            }
            run = 0;
        }
        longestGroup = std::max(longestGroup, run);
        shortestGroup = std::min(shortestGroup, run);
        if (candidate.digits.size() < kMinDigits || candidate.digits.size() > kMaxDigits)
            continue;
        candidate.spacedDigits = longestGroup == 1;
        // "10.0.19045.3803": dotted groups mixing single digits with long runs are
        // version numbers; phones dotted this way are all single digits or all longer.
        candidate.versionLike = shortestGroup == 1 && longestGroup > 1
            && std::string_view(match.data(), match.size()).find_first_not_of("0123456789.")
                == std::string_view::npos;
        if (!candidate.plus && candidate.digits.size() > 10
            && candidate.digits.compare(0, 2, "00") == 0) {
            candidate.plus = true; // "00 44 ..." is the international prefix most countries use
            candidate.digits.erase(0, 2);
        }
        if (looksLikeOtherNumber(working, candidate))
            continue;

        const double adjustment = contextAdjustment(working, candidate);
        Verdict verdict;
        if (!validate(candidate, adjustment > 0, verdict))
            continue;

        DetectedSpan span = text.makeSpan(ContactType::Phone, candidate.byteStart, candidate.byteEnd);
        span.value = QString::fromStdString(verdict.value);
        span.rule = verdict.rule;
        span.obfuscated = span.obfuscated || candidate.spacedDigits;
        QString explanation = verdict.description;
        if (span.obfuscated)
            explanation += candidate.spacedDigits ? QStringLiteral(", with its digits spaced out")
                                                  : QStringLiteral(", written with disguised digits");
        if (adjustment > 0) {
            const std::string_view cue = m_phoneCues.findIn(
                working, candidate.byteStart - std::min(candidate.byteStart, kCueWindowBefore),
                candidate.byteEnd + kCueWindowAfter);
            explanation += QStringLiteral(", near the word '%1'")
                               .arg(QString::fromUtf8(cue.data(), qsizetype(cue.size())));
        } else if (adjustment < 0) {
            explanation += QStringLiteral(", though the words around it suggest another kind of number");
        }
        span.explanation = explanation + QLatin1Char('.');
        span.confidence = std::clamp(verdict.confidence + adjustment, 0.0, 0.99);
        out.append(span);
    }
}

bool PhoneRule::looksLikeOtherNumber(const std::string &working, const Candidate &candidate) const
{
    const std::size_t start = candidate.byteStart;
    const std::size_t end = candidate.byteEnd;
    // Part of a longer token: "INV-2026-004417", "1Z999AA1012...", "#112-445...",
    // "v1.2.3", "$1 350 000", "1234567px".
    if (start > 0) {
        const char before = working[start - 1];
        if (isAsciiAlnum(before) || std::strchr("_#$@&%*=", before) != nullptr)
            return true;
        if (std::strchr("-/.,", before) != nullptr && start > 1 && isAsciiAlnum(working[start - 2]))
            return true;
        for (const char *currency : {"€", "£", "₹", "¥"}) {
            if (endsWith(working, start, currency))
                return true;
        }
    }
    if (end < working.size()) {
        const char after = working[end];
        if (isAsciiAlnum(after) || after == '%')
            return true;
    }

    if (candidate.versionLike)
        return true;
    const re2::StringPiece text(working.data() + start, end - start);
    if (RE2::PartialMatch(text, m_date) || RE2::PartialMatch(text, m_otherIdFormat))
        return true;
    return isIsbn13(candidate.digits);
}

bool PhoneRule::validate(const Candidate &candidate, bool phoneCueNearby, Verdict &verdict) const
{
    // libphonenumber's judgement is most of this rule's cost on numbers it has
    // not seen, even with its patterns matched by RE2 (NumberingPlans).
    thread_local std::string key;
    key.assign(1, candidate.plus ? '+' : ' ');
    key.push_back(phoneCueNearby ? '1' : '0');
    key += candidate.digits;
    const std::size_t hash = std::hash<std::string>()(key);
    RememberedVerdicts::Answer answer;
    if (!m_remembered->answers.find(key, hash, answer)) {
        answer.valid = judge(candidate, phoneCueNearby, answer.verdict);
        m_remembered->answers.remember(key, hash, answer);
    }
    verdict = std::move(answer.verdict);
    return answer.valid;
}

bool PhoneRule::judge(const Candidate &candidate, bool phoneCueNearby, Verdict &verdict) const
{
    PhoneNumber number;
    std::string e164;
    if (candidate.plus) {
        if (!parse(candidate.digits, true, "ZZ", &number))
            return false;
        if (!m_util.IsPossibleNumber(number))
            return false; // then not valid either
        const bool valid = isValid(number);
        const std::string region = regionOf(number);
        m_util.Format(number, PhoneNumberUtil::E164, &e164);
        verdict.value = e164;
        verdict.rule = QStringLiteral("phone.international");
        verdict.confidence = valid ? kInternationalValid : kInternationalPossible;
        const QString code = QString::number(number.country_code());
        verdict.description = valid
            ? QStringLiteral("Phone number with country code +%1 (%2)")
                  .arg(code, QString::fromStdString(region))
            : QStringLiteral("Digits after +%1 with the length of a phone number, though not a valid one")
                  .arg(code);
        return true;
    }

    const QString defaultRegion = QString::fromStdString(m_defaultRegion);
    // The length check first: a valid number always has a possible length, and
    // IsValidNumber() is the costly call (for +1 it tries two dozen regions).
    const bool possibleInDefault =
        parse(candidate.digits, false, m_defaultRegion, &number) && m_util.IsPossibleNumber(number);
    if (possibleInDefault && isValid(number)) {
        m_util.Format(number, PhoneNumberUtil::E164, &e164);
        verdict.value = e164;
        verdict.rule = QStringLiteral("phone.national");
        verdict.confidence = kNationalValid;
        verdict.description = QStringLiteral("Phone number in %1 national format").arg(defaultRegion);
        return true;
    }

    // Other countries only for what reads like a national number someone gives
    // out: a trunk prefix "0" or a phone word nearby. That keeps arbitrary digit
    // runs out, and libphonenumber calls (the costly part) few.
    const bool trunkPrefix = candidate.digits.front() == '0';
    std::vector<std::string> regions;
    std::string otherE164;
    if (candidate.digits.size() >= kMinOtherRegionDigits && (trunkPrefix || phoneCueNearby)) {
        for (const FallbackRegion &region : m_fallbackRegions) {
            // Built by hand rather than with Parse(): ten times cheaper, and the
            // digits are already clean.
            std::string national = candidate.digits;
            if (!region.nationalPrefix.empty() && national.compare(0, region.nationalPrefix.size(),
                                                                   region.nationalPrefix) == 0)
                national.erase(0, region.nationalPrefix.size());
            const std::size_t zeros = national.find_first_not_of('0');
            if (zeros == std::string::npos || national.size() > 17)
                continue;
            PhoneNumber other;
            other.set_country_code(region.countryCode);
            other.set_national_number(std::stoull(national));
            if (zeros > 0) { // Italian-style numbers keep their leading zero
                other.set_italian_leading_zero(true);
                if (zeros > 1)
                    other.set_number_of_leading_zeros(int(zeros));
            }
            // IsValidNumber, not ...ForRegion: "07911 ..." parsed as GB is a valid
            // Guernsey mobile, which shares +44. The length check first, as above:
            // for most regions it is the wrong length, and that check is cheap.
            if (!m_util.IsPossibleNumber(other) || !isValid(other))
                continue;
            if (regions.empty())
                m_util.Format(other, PhoneNumberUtil::E164, &otherE164);
            regions.push_back(region.code);
            if (regions.size() == 2)
                break; // ambiguous already: which others do not matter
        }
    }
    if (!regions.empty()) {
        verdict.rule = QStringLiteral("phone.national_other_region");
        const double trunkBonus = trunkPrefix ? kTrunkPrefixBonus : 0.0;
        if (regions.size() == 1) {
            // Valid in exactly one country we know, so that is where it belongs.
            verdict.value = otherE164;
            verdict.confidence = kOtherRegionValid + trunkBonus;
            verdict.description = QStringLiteral("Phone number in %1 national format")
                                      .arg(QString::fromStdString(regions.front()));
        } else {
            verdict.value = candidate.digits; // the country is not known: digits only
            verdict.confidence = kOtherRegionAmbiguous + trunkBonus;
            verdict.description =
                QStringLiteral("Digits that form a national phone number in several countries (%1, ...)")
                    .arg(regionList(regions));
        }
        return true;
    }

    if (possibleInDefault) {
        m_util.Format(number, PhoneNumberUtil::E164, &e164);
        verdict.value = e164;
        verdict.rule = QStringLiteral("phone.possible");
        verdict.confidence = kPossibleOnly;
        verdict.description =
            QStringLiteral("Digits with the length of a %1 phone number, though not a valid one")
                .arg(defaultRegion);
        return true;
    }
    return false;
}

bool PhoneRule::parse(const std::string &digits, bool plus, const std::string &region, PhoneNumber *number) const
{
    if (m_plans.isLoaded())
        return m_plans.parse(digits, plus, region, number);
    return m_util.Parse((plus ? "+" : "") + digits, region, number) == PhoneNumberUtil::NO_PARSING_ERROR;
}

bool PhoneRule::isValid(const PhoneNumber &number) const
{
    return m_plans.isLoaded() ? m_plans.isValid(number) : m_util.IsValidNumber(number);
}

std::string PhoneRule::regionOf(const PhoneNumber &number) const
{
    if (m_plans.isLoaded())
        return m_plans.regionOf(number);
    std::string region;
    m_util.GetRegionCodeForNumber(number, &region);
    return region;
}

double PhoneRule::contextAdjustment(const std::string &working, const Candidate &candidate) const
{
    const std::size_t start = candidate.byteStart;
    // A price, date or order cue right before the digits outweighs any phone cue:
    // "order number 112..." is an order.
    if (!m_otherNumberCues.findIn(working, start - std::min(start, kOtherCueWindow), start).empty())
        return -kOtherNumberCuePenalty;
    if (!m_phoneCues
             .findIn(working, start - std::min(start, kCueWindowBefore),
                     candidate.byteEnd + kCueWindowAfter)
             .empty())
        return kPhoneCueBonus;
    return 0;
}

} // namespace cg
