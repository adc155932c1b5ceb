#include "AsciiPattern.h"
#include "DetectionData.h"
#include "EmailRule.h"
#include "HandleRule.h"
#include "LinkRule.h"
#include "NormalizedText.h"
#include "PatternRule.h"
#include "PaymentRule.h"
#include "PhoneRule.h"
#include "SpelledNumbers.h"
#include "TriggerWords.h"

#include <QTest>

#include <re2/set.h>

#include <algorithm>
#include <functional>
#include <memory>
#include <random>

using namespace cg;

// A rule's triggers (its RE2 patterns and its trigger words, found as the
// Detector finds them) must never hide a finding: on any message, find() with
// the triggers that matched reports exactly what it reports with all of them.
class TestTriggers : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void neverHideAFinding_data();
    void neverHideAFinding();
    void patternGroupsNeverRuleOutAnAllowedPattern();
    void letterlessCharactersFoldToNothingAscii();
    void numbersAreReadWhereverTheyMayChange();
    void longWordsAreFoundByTheirStart_data();
    void longWordsAreFoundByTheirStart();

private:
    static QStringList randomMessages();
    std::optional<DetectionData> m_data;
};

void TestTriggers::initTestCase()
{
    QString error;
    m_data = DetectionData::load(QString(), &error);
    QVERIFY2(m_data, qPrintable(error));
}

// Messages made of what the triggers turn on: every messenger's names, spelled
// with look-alikes and in capitals, the bank and payment words, phrase words,
// digits and separators, next to word characters, punctuation and letters of
// other scripts (including the three that case-fold into ASCII letters).
QStringList TestTriggers::randomMessages()
{
    QString error;
    const std::optional<DetectionData> data = DetectionData::load(QString(), &error);
    std::vector<std::string> pieces = {
        " ", " ", " ", "  ", "-", " - ", "\n", ":", ", ", ".", "@", "$", "#", "/", "_", "(", ")", "'s", "is", "id",
        "my", "me", "your", "number", "send", "share", "give", "email", "e-mail", "contact", "outside", "upwork",
        "call", "text", "whats", "app", "chat", "we", "line", "ms", "teams", "cash", "tok", "in", "talk", "x", "wa",
        "account", "acct", "a/c", "sort code", "iban", "pix", "PIX", "bc1", "bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh",
        "0x52908400098527886E0F7030069857D2E4169EE7", "$jdoe", "jdoe#1234", "GB82 WEST 1234 5698 7654 32",
        "1BoatSLRHtKNngkdXEeobR76b53LETtpyT", "555", "0123", "+44", "7700 900123", "415-555-0132", "12", "2019",
        "19", "79", "4", "3", "1", "0", "5", "7", "9", "8", "!", "|", "jdoe", "jane.doe", "gmail", "dot", "com",
        "at", "[at]", "https://t.me/jdoe", "wa.me/447700900123", "www.example.com", "paypal.me/jdoe", "venmo",
        "skype", "telegram", "whatsapp", "wechat", "signal", "discord", "instagram", "linkedin", "ig", "tg",
        "\u017F", "\u212A", "\u0130", "\u00E9", "\u0432\u0430\u0442\u0441\u0430\u043F", "\u0412\u0410\u0422\u0421\u0410\u041F",
        "\u0441\u0447\u0451\u0442", "\u0440/\u0441", "\u5FAE\u4FE1", "ag\u00EAncia", "AG\u00CANCIA", "contato",
        "123 Main Street, Springfield, IL 62701", "PO Box 1234", "Flat 4B, 221 Baker Street, London NW1 6XE",
        "jane.doe@gmail.com", "jdoe at gmail dot com", "call me at 415 555 0132", "my whatsapp is +44 7700 900123",
        "skype: jdoe.design", "IG: @lena", "venmo @tom-h", "sort code 12-34-56 account 12345678", "pix: 123.456.789-09",
        "can you send me your number", "let's talk outside upwork", "email me",
        "jdoe (at) gmail (dot) com", "jdoe[@]mail.com", "jdoe @ gmail . com", "jane\tat\tgmail\tdot\tcom",
        "jdoe{ at }hot mail{.}com", "jdoe <arroba> yahoo < punto > es", "ivan \u0441\u043E\u0431\u0430\u043A\u0430 mail",
        "site [dot] com", "t . me / ivan", "paypal dot me slash jdoe", "www { . } site . studio", "wa (.) me",
        "calendly dot com/jdoe", "(at)", "[ . ]", " / ", "jdoe( at)gmail.com", "jdoe [ at]gmail [ dot]com",
        "jdoe@g mail.com", "jdoe@hot mail.com", "jdoe @ gmail.com", "jdoe@ gmail.com", "jdoe (@) gmail.com", "jdoe@yahoo( .)com", "site( .)com/jdoe",
        "jdoe@g\tmail.com", "jdoe@i\ncloud.com", "jdoe@proton\rmail.com", "jdoe@out\flook.com", "jdoe@ya\n\nhoo.com",
        // Beyond ASCII but no letters: such a message is walked with the ASCII words.
        "\uFFFD", "\u201C", "\u201D", "\u2019", "\u20AC", "\U0001F600", "\u00B0", "\u201Cskype\u201D",
        "\uFFFDtelegram\uFFFD", "whatsapp\u2019s", "\u2022 iban", "\U0001F44Dcontact", "\u201Cskype: jdoe.design",
        "\uFFFDtelegram @jdoe_42", "\u2022whatsapp +44 7700 900123", "\u00B0iban GB82 WEST 1234 5698 7654 32",
    };
    const std::vector<std::string> joins = {" ", " ", " ", " ", "", ": ", ", ", " - ", "\n", "\u00A0", " \u2013 "};
    for (const DetectionData::Service &service : data->services)
        pieces.insert(pieces.end(), service.names.begin(), service.names.end());
    const auto leet = [](std::string word, std::mt19937 &random) {
        static const std::string from = "aeiolstgbAEIOLSTGB";
        static const std::string to[] = {"@4", "3", "1!|l", "0", "1|i", "5$", "7", "9", "8"};
        for (char &c : word) {
            const std::size_t at = from.find(c);
            if (at == std::string::npos || std::uniform_int_distribution<int>(0, 2)(random) != 0)
                continue;
            const std::string &choices = to[at % 9];
            c = choices[std::uniform_int_distribution<std::size_t>(0, choices.size() - 1)(random)];
        }
        return word;
    };
    std::mt19937 random(11);
    // Names with their i's and l's swapped ("sIack", "teiegram"), followed by an ID.
    for (const DetectionData::Service &service : data->services) {
        for (std::string name : service.names) {
            for (char &c : name) {
                if (c == 'i' || c == 'l')
                    c = std::uniform_int_distribution<int>(0, 1)(random) ? 'I' : (c == 'i' ? 'l' : 'i');
            }
            pieces.push_back(name + ": jdoe_42");
            pieces.push_back(leet(name, random) + " +44 7700 900123");
            // Words of a name joined as people join them: "we-chat", "wechat", "whats  app".
            if (const std::size_t space = name.find(' '); space != std::string::npos) {
                for (const char *join : {"-", "", "  ", " - ", "\t"})
                    pieces.push_back(name.substr(0, space) + join + name.substr(space + 1) + " id: jdoe_42");
            }
        }
    }
    QStringList messages;
    for (int i = 0; i < 8000; ++i) {
        std::string message;
        const int count = std::uniform_int_distribution<int>(1, 12)(random);
        for (int p = 0; p < count; ++p) {
            std::string piece = pieces[std::uniform_int_distribution<std::size_t>(0, pieces.size() - 1)(random)];
            switch (std::uniform_int_distribution<int>(0, 5)(random)) {
            case 0:
                piece = leet(piece, random);
                break;
            case 1:
                std::transform(piece.begin(), piece.end(), piece.begin(),
                               [](char c) { return (c >= 'a' && c <= 'z') ? char(c - 'a' + 'A') : c; });
                break;
            default:
                break;
            }
            if (p > 0)
                message += joins[std::uniform_int_distribution<std::size_t>(0, joins.size() - 1)(random)];
            message += piece;
        }
        messages << QString::fromStdString(message);
    }
    return messages;
}

void TestTriggers::neverHideAFinding_data()
{
    QTest::addColumn<QString>("rule");
    for (const char *rule : {"email", "phone", "link", "handle", "payment", "pattern"})
        QTest::newRow(rule) << QString::fromLatin1(rule);
}

void TestTriggers::neverHideAFinding()
{
    QFETCH(QString, rule);
    std::unique_ptr<DetectionRule> detectionRule;
    if (rule == QLatin1String("email"))
        detectionRule = std::make_unique<EmailRule>();
    else if (rule == QLatin1String("phone"))
        detectionRule = std::make_unique<PhoneRule>("US");
    else if (rule == QLatin1String("link"))
        detectionRule = std::make_unique<LinkRule>(*m_data, QStringList{QStringLiteral("upwork.com")});
    else if (rule == QLatin1String("handle"))
        detectionRule = std::make_unique<HandleRule>(m_data->services);
    else if (rule == QLatin1String("payment"))
        detectionRule = std::make_unique<PaymentRule>();
    else
        detectionRule = std::make_unique<PatternRule>(m_data->patterns);

    // The rule's triggers, found as the Detector finds them.
    const std::vector<std::string> patterns = detectionRule->triggers();
    RE2::Options options;
    options.set_log_errors(false);
    options.set_max_mem(256 << 20);
    RE2::Set set(options, RE2::UNANCHORED);
    for (const std::string &pattern : patterns)
        QVERIFY(set.Add(pattern, nullptr) >= 0);
    QVERIFY(patterns.empty() || set.Compile());
    std::vector<std::pair<int, DetectionRule::TriggerWord>> words;
    for (const DetectionRule::TriggerWord &word : detectionRule->triggerWords())
        words.emplace_back(int(patterns.size() + words.size()), word);
    const TriggerWords triggerWords(words);
    std::vector<int> all(patterns.size() + words.size());
    std::iota(all.begin(), all.end(), 0);

    int findings = 0;
    for (const QString &message : randomMessages()) {
        const NormalizedText text(message);
        std::vector<int> fired;
        if (!patterns.empty())
            set.Match(text.working(), &fired);
        triggerWords.match(text, fired);
        std::sort(fired.begin(), fired.end());
        DetectedSpans gated;
        if (!fired.empty() || detectionRule->runsOnEveryMessage())
            detectionRule->find(text, fired, gated);
        DetectedSpans everything;
        detectionRule->find(text, all, everything);
        findings += int(everything.size());
        if (gated != everything)
            QFAIL(qPrintable(QStringLiteral("'%1': %2 findings with the triggers that matched, %3 with all")
                                 .arg(message)
                                 .arg(gated.size())
                                 .arg(everything.size())));
    }
    QVERIFY2(findings > 50, "the messages hold enough of what the rule finds");
}

// PatternRule's quick answer from the groups of words each pattern needs one of
// must never rule out a pattern FilteredRE2 allows: checked on the words of the
// random messages and on random parts of them.
void TestTriggers::patternGroupsNeverRuleOutAnAllowedPattern()
{
    const PatternRule rule(m_data->patterns);
    std::vector<std::pair<int, DetectionRule::TriggerWord>> words;
    for (const DetectionRule::TriggerWord &word : rule.triggerWords()) {
        if (words.size() < rule.filterWordCount()) // not the gates' words
            words.emplace_back(int(words.size()), word);
    }
    const TriggerWords triggerWords(words);
    std::mt19937 random(5);
    int allowing = 0;
    for (const QString &message : randomMessages()) {
        const NormalizedText text(message);
        std::vector<int> held;
        triggerWords.match(text, held);
        std::sort(held.begin(), held.end());
        for (int part = 0; part < 4; ++part) {
            std::vector<int> atoms;
            for (int atom : held) {
                if (part == 0 || std::uniform_int_distribution<int>(0, 2)(random) != 0)
                    atoms.push_back(atom);
            }
            if (atoms.empty() || rule.filterAllows(atoms).empty())
                continue;
            ++allowing;
            if (!rule.anyFilteredPossible(atoms))
                QFAIL(qPrintable(QStringLiteral("'%1': words that allow a pattern were ruled out").arg(message)));
        }
    }
    QVERIFY2(allowing > 200, "the messages hold words that allow patterns");
}

// TriggerWords walks a message whose letters are all ASCII with the ASCII words,
// over the text as it is, where other messages are case-folded first: no other
// character of such a message may fold into ASCII, or the two would differ.
void TestTriggers::letterlessCharactersFoldToNothingAscii()
{
    int checked = 0;
    for (char32_t c = 0x80; c <= 0x10FFFF; ++c) {
        if ((c >= 0xD800 && c <= 0xDFFF) || !narrowedPatternsAgreeOn(c))
            continue;
        const QString folded = QString::fromUcs4(&c, 1).toCaseFolded();
        for (const QChar ch : folded) {
            if (ch.unicode() < 0x80)
                QFAIL(qPrintable(QStringLiteral("U+%1 folds to '%2'").arg(uint(c), 4, 16, QLatin1Char('0')).arg(ch)));
        }
        ++checked;
    }
    QVERIFY(checked > 100000);
}

// The Detector reads a message for spelled-out numbers only where
// SpelledNumbers::mayRewrite() says it may change, given the number and joining
// words the trigger-word walk found: never where the full reading would change it.
void TestTriggers::numbersAreReadWhereverTheyMayChange()
{
    const SpelledNumbers numbers(m_data->numberWords);
    std::vector<std::pair<int, DetectionRule::TriggerWord>> words;
    for (const auto &[trigger, word] : numbers.triggerWords())
        words.emplace_back(int(trigger), word);
    const TriggerWords triggerWords(words);

    std::vector<std::string> pieces = {
        "555", "0917", "12", "4", "2019", "415 555 0132", "+44", "+", "O77OO", "OI28", "9one7", "01four3", "5o5",
        "l0l", "10am", "2nd", "mp3", "x86", "abc123", "I", "O", "l", "o", "oh", "double", "triple", "plus", "then",
        "and", "and ends in", "ends with", "followed by", "y luego", "do", "teen", "nau", "uno", "dos", "cinco",
        "zwei", "vier", "sept", "huit", "one", "two", "five", "six", "nine", "zero", "FIVE", "Nine", "call", "me",
        "my", "number", "is", "at", "the", "price", "order", "it's", "don't", "5'", "'5", "x", "z", "ok", "sends in",
        "015 then 234 then 567", "0151 and then 2345 and 67", "917 y luego 555 y luego 123", "091", "7555",
        "+|4155550132", "+ * 447700900123",
    };
    for (const DetectionData::NumberWord &word : m_data->numberWords) {
        if (std::all_of(word.word.begin(), word.word.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
            pieces.push_back(word.word);
    }
    const std::vector<std::string> separators = {" ", " ", " ", "-", ".", "(", ")", "/", ",", ";", "_", "*", "|",
                                                 "~", "'", "\n", "", "", "  -  ", ": ", "!", "             "};
    std::mt19937 random(13);
    int changed = 0;
    int mayNot = 0;
    for (int i = 0; i < 40000; ++i) {
        std::string message;
        const int count = std::uniform_int_distribution<int>(1, 14)(random);
        for (int p = 0; p < count; ++p) {
            if (p > 0)
                message += separators[std::uniform_int_distribution<std::size_t>(0, separators.size() - 1)(random)];
            message += pieces[std::uniform_int_distribution<std::size_t>(0, pieces.size() - 1)(random)];
        }
        const NormalizedText text(QString::fromStdString(message));
        if (!text.isAscii())
            continue;
        std::vector<int> hits;
        TriggerWords::Places places;
        triggerWords.match(text, hits, &places);
        QVERIFY(places.complete);
        std::vector<SpelledNumbers::FoundWord> found;
        for (const TriggerWords::Place &place : places.list)
            found.push_back({SpelledNumbers::Trigger(place.trigger), place.start, place.end});
        const bool mayRewrite = numbers.mayRewrite(text.working(), found);
        mayNot += mayRewrite ? 0 : 1;
        if (numbers.rewrite(text.working()).empty())
            continue;
        ++changed;
        if (!mayRewrite)
            QFAIL(qPrintable(QStringLiteral("'%1' has a number to rewrite").arg(QString::fromStdString(message))));
    }
    QVERIFY2(changed > 2000, "the messages hold enough numbers to rewrite");
    QVERIFY2(mayNot > 2000, "mayRewrite() turns messages away");
    qDebug("%d messages with a number rewritten, %d turned away unread", changed, mayNot);
}

// TriggerWords looks for a long word by its start only (so the walk can read
// four stretches of a short message at once): it may fire where the whole word is
// not, never miss it, in ASCII messages and in messages it case-folds.
void TestTriggers::longWordsAreFoundByTheirStart_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<bool>("fires");
    QTest::newRow("the word") << QStringLiteral("see mycontactdetailsbelow now") << true;
    QTest::newRow("in capitals") << QStringLiteral("MYCONTACTDETAILSBELOW") << true;
    QTest::newRow("beyond ASCII") << QStringLiteral("\u00E9 mycontactdetailsbelow") << true;
    QTest::newRow("look-alikes") << QStringLiteral("myc0ntactdeta1lsbel0w") << true;
    QTest::newRow("a neighbour it may not have, past the start") << QStringLiteral("mycontactdetailsbelowx") << true;
    QTest::newRow("its start only") << QStringLiteral("mycontactdetai") << true;
    QTest::newRow("less than its start") << QStringLiteral("mycontactd etails") << false;
    QTest::newRow("a neighbour before it may not have") << QStringLiteral("xmycontactdetailsbelow") << false;
}

void TestTriggers::longWordsAreFoundByTheirStart()
{
    QFETCH(QString, message);
    QFETCH(bool, fires);
    const std::bitset<256> letters = DetectionRule::wordBytes();
    const TriggerWords words({{7, {"mycontactdetailsbelow", letters, letters, {}}}, {8, {"sms", letters, letters, {}}}});
    const NormalizedText text(message);
    std::vector<int> hits;
    words.match(text, hits);
    QCOMPARE(hits == std::vector<int>{7}, fires);
}

QTEST_GUILESS_MAIN(TestTriggers)
#include "tst_triggers.moc"
