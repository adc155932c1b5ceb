// Gates (patterns.tsv's sixth column): how one is read, that each built-in gate
// holds for its pattern (a message the pattern matches in always holds one of
// the gate's words), and that the trigger walk finds every message the gate,
// read as the RE2 pattern it is, matches.
#include "DetectionData.h"
#include "labelled_cases.h"
#include "NormalizedText.h"
#include "PatternGate.h"
#include "TriggerWords.h"

#include <QRandomGenerator>
#include <QTest>

#include <re2/re2.h>

using namespace cg;

namespace {

using Case = tests::LabelledCase;
const auto &kCases = tests::kLabelledCases;

// A gate's words as "\bNo\d|(...)": how the tests write what parsePatternGate() read.
QString describe(const PatternGate &gate)
{
    QStringList words;
    for (const GateWord &word : gate.words) {
        QString text = word.boundaryBefore ? QStringLiteral("\\b") : QString();
        text += QString::fromStdString(word.word);
        if (word.after == GateWord::After::Boundary)
            text += QStringLiteral("\\b");
        else if (word.after == GateWord::After::Digit)
            text += QStringLiteral("\\d");
        words << text;
    }
    return (gate.ignoresCase ? QStringLiteral("(?i) ") : QString()) + words.join(QLatin1Char('|'));
}

// The '|'-separated items of `items` (UTF-8).
QStringList listOf(const char *items)
{
    return QString::fromUtf8(items).split(QLatin1Char('|'));
}

// Chat lines made of the parts addresses are made of, in every order, case and
// spacing, with well-formed addresses of each country now and then, and
// characters beyond ASCII (which send a message through the case-folded walk).
QStringList addressLikeLines(int count)
{
    QRandomGenerator random(20261128);
    const QStringList types = QStringLiteral(
        "St Street Ave Avenue Rd Road Blvd Boulevard Ln Lane Dr Drive Way Ct Court Pl Place Pkwy Parkway Ter "
        "Terrace Cir Circle Hwy Highway Sq Square Trl Trail Loop Row Close Gardens Crescent Grove Hill Mews Park Walk")
                                  .split(QLatin1Char(' '));
    const QStringList names = QStringLiteral("Main Oak Baker Evergreen Fifth Victoria High Ayala Mission Elm Rizal")
                                  .split(QLatin1Char(' '));
    const QStringList cities = QStringLiteral("Springfield London Bristol Makati Bengaluru Austin Leeds Pasig")
                                   .split(QLatin1Char(' '));
    const QStringList states = QStringLiteral("IL CA NY TX WA OR IN ME").split(QLatin1Char(' '));
    const QStringList openers = listOf("Flat|House|H.No.|No.|#|Unit|Blk|Lot|Suite|Apt|flat|NO.");
    const QStringList indianOpeners = listOf("Flat|House|H.No.|H No|HNo|No.|Plot|Door No.|Flat#|no.");
    const QStringList germanStreets = listOf("Haupt|Bahnhof|Goethe|Linden|Öster|Berliner |Am |Kaiser-");
    const QStringList germanTypes = listOf("straße|strasse|weg|allee|platz|gasse|ring|damm|ufer|chaussee|"
                                  "Straße|Weg|Ring|Damm|str.");
    const QStringList germanCities = listOf("Berlin|München|Köln|Frankfurt am Main|Bad-Homburg|halle");
    const QStringList brazilianOpeners = listOf("Rua|R.|Avenida|Av.|Alameda|Travessa|Praça|Estrada|Rodovia|rua");
    const QStringList brazilianJoins = listOf("|das |dos |da |de ");
    const QStringList brazilianNames = listOf("Flores|Paulista|Brasil|Getúlio Vargas|São João|Augusta|Roma");
    const QStringList italianOpeners = listOf("Via|Viale|Piazza|Corso|Largo|Vicolo|Piazzale|via");
    const QStringList boxes = listOf("P.O. Box|PO Box|P O Box|Post Office Box|Apartado|Apartado Postal|"
                                  "Apartado de Correos|Caixa Postal|Postfach|Boîte Postale|B.P.|"
                                  "Абонентский ящик|а/я|ص.ب.|"
                                  "ص. ب|box|Mailbox");
    const QStringList others = listOf("call me|ship to|my address is|we are at|hi|thanks|N|W.|7th|21st|"
                                  "SW1A 2AA|BS8 1TH|560001|1226|62704|94043-1351|é|😀|Дом|ſt");
    const QStringList separators = {QStringLiteral(" "), QStringLiteral(" "), QStringLiteral(", "),
                                    QStringLiteral(","), QStringLiteral(". "), QStringLiteral(" - "),
                                    QStringLiteral("\n"), QStringLiteral("\t"), QStringLiteral("\u00A0"),
                                    QString()};
    const auto pick = [&](const QStringList &list) { return list.at(random.bounded(int(list.size()))); };
    const auto number = [&](int digits) {
        return QString::number(random.bounded(1, 10)) + QString::number(random.bounded(1000000)).left(digits - 1);
    };
    QStringList lines;
    for (int i = 0; i < count; ++i) {
        QString line;
        const int parts = random.bounded(2, 14);
        for (int part = 0; part < parts; ++part) {
            const int kind = random.bounded(10);
            QString piece = kind < 2   ? pick(types)
                            : kind < 4 ? pick(names)
                            : kind < 5 ? pick(cities)
                            : kind < 6 ? pick(states)
                            : kind < 7 ? number(random.bounded(1, 7))
                            : kind < 8 ? pick(openers) + pick(separators) + number(random.bounded(1, 4))
                                       : pick(others);
            if (random.bounded(8) == 0)
                piece = random.bounded(2) == 0 ? piece.toLower() : piece.toUpper();
            line += piece + pick(separators);
        }
        switch (random.bounded(11)) {
        case 0:
            line += QStringLiteral("%1 %2 %3, %4, %5 %6")
                        .arg(number(3), pick(names), pick(types), pick(cities), pick(states), number(5));
            break;
        case 1:
            line += QStringLiteral("Flat %1, %2 %3 %4, %5 SW1A 2AA")
                        .arg(number(2), number(2), pick(names), pick(types), pick(cities));
            break;
        case 2:
            line += QStringLiteral("Unit %1B, %2 %3 %4, %5 City %6")
                        .arg(number(2), number(3), pick(names), pick(types), pick(cities), number(4));
            break;
        case 3:
            line += QStringLiteral("%1 %2 %3 Apt %4").arg(number(4), pick(names), pick(types), number(2));
            break;
        case 5:
            line += QStringLiteral("%1%2 %3%4, %5 %6")
                        .arg(pick(germanStreets), pick(germanTypes), number(random.bounded(1, 4)),
                             random.bounded(3) == 0 ? QStringLiteral("a") : QString(), number(5), pick(germanCities));
            break;
        case 6:
            line += QStringLiteral("%1 %2%3, %4 - %5, %6 - SP, CEP %7-%8")
                        .arg(pick(brazilianOpeners), pick(brazilianJoins), pick(brazilianNames), number(3),
                             pick(brazilianNames), pick(cities), number(5), number(3));
            break;
        case 7:
            line += QStringLiteral("%1 %2 %3, %4 %5 %6")
                        .arg(pick(italianOpeners), pick(brazilianNames), number(2), number(5), pick(cities),
                             random.bounded(2) == 0 ? QStringLiteral("(MI)") : QString());
            break;
        case 8:
            line += QStringLiteral("%1%2%3, %4 %5").arg(pick(boxes), pick(separators), number(random.bounded(1, 7)),
                                                        pick(cities), pick(states));
            break;
        case 4:
            line += QStringLiteral("%1%2%3, %4 %5, %6 - %7")
                        .arg(pick(indianOpeners), pick(separators), number(2), pick(names), pick(types),
                             pick(cities), number(6));
            break;
        default:
            break;
        }
        lines << line;
    }
    return lines;
}

// Chat lines asking for contact details or to move off the platform, in the
// shapes the request patterns take and near them, in every case and spacing.
QStringList requestLikeLines(int count)
{
    QRandomGenerator random(20261129);
    const QStringList openers = listOf("|can you |could u |would you please |may i |will we just |please |pls |kindly |"
                                     "ok so |Can we |could you kindly |u can ");
    const QStringList verbs = listOf("send|share|give|drop|pass|provide|text|dm|leave|have|get|post|tell|show|resend");
    const QStringList owners = listOf("your|ur|yr|YOUR|the|my|Your");
    const QStringList kinds = listOf("|personal |direct |whats app |wa |cell |private ");
    const QStringList details = listOf("phone number|number|email|e-mail address|whatsapp|telegram|skype id|insta|"
                                     "contact details|handle|socials|portfolio|cv|no.|gmail|wechat id|fb|details");
    const QStringList asks = listOf("what's|whats|what is|what|Whats|what’s");
    const QStringList moves = listOf("move|take|continue|talk|chat|work|deal|do this|do it|discuss|keep");
    const QStringList objects = listOf("| this| it| the project| things| our conversation| the work");
    const QStringList aways = listOf("off|outside|outside of|away from|off of|on|from");
    const QStringList places = listOf("upwork|the platform|this site|here|there|whatsapp|the site|this platform|hereby|"
                                    "Upwork!");
    const QStringList tagalogAsks = listOf("ano|pa send|pasend|bigay|bigyan mo ako ng|pakibigay|send");
    const QStringList tagalogDetails = listOf("number|numero|email|fb|viber|cp|contact|whats app|whatsapp|phone");
    const QStringList tagalogOwners = listOf(" mo| nyo| niyo| ko|");
    const QStringList fillers = listOf("hello|thanks|for the project|asap|?|.|!!|é|😀|Дом|and|at 5pm");
    const QStringList spaces = {QStringLiteral(" "), QStringLiteral(" "), QStringLiteral("  "), QStringLiteral("\t"),
                                QStringLiteral("\n")};
    const auto pick = [&](const QStringList &items) { return items.at(random.bounded(int(items.size()))); };
    QStringList lines;
    for (int i = 0; i < count; ++i) {
        QString request;
        switch (random.bounded(4)) {
        case 0:
            request = pick(openers) + pick(verbs) + pick(listOf("| me| us")) + QLatin1Char(' ') + pick(owners)
                + QLatin1Char(' ') + pick(kinds) + pick(details) + pick(listOf("|?| pls"));
            break;
        case 1:
            request = pick(asks) + QLatin1Char(' ') + pick(owners) + QLatin1Char(' ') + pick(kinds) + pick(details)
                + pick(listOf("|?"));
            break;
        case 2:
            request = pick(listOf("let's |can we |we should ||pls ")) + pick(moves) + pick(objects) + QLatin1Char(' ')
                + pick(aways) + QLatin1Char(' ') + pick(places);
            break;
        default:
            request = pick(tagalogAsks) + pick(listOf("| po")) + pick(listOf("| ang| yung| ng")) + QLatin1Char(' ')
                + pick(tagalogDetails) + pick(tagalogOwners) + pick(listOf("| po")) + pick(listOf("|?"));
            break;
        }
        if (random.bounded(10) == 0)
            request = random.bounded(2) == 0 ? request.toUpper() : request.toLower();
        QString line;
        for (int filler = random.bounded(3); filler > 0; --filler)
            line += pick(fillers) + pick(spaces);
        line += request;
        for (int filler = random.bounded(3); filler > 0; --filler)
            line += pick(spaces) + pick(fillers);
        lines << line;
    }
    return lines;
}

// Every labelled case and the address-like lines, as the patterns see them.
const std::vector<NormalizedText> &corpus()
{
    static const std::vector<NormalizedText> texts = [] {
        std::vector<NormalizedText> out;
        for (const Case &c : kCases)
            out.emplace_back(QString::fromUtf8(c.text));
        for (const QString &line : addressLikeLines(40000))
            out.emplace_back(line);
        for (const QString &line : requestLikeLines(20000))
            out.emplace_back(line);
        return out;
    }();
    return texts;
}

std::vector<DetectionData::Pattern> builtInGatedPatterns()
{
    QString error;
    const std::optional<DetectionData> data = DetectionData::load(QString(), &error);
    std::vector<DetectionData::Pattern> gated;
    if (data) {
        for (const DetectionData::Pattern &pattern : data->patterns) {
            if (pattern.gate)
                gated.push_back(pattern);
        }
    }
    return gated;
}

} // namespace

class TestPatternGates : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void builtInGatesHoldForTheirPatterns();
    void walkFindsWhatEachGateMatches();
};

void TestPatternGates::parse_data()
{
    QTest::addColumn<QString>("gate");
    QTest::addColumn<QString>("words"); // or, when it fails, what the error says
    QTest::addColumn<bool>("valid");

    QTest::newRow("a word") << QStringLiteral("\\bSt\\b") << QStringLiteral("\\bSt\\b") << true;
    QTest::newRow("a word anywhere") << QStringLiteral("straße") << QStringLiteral("straße") << true;
    QTest::newRow("alternatives") << QStringLiteral("\\bSt\\b|Rd\\d") << QStringLiteral("\\bSt\\b|Rd\\d") << true;
    QTest::newRow("a group") << QStringLiteral("\\b(?:St|Rd)\\b") << QStringLiteral("\\bSt\\b|\\bRd\\b") << true;
    QTest::newRow("optional characters")
        << QStringLiteral("\\bNo\\.? ?\\d") << QStringLiteral("\\bNo. \\d|\\bNo.\\d|\\bNo \\d|\\bNo\\d") << true;
    QTest::newRow("an optional group") << QStringLiteral("(?:Flat|Unit)? 7")
                                       << QStringLiteral("Flat 7|Unit 7| 7") << true;
    QTest::newRow("an escaped space at the start") << QStringLiteral("\\ (?:St|Ave)\\b")
                                                   << QStringLiteral(" St\\b| Ave\\b") << true;
    QTest::newRow("escaped punctuation") << QStringLiteral("P\\.O\\. Box|\\#\\d")
                                         << QStringLiteral("P.O. Box|#\\d") << true;
    QTest::newRow("any case") << QStringLiteral("(?i)\\bpo box\\b") << QStringLiteral("(?i) \\bpo box\\b") << true;
    QTest::newRow("beyond ASCII") << QStringLiteral("\\bул\\.") << QStringLiteral("\\bул.") << true;

    QTest::newRow("an empty word") << QStringLiteral("a||b") << QStringLiteral("at byte 3: empty word") << false;
    QTest::newRow("nothing") << QString() << QStringLiteral("at byte 1: empty word") << false;
    QTest::newRow("an unescaped dot") << QStringLiteral("St.") << QStringLiteral("at byte 3: '.' must be escaped")
                                      << false;
    QTest::newRow("a class") << QStringLiteral("[0-9]") << QStringLiteral("at byte 1: '[' must be escaped") << false;
    QTest::newRow("a repeat") << QStringLiteral("ab+") << QStringLiteral("at byte 3: '+' must be escaped") << false;
    QTest::newRow("\\b inside a word") << QStringLiteral("\\bSt\\bx")
                                       << QStringLiteral("at byte 5: \\b and \\d may stand only at a word's ends")
                                       << false;
    QTest::newRow("\\d inside a group") << QStringLiteral("(?:a\\d)")
                                        << QStringLiteral("at byte 5: \\b and \\d may stand only at a word's ends")
                                        << false;
    QTest::newRow("a nested group") << QStringLiteral("(?:a(?:b))")
                                    << QStringLiteral("at byte 8: groups may not be nested") << false;
    QTest::newRow("an unclosed group") << QStringLiteral("(?:a|b") << QStringLiteral("at byte 7: the group is not closed")
                                       << false;
    QTest::newRow("a stray parenthesis") << QStringLiteral("ab)") << QStringLiteral("at byte 3: ')' without '(?:'")
                                         << false;
    QTest::newRow("another escape") << QStringLiteral("\\w+") << QStringLiteral("at byte 1: only \\b, \\d") << false;
    QTest::newRow("(?i) inside") << QStringLiteral("a(?i)b") << QStringLiteral("at byte 2: '(' must be escaped")
                                 << false;
    QTest::newRow("every part optional") << QStringLiteral("ab|c?")
                                         << QStringLiteral("at byte 6: every part of the word may be left out")
                                         << false;
    QTest::newRow("too many spellings") << QStringLiteral("a?b?c?d?e?f?g?h?i?")
                                        << QStringLiteral("at byte 19: the word has more than 256 spellings") << false;
}

void TestPatternGates::parse()
{
    QFETCH(QString, gate);
    QFETCH(QString, words);
    QFETCH(bool, valid);

    PatternGate parsed;
    std::string error;
    const bool ok = parsePatternGate(gate.toStdString(), parsed, error);
    QCOMPARE(ok, valid);
    if (valid) {
        QCOMPARE(describe(parsed), words);
        // What the walk reads is an RE2 pattern too.
        QVERIFY(RE2(parsed.written).ok());
    } else {
        QVERIFY2(QString::fromStdString(error).startsWith(words), error.c_str());
    }
}

void TestPatternGates::builtInGatesHoldForTheirPatterns()
{
    const std::vector<DetectionData::Pattern> gated = builtInGatedPatterns();
    QVERIFY(gated.size() >= 4); // the address forms of digits, capitals and street types
    for (const DetectionData::Pattern &pattern : gated) {
        RE2::Options options;
        options.set_max_mem(64 << 20); // the Indian form's DFA outgrows RE2's default
        const RE2 regex(pattern.regex, options);
        const RE2 gate(pattern.gate->written);
        QVERIFY2(regex.ok() && gate.ok(), pattern.rule.c_str());
        int matched = 0;
        for (const NormalizedText &text : corpus()) {
            if (!RE2::PartialMatch(text.working(), regex))
                continue;
            ++matched;
            if (!RE2::PartialMatch(text.working(), gate))
                QFAIL(qPrintable(QStringLiteral("%1 matches '%2', its gate does not")
                                     .arg(QString::fromStdString(pattern.rule),
                                          QString::fromStdString(text.working()))));
        }
        // Not a vacuous check: each pattern matched many lines.
        QVERIFY2(matched >= 500, qPrintable(QStringLiteral("%1: %2").arg(QString::fromStdString(pattern.rule)).arg(matched)));
    }
}

void TestPatternGates::walkFindsWhatEachGateMatches()
{
    for (const DetectionData::Pattern &pattern : builtInGatedPatterns()) {
        std::vector<std::pair<int, DetectionRule::TriggerWord>> words;
        for (const GateWord &word : pattern.gate->words)
            words.emplace_back(0, triggerWordOf(word, pattern.gate->ignoresCase));
        const TriggerWords walk(words);
        const RE2 gate(pattern.gate->written);
        int opened = 0;
        int turnedAway = 0;
        for (const NormalizedText &text : corpus()) {
            std::vector<int> hits;
            walk.match(text, hits);
            if (RE2::PartialMatch(text.working(), gate)) {
                ++opened;
                if (hits.empty())
                    QFAIL(qPrintable(QStringLiteral("%1: the walk misses its gate in '%2'")
                                         .arg(QString::fromStdString(pattern.rule),
                                              QString::fromStdString(text.working()))));
            } else if (hits.empty()) {
                ++turnedAway;
            }
        }
        // Both kinds of message were there.
        const QString counts = QStringLiteral("%1: %2 opened, %3 turned away")
                                   .arg(QString::fromStdString(pattern.rule)).arg(opened).arg(turnedAway);
        QVERIFY2(opened >= 1000, qPrintable(counts));
        QVERIFY2(turnedAway >= 1000, qPrintable(counts));
    }
}

QTEST_APPLESS_MAIN(TestPatternGates)
#include "tst_patterngates.moc"
