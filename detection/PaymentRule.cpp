#include "PaymentRule.h"

#include "Checksums.h"
#include "NormalizedText.h"
#include "TriggerScan.h"

#include <algorithm>
#include <bitset>

namespace cg {

namespace {

constexpr double kChecked = 0.95;
constexpr double kCashtag = 0.8;
constexpr double kPixKey = 0.9;
constexpr double kBankAccount = 0.85;
constexpr std::size_t kCashAppWindow = 80;

std::string withoutSpaces(std::string text)
{
    text.erase(std::remove_if(text.begin(), text.end(), [](char c) { return c == ' ' || c == '-' || c == '.'; }),
               text.end());
    return text;
}

std::size_t offsetOf(const std::string &working, const re2::StringPiece &piece)
{
    return std::size_t(piece.data() - working.data());
}

} // namespace

PaymentRule::PaymentRule()
    : m_iban(R"(\b([A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?)\b)")
    , m_base58(R"(\b([13T][1-9A-HJ-NP-Za-km-z]{25,34})\b)")
    , m_bech32(R"((?i)\b(bc1[02-9ac-hj-np-z]{11,71})\b)")
    , m_ethereum(R"(\b(0x[0-9a-fA-F]{40})\b)")
    , m_cashtag(R"((?:^|[^A-Za-z0-9_$\\])(\$[A-Za-z][A-Za-z0-9_]{2,19})(?:[^A-Za-z0-9_({=\[.]|\.(?:\s|$)|$))")
    , m_cashAppCue(R"((?i)cash\s?-?app|cashtag|cash tag)")
    , m_pixKey(R"((?i)\bpix\b[^\n]{0,40}?(?:\b|\s)([0-9]{3}\.?[0-9]{3}\.?[0-9]{3}-?[0-9]{2}|[0-9]{2}\.?[0-9]{3}\.?[0-9]{3}/?[0-9]{4}-?[0-9]{2}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b)")
    , m_bankAccount(R"((?i)((?:bank )?(?:account (?:number|no\.?|#)|acct\.? ?(?:no\.?|#|number)|a/c(?: no\.?)?|routing (?:number|no\.?)|sort code|ifsc(?: code)?|bsb|clabe|cbu|kontonummer|número de cuenta|numero de cuenta|n[uú]mero da conta|conta corrente|ag[eê]ncia|р/с|расч[её]тный сч[её]т|номер сч[её]та|खाता संख्या|رقم الحساب)\s*(?:is|:|-|#|=)?\s*(?:[0-9][0-9 \-]{4,30}[0-9]|[A-Z]{4}0[A-Z0-9]{6})))")
{
}

std::vector<std::string> PaymentRule::triggers() const
{
    return {triggers::kIban, triggers::kBase58Address, triggers::kEthereumAddress, triggers::kCashtag};
}

std::vector<DetectionRule::TriggerWord> PaymentRule::triggerWords() const
{
    // "bc1" starting a word (a Bech32 address), "pix" as a word, and what a bank
    // account is called: (?i)\bbc1, (?i)\bpix\b, and the words of the bank-account
    // pattern, anywhere.
    const std::bitset<256> inWord = wordBytes();
    std::vector<TriggerWord> words = {{"bc1", inWord, {}, {}}, {"pix", inWord, inWord, {}}};
    for (const char *word : {"account", "acct", "a/c", "routing", "sort code", "ifsc", "bsb", "clabe", "cbu", "konto",
                             "cuenta", "conta", "agencia", "agência", "р/с", "счет", "счёт", "खाता", "الحساب"})
        words.push_back({word, {}, {}, {}});
    return words;
}

void PaymentRule::find(const NormalizedText &text, const std::vector<int> &fired, DetectedSpans &out) const
{
    // fired: the four patterns of triggers(), then "bc1", "pix" and the bank words.
    enum Trigger { Iban, Base58Address, EthereumAddress, Cashtag, Bech32Address, Pix, FirstBankWord };
    const auto has = [&](int trigger) { return std::binary_search(fired.begin(), fired.end(), trigger); };
    if (has(Iban))
        findIbans(text, out);
    if (has(Base58Address) || has(Bech32Address) || has(EthereumAddress))
        findCrypto(text, out);
    if (has(Cashtag))
        findCashtags(text, out);
    if (has(Pix))
        findPix(text, out);
    if (!fired.empty() && fired.back() >= FirstBankWord)
        findBankAccounts(text, out);
}

void PaymentRule::findIbans(const NormalizedText &text, DetectedSpans &out) const
{
    const std::string &working = text.working();
    re2::StringPiece input(working);
    re2::StringPiece match;
    while (RE2::FindAndConsume(&input, m_iban, &match)) {
        // The pattern may run into a following word in capitals: drop groups until
        // the check digits agree.
        std::string candidate(match);
        while (candidate.size() >= 15 && !checksums::isValidIban(withoutSpaces(candidate))) {
            const std::size_t space = candidate.rfind(' ');
            if (space == std::string::npos)
                break;
            candidate.erase(space);
        }
        const std::string iban = withoutSpaces(candidate);
        if (!checksums::isValidIban(iban))
            continue;
        const std::size_t start = offsetOf(working, match);
        DetectedSpan span = text.makeSpan(ContactType::Payment, start, start + candidate.size());
        span.value = QStringLiteral("iban:") + QString::fromStdString(iban);
        span.confidence = kChecked;
        span.rule = QStringLiteral("payment.iban");
        span.explanation = QStringLiteral("IBAN bank account number from %1 with valid check digits.")
                               .arg(QString::fromStdString(iban.substr(0, 2)));
        out.append(span);
    }
}

void PaymentRule::findCrypto(const NormalizedText &text, DetectedSpans &out) const
{
    const std::string &working = text.working();
    const auto report = [&](const re2::StringPiece &match, const QString &coin, const QString &rule) {
        const std::size_t start = offsetOf(working, match);
        DetectedSpan span = text.makeSpan(ContactType::Payment, start, start + match.size());
        span.value = coin.toLower() + QLatin1Char(':') + QString::fromUtf8(match.data(), qsizetype(match.size()));
        span.confidence = kChecked;
        span.rule = rule;
        span.explanation = QStringLiteral("%1 wallet address with a valid checksum.").arg(coin);
        out.append(span);
    };
    re2::StringPiece input(working);
    re2::StringPiece match;
    while (RE2::FindAndConsume(&input, m_base58, &match)) {
        const std::string address(match);
        if (address.front() == 'T') {
            if (address.size() == 34 && checksums::isValidBase58Check(address, 0x41))
                report(match, QStringLiteral("TRON"), QStringLiteral("payment.tron_address"));
        } else if (checksums::isValidBase58Check(address, address.front() == '1' ? 0x00 : 0x05)) {
            report(match, QStringLiteral("Bitcoin"), QStringLiteral("payment.bitcoin_address"));
        }
    }
    input = re2::StringPiece(working);
    while (RE2::FindAndConsume(&input, m_bech32, &match)) {
        if (checksums::isValidBech32(std::string(match), "bc"))
            report(match, QStringLiteral("Bitcoin"), QStringLiteral("payment.bitcoin_address"));
    }
    input = re2::StringPiece(working);
    while (RE2::FindAndConsume(&input, m_ethereum, &match)) {
        if (checksums::isValidEthereumAddress(std::string(match)))
            report(match, QStringLiteral("Ethereum"), QStringLiteral("payment.ethereum_address"));
    }
}

void PaymentRule::findCashtags(const NormalizedText &text, DetectedSpans &out) const
{
    const std::string &working = text.working();
    re2::StringPiece input(working);
    re2::StringPiece match;
    while (RE2::FindAndConsume(&input, m_cashtag, &match)) {
        const std::string tag(match);
        // Tickers ($AAPL) and shell variables ($API_TOKEN) are capitals only.
        if (!std::any_of(tag.begin(), tag.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
            continue;
        const std::size_t start = offsetOf(working, match);
        const std::size_t from = start - std::min(start, kCashAppWindow);
        const re2::StringPiece before(working.data() + from, start - from);
        if (!RE2::PartialMatch(before, m_cashAppCue))
            continue;
        DetectedSpan span = text.makeSpan(ContactType::Payment, start, start + match.size());
        span.value = QStringLiteral("cashapp:") + QString::fromStdString(tag);
        span.confidence = kCashtag;
        span.rule = QStringLiteral("payment.cashtag");
        span.explanation = QStringLiteral("Cash App $cashtag, with Cash App named just before it.");
        out.append(span);
    }
}

void PaymentRule::findPix(const NormalizedText &text, DetectedSpans &out) const
{
    const std::string &working = text.working();
    re2::StringPiece input(working);
    re2::StringPiece match;
    while (RE2::FindAndConsume(&input, m_pixKey, &match)) {
        const std::string key(match);
        const std::string digits = withoutSpaces(key);
        const bool uuid = key.size() == 36;
        const bool valid = uuid || (digits.find('/') == std::string::npos && checksums::isValidCpf(digits))
            || checksums::isValidCnpj(std::string([&] {
                   std::string d = digits;
                   d.erase(std::remove(d.begin(), d.end(), '/'), d.end());
                   return d;
               }()));
        if (!valid)
            continue;
        const std::size_t start = offsetOf(working, match);
        DetectedSpan span = text.makeSpan(ContactType::Payment, start, start + match.size());
        span.value = QStringLiteral("pix:") + QString::fromStdString(uuid ? key : digits);
        span.confidence = kPixKey;
        span.rule = QStringLiteral("payment.pix_key");
        span.explanation = uuid ? QStringLiteral("Pix random key given after the word 'Pix'.")
                                : QStringLiteral("Pix key (a Brazilian tax ID with valid check digits) given "
                                                 "after the word 'Pix'.");
        out.append(span);
    }
}

void PaymentRule::findBankAccounts(const NormalizedText &text, DetectedSpans &out) const
{
    const std::string &working = text.working();
    re2::StringPiece input(working);
    re2::StringPiece match;
    while (RE2::FindAndConsume(&input, m_bankAccount, &match)) {
        const std::size_t start = offsetOf(working, match);
        std::string number(match);
        const std::size_t digitStart = number.find_first_of("0123456789");
        std::string digits;
        for (char c : number.substr(digitStart == std::string::npos ? 0 : digitStart)) {
            if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))
                digits.push_back(c);
        }
        if (digits.size() < 6)
            continue;
        DetectedSpan span = text.makeSpan(ContactType::Payment, start, start + match.size());
        span.value = QStringLiteral("bank:") + QString::fromStdString(digits);
        span.confidence = kBankAccount;
        span.rule = QStringLiteral("payment.bank_account");
        span.explanation = QStringLiteral("Bank account details given after an account-number word.");
        out.append(span);
    }
}

} // namespace cg
