// TriggerScan: it must find exactly the trigger patterns RE2 finds (the Detector
// uses its answer in place of the RE2::Set's), say when it is unsure, and know
// every trigger pattern the built-in rules put in the set.
#include "DetectionData.h"
#include "EmailRule.h"
#include "HandleRule.h"
#include "labelled_cases.h"
#include "LinkRule.h"
#include "NormalizedText.h"
#include "PatternRule.h"
#include "PaymentRule.h"
#include "PhoneRule.h"
#include "TriggerScan.h"

#include <QRandomGenerator>
#include <QTest>

#include <re2/re2.h>

#include <memory>
#include <optional>
#include <utility>
#include <vector>

using namespace cg;

namespace {

const char *const kPatterns[] = {
    triggers::kSpelledEmail, triggers::kDisguisedLink, triggers::kSevenDigits,     triggers::kDiscordTag,
    triggers::kIban,         triggers::kBase58Address, triggers::kEthereumAddress, triggers::kCashtag,
};

// What an RE2::Set of the patterns answers for `text`, as TriggerScan's bits.
unsigned re2Answer(const std::string &text)
{
    static const std::vector<std::pair<std::unique_ptr<RE2>, unsigned>> kRegexes = [] {
        std::vector<std::pair<std::unique_ptr<RE2>, unsigned>> regexes;
        for (const char *pattern : kPatterns)
            regexes.emplace_back(std::make_unique<RE2>(pattern), TriggerScan::patternBit(pattern));
        return regexes;
    }();
    unsigned found = 0;
    for (const auto &[regex, bit] : kRegexes) {
        if (RE2::PartialMatch(text, *regex))
            found |= bit;
    }
    return found;
}

// Text made of what the patterns are made of: digits and the phone separators,
// capitals, "#", "$", "@", "/", brackets, the spelled-out words in any case,
// hex and base58 runs, spaces of every kind, and characters beyond ASCII, in
// runs long enough to cross the scan's 16-byte blocks.
std::string randomText(QRandomGenerator &random)
{
    static const char *const kPieces[] = {
        "0", "1", "3", "5", "7", "9", "12", "555", "0917", " ", "  ", "\t", "\n", "\r", "\f", "\v", "-", ".", "/", "(",
        ")", "[", "]", "{", "}", "<", ">", "#", "$", "@", "_", "x", "0x", "T", "DE", "GB", "ab", "Q", "O", "I", "l",
        "at", "AT", "dot", "Dot", "punto", "ponto", "punkt", "point", "arroba", "arobase", "собака", "точка", "é",
        "\u212A", "\u017F", "😀", "The", "call", "a1B2c3D4e5F6", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",
        "TJCnKsPa7y5okkXvQAidZBzqx3QyQ6sxMW", "deadBEEF00112233445566778899aabbccddeeff",
    };
    std::string text;
    const int pieces = random.bounded(1, 60);
    for (int i = 0; i < pieces; ++i)
        text += kPieces[random.bounded(int(std::size(kPieces)))];
    return text;
}

QString describe(unsigned bits)
{
    QStringList names;
    const char *const kNames[] = {"SpelledEmail", "DisguisedLink",   "SevenDigits", "DiscordTag", "Iban",
                                  "Base58Address", "EthereumAddress", "Cashtag",     "Unsure"};
    for (int bit = 0; bit < int(std::size(kNames)); ++bit) {
        if (bits & (1u << bit))
            names << QString::fromLatin1(kNames[bit]);
    }
    return names.isEmpty() ? QStringLiteral("none") : names.join(QLatin1Char('|'));
}

} // namespace

class TestTriggerScan : public QObject
{
    Q_OBJECT

private slots:
    void findsThePatterns_data();
    void findsThePatterns();
    void agreesWithRe2OnLabelledCases();
    void agreesWithRe2OnRandomText();
    void knowsEveryBuiltInTrigger();
};

void TestTriggerScan::findsThePatterns_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<uint>("expected");
    const uint none = 0;
    QTest::newRow("prose") << QStringLiteral("Thanks, see you on the call tomorrow.") << none;
    QTest::newRow("empty") << QString() << none;
    QTest::newRow("seven digits") << QStringLiteral("ring 5551234") << uint(TriggerScan::SevenDigits);
    QTest::newRow("six digits") << QStringLiteral("order 555123 shipped") << none;
    QTest::newRow("seven digits, separators")
        << QStringLiteral("(555) 123-4567") << uint(TriggerScan::SevenDigits);
    QTest::newRow("seven digits, three separators") << QStringLiteral("5 - 5 - 5 - 1 - 2 - 3 - 4")
                                                    << uint(TriggerScan::SevenDigits);
    QTest::newRow("four separators break the run") << QStringLiteral("555 -- -1234") << none;
    QTest::newRow("seven digits across the 16-byte blocks")
        << QStringLiteral("xxxxxxxxxxxxxx 55 51 234") << uint(TriggerScan::SevenDigits);
    // The scan reads 64 bytes at a time: patterns across the edge of two.
    const QString filler = QString(60, QLatin1Char('x'));
    QTest::newRow("phone across chunks") << filler + QStringLiteral(" 555 123 4567") << uint(TriggerScan::SevenDigits);
    QTest::newRow("tag across chunks") << filler + QStringLiteral("abc#1234") << uint(TriggerScan::DiscordTag);
    QTest::newRow("IBAN across chunks") << QString(62, QLatin1Char(' ')) + QStringLiteral("GB29 NWBK 6016")
                                        << uint(TriggerScan::Iban);
    QTest::newRow("spaced at on a chunk's edge") << QString(63, QLatin1Char('y')) + QStringLiteral(" @ mail")
                                                 << uint(TriggerScan::SpelledEmail);
    QTest::newRow("word before a chunk's edge") << QString(63, QLatin1Char('y')) + QStringLiteral("#12345") << uint(TriggerScan::DiscordTag);
    QTest::newRow("TRON across chunks") << QString(50, QLatin1Char(' ')) + QStringLiteral("TJCnKsPa7y5okkXvQAidZBzqx3QyQ6sxMW")
                                        << uint(TriggerScan::Base58Address);
    QTest::newRow("word before TRON on a chunk's edge")
        << QString(63, QLatin1Char('y')) + QStringLiteral("TJCnKsPa7y5okkXvQAidZBzqx3QyQ6sxMW") << none;
    QTest::newRow("date and time") << QStringLiteral("21 Aug 2002 10:54") << none;
    QTest::newRow("Discord tag") << QStringLiteral("add me jdoe#1234") << uint(TriggerScan::DiscordTag);
    QTest::newRow("colour is no tag") << QStringLiteral("color=#000000") << none;
    QTest::newRow("tag with three digits") << QStringLiteral("jdoe#123") << none;
    QTest::newRow("IBAN") << QStringLiteral("GB29 NWBK 6016") << uint(TriggerScan::Iban);
    QTest::newRow("IBAN inside a word") << QStringLiteral("XGB29 NWBK") << none;
    QTest::newRow("IBAN glued") << QStringLiteral("DE89370400440532013000")
                                << uint(TriggerScan::Iban | TriggerScan::SevenDigits);
    QTest::newRow("Bitcoin") << QStringLiteral("send to 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa")
                             << uint(TriggerScan::Base58Address);
    QTest::newRow("TRON") << QStringLiteral("TJCnKsPa7y5okkXvQAidZBzqx3QyQ6sxMW") << uint(TriggerScan::Base58Address);
    QTest::newRow("base58 inside a word") << QStringLiteral("xTJCnKsPa7y5okkXvQAidZBzqx3QyQ6sxMW") << none;
    QTest::newRow("base58 with an O") << QStringLiteral("TJCnKsPa7y5okkXvQOidZBzqx3") << none;
    QTest::newRow("Ethereum") << QStringLiteral("0x52908400098527886E0F7030069857D2E4169EE7")
                              << uint(TriggerScan::EthereumAddress | TriggerScan::SevenDigits);
    QTest::newRow("short hex") << QStringLiteral("0xFF") << none;
    QTest::newRow("cashtag") << QStringLiteral("my $janedoe") << uint(TriggerScan::Cashtag);
    QTest::newRow("cashtag in capitals") << QStringLiteral("$JANE") << none;
    QTest::newRow("price") << QStringLiteral("$50 a month") << none;
    QTest::newRow("spaced at") << QStringLiteral("jo @ mail") << uint(TriggerScan::SpelledEmail);
    QTest::newRow("plain address") << QStringLiteral("jo@mail.com") << none;
    QTest::newRow("spaced slash") << QStringLiteral("upwork / com") << uint(TriggerScan::DisguisedLink);
    QTest::newRow("link") << QStringLiteral("https://example.com/a/b") << none;
    QTest::newRow("(at)") << QStringLiteral("jo(at)mail") << uint(TriggerScan::SpelledEmail);
    QTest::newRow("[ AT ]") << QStringLiteral("jo [ AT ] mail") << uint(TriggerScan::SpelledEmail);
    QTest::newRow("{dot}") << QStringLiteral("mail{dot}com")
                           << uint(TriggerScan::SpelledEmail | TriggerScan::DisguisedLink);
    QTest::newRow("<.>") << QStringLiteral("mail<.>com") << uint(TriggerScan::SpelledEmail | TriggerScan::DisguisedLink);
    QTest::newRow("(punkt)") << QStringLiteral("mail(Punkt)de") << uint(TriggerScan::SpelledEmail);
    QTest::newRow("(arobase)") << QStringLiteral("jo (arobase) mail") << uint(TriggerScan::SpelledEmail);
    QTest::newRow("unclosed bracket") << QStringLiteral("jo (at mail") << none;
    QTest::newRow("bracketed word") << QStringLiteral("(attention)") << none;
    QTest::newRow("html") << QStringLiteral("<a href=x><p>") << none;
    QTest::newRow("(собака) needs RE2") << QStringLiteral("jo(собака)mail") << uint(TriggerScan::Unsure);
    QTest::newRow("Kelvin sign needs RE2") << QStringLiteral("mail(pun\u212At)de") << uint(TriggerScan::Unsure);
    QTest::newRow("several") << QStringLiteral("jo @ mail, $janedoe, 555 123 4567")
                             << uint(TriggerScan::SpelledEmail | TriggerScan::Cashtag | TriggerScan::SevenDigits);
}

void TestTriggerScan::findsThePatterns()
{
    QFETCH(QString, text);
    QFETCH(uint, expected);
    const std::string utf8 = text.toStdString();
    QCOMPARE(describe(TriggerScan::matches(utf8)), describe(expected));
    QCOMPARE(describe(TriggerScan::matchesByteByByte(utf8)), describe(expected));
    if (!(expected & TriggerScan::Unsure))
        QCOMPARE(describe(re2Answer(utf8)), describe(expected)); // the row itself is right
}

void TestTriggerScan::agreesWithRe2OnLabelledCases()
{
    int unsure = 0;
    int matching = 0;
    for (const tests::LabelledCase &c : tests::kLabelledCases) {
        const std::string working = NormalizedText(QString::fromUtf8(c.text)).working();
        const unsigned found = TriggerScan::matches(working);
        if (found & TriggerScan::Unsure) {
            ++unsure;
            continue;
        }
        matching += found != 0;
        QVERIFY2(found == re2Answer(working),
                 qPrintable(QStringLiteral("%1: scan %2, RE2 %3")
                                .arg(QString::fromUtf8(c.name), describe(found), describe(re2Answer(working)))));
    }
    QVERIFY(unsure < 10);
    QVERIFY2(matching > 100, qPrintable(QString::number(matching))); // not a vacuous check
}

void TestTriggerScan::agreesWithRe2OnRandomText()
{
    QRandomGenerator random(20261128);
    unsigned seen = 0;
    for (int i = 0; i < 100000; ++i) {
        const std::string text = randomText(random);
        const unsigned found = TriggerScan::matches(text);
        if (found & TriggerScan::Unsure)
            continue;
        seen |= found;
        if (TriggerScan::matchesByteByByte(text) != found)
            QFAIL(qPrintable(QStringLiteral("'%1': the two scans disagree").arg(QString::fromStdString(text))));
        if (found != re2Answer(text))
            QFAIL(qPrintable(QStringLiteral("'%1': scan %2, RE2 %3")
                                 .arg(QString::fromStdString(text), describe(found), describe(re2Answer(text)))));
    }
    QCOMPARE(describe(seen), describe(TriggerScan::AllPatterns)); // every pattern was found somewhere
}

void TestTriggerScan::knowsEveryBuiltInTrigger()
{
    // Every pattern the built-in rules put in the shared set has its bit, so the
    // set runs only when the scan is unsure; a pattern without one would bring it
    // back for every message.
    QString error;
    const std::optional<DetectionData> data = DetectionData::load(QString(), &error);
    QVERIFY2(data, qPrintable(error));
    std::vector<std::unique_ptr<DetectionRule>> rules;
    rules.push_back(std::make_unique<EmailRule>());
    rules.push_back(std::make_unique<PhoneRule>("US"));
    rules.push_back(std::make_unique<LinkRule>(*data, QStringList()));
    rules.push_back(std::make_unique<HandleRule>(data->services));
    rules.push_back(std::make_unique<PaymentRule>());
    unsigned bits = 0;
    for (const auto &rule : rules) {
        for (const std::string &pattern : rule->triggers()) {
            const unsigned bit = TriggerScan::patternBit(pattern);
            QVERIFY2(bit != 0, pattern.c_str());
            bits |= bit;
        }
    }
    QCOMPARE(describe(bits), describe(TriggerScan::AllPatterns));
    // Every built-in phrase and address pattern has words or a gate.
    QVERIFY(PatternRule(data->patterns).triggers().empty());
}

QTEST_GUILESS_MAIN(TestTriggerScan)
#include "tst_triggerscan.moc"
