#include "AsciiPattern.h"
#include "DetectionData.h"
#include "NormalizedText.h"

#include <QTest>

#include <re2/re2.h>

#include <random>
#include <string>
#include <vector>

using namespace cg;

// asciiNarrowed() must give a pattern that finds exactly what the original finds
// in ASCII text, and in text whose other characters narrowedPatternsAgreeOn().
class TestAsciiPattern : public QObject
{
    Q_OBJECT

private slots:
    void narrows_data();
    void narrows();
    void findsTheSameInAsciiText_data();
    void findsTheSameInAsciiText();
    void findsTheSameBesideAgreeingCharacters_data();
    void findsTheSameBesideAgreeingCharacters();
    void agreeingCharactersAreInNoNarrowedClass();
    void normalizedTextKnowsWhenLettersAreAscii_data();
    void normalizedTextKnowsWhenLettersAreAscii();

private:
    static std::vector<std::string> asciiSamples();
    static std::vector<char32_t> agreeingCharacters();
    static std::vector<std::string> samplesWithAgreeingCharacters();
    static void compareMatches(const std::string &pattern, const std::vector<std::string> &samples);
};

void TestAsciiPattern::narrows_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("expected");

    QTest::newRow("nothing to narrow") << "(?i)\\bcall me\\b" << "(?i)\\bcall me\\b";
    QTest::newRow("letter class alone") << "\\pL+" << "[A-Za-z]+";
    QTest::newRow("letter class braced") << "\\p{L}+" << "[A-Za-z]+";
    QTest::newRow("inside brackets") << "[A-Z][\\pL'-]+" << "[A-Z][A-Za-z'-]+";
    QTest::newRow("upper and lower case") << "\\p{Lu}\\p{Ll}" << "[A-Z][a-z]";
    QTest::newRow("numbers") << "[\\pN.]+" << "[0-9.]+";
    QTest::newRow("marks have no ASCII member") << "\\pL[\\pL\\pM]*" << "[A-Za-z][A-Za-z\\x{10FFFF}]*";
    QTest::newRow("a mark alone") << "a\\pMb" << "a\\x{10FFFF}b";
    QTest::newRow("negated outside brackets") << "\\PL|\\p{^N}" << "[^A-Za-z]|[^0-9]";
    QTest::newRow("negated mark: anything") << "\\PM" << "[\\x00-\\x{10FFFF}]";
    QTest::newRow("escaped backslash before p") << "\\\\pL" << "\\\\pL";
    QTest::newRow("escaped bracket in a class") << "[\\]\\pL]" << "[\\]A-Za-z]";
    QTest::newRow("bracket first in a class") << "[]\\pL]" << "[]A-Za-z]";
    QTest::newRow("POSIX class inside") << "[[:alpha:]\\pN]" << "[[:alpha:]0-9]";
    QTest::newRow("hex escapes kept") << "[^\\x{0400}-\\x{04FF}\\pL]" << "[^\\x{0400}-\\x{04FF}A-Za-z]";
    QTest::newRow("quoted text: unchanged") << "\\Q\\pL\\E\\pL" << "\\Q\\pL\\E\\pL";
    QTest::newRow("negated inside brackets: unchanged") << "[\\PL0-9]" << "[\\PL0-9]";
    QTest::newRow("unknown class: unchanged") << "\\p{Han}\\pL" << "\\p{Han}\\pL";
}

void TestAsciiPattern::narrows()
{
    QFETCH(QString, pattern);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromStdString(asciiNarrowed(pattern.toStdString())), expected);
    QVERIFY(RE2(expected.toStdString()).ok());
}

std::vector<std::string> TestAsciiPattern::asciiSamples()
{
    std::vector<std::string> samples = {
        "Send it to 1600 Pennsylvania Avenue NW, Washington, DC 20500 please",
        "my flat: Flat 4B, 221 Baker Street, London NW1 6XE",
        "Via Roma 12, 00184 Roma RM", "Hauptstrasse 5, 10115 Berlin", "Lindenweg 12a, 80331 Muenchen",
        "12 rue de la Paix, 75002 Paris", "Calle Mayor 5, 28013 Madrid", "Rua Augusta 1500, Sao Paulo",
        "House No. 12, MG Road, Bengaluru 560001", "Unit 5 123 Rizal Street, Brgy San Roque, Makati City 1200",
        "PO Box 1234, Springfield", "Postfach 10 20 30", "wollen wir das ausserhalb von upwork klaeren?",
        "sollen wir uns lieber ausserhalb der plattform treffen", "Via D'Annunzio 12, 65127 Pescara PE",
        "Rua Augusta, 1500 - Consolacao, Sao Paulo - SP, 01304-001", "Avenida Paulista 1000, Sao Paulo",
        "123 Rizal Street, Makati City, 1200", "Unit 2 45 Mabini St., Brgy Poblacion, Quezon City 1100",
        "Flat 3, 14 Park Road, Leeds LS1 4AB", "Calle de Alcala 20, 28014 Madrid",
        "8 bis, avenue des Champs-Elysees, 75008 Paris", "Plot 7, Sector 21, Noida 201301",
        "can you send me your whatsapp number", "Let's move this to Telegram, ok?",
        "Price is $45.99 for 3 items, see v1.2.3 and ISBN 978-3-16-148410-0",
    };
    std::mt19937 random(7);
    const std::vector<std::string> words = {"Main", "Street", "St", "Road", "Ave", "Via", "Rua", "Calle", "rue",
                                            "12", "5b", "20500", "Berlin", "de la", "Box", "PO", "London",
                                            "City", "Brgy", "upwork", "ausserhalb", "wir", "das", "x", "'",
                                            "-", ",", ".", "\n", "O'Neil", "St.", "NW1", "6XE", "#4"};
    for (int i = 0; i < 3000; ++i) {
        std::string line;
        const int count = std::uniform_int_distribution<int>(1, 14)(random);
        for (int w = 0; w < count; ++w) {
            if (!line.empty())
                line += ' ';
            line += words[std::uniform_int_distribution<std::size_t>(0, words.size() - 1)(random)];
        }
        samples.push_back(line);
    }
    return samples;
}

void TestAsciiPattern::findsTheSameInAsciiText_data()
{
    QTest::addColumn<QString>("pattern");
    QString error;
    const std::optional<DetectionData> data = DetectionData::load(QString(), &error);
    QVERIFY2(data, qPrintable(error));
    int narrowed = 0;
    for (const DetectionData::Pattern &pattern : data->patterns) {
        if (asciiNarrowed(pattern.regex) == pattern.regex)
            continue;
        ++narrowed;
        QTest::newRow(pattern.rule.c_str()) << QString::fromStdString(pattern.regex);
    }
    QVERIFY2(narrowed > 0, "the built-in patterns have Unicode classes to narrow");
}

// Every match and every group, left to right, of the original and the narrowed
// pattern over the samples.
void TestAsciiPattern::compareMatches(const std::string &pattern, const std::vector<std::string> &samples)
{
    RE2::Options options;
    options.set_max_mem(64 << 20);
    const RE2 original(pattern, options);
    const RE2 narrowed(asciiNarrowed(pattern), options);
    QVERIFY(original.ok());
    QVERIFY(narrowed.ok());
    const int groups = original.NumberOfCapturingGroups();
    QCOMPARE(narrowed.NumberOfCapturingGroups(), groups);
    std::vector<re2::StringPiece> a(std::size_t(groups) + 1);
    std::vector<re2::StringPiece> b(std::size_t(groups) + 1);
    int matches = 0;
    for (const std::string &sample : samples) {
        std::size_t position = 0;
        while (position <= sample.size()) {
            const bool foundA = original.Match(sample, position, sample.size(), RE2::UNANCHORED, a.data(), groups + 1);
            const bool foundB = narrowed.Match(sample, position, sample.size(), RE2::UNANCHORED, b.data(), groups + 1);
            QVERIFY2(foundB == foundA, sample.c_str());
            if (!foundA)
                break;
            ++matches;
            for (int g = 0; g <= groups; ++g) {
                QCOMPARE(b[std::size_t(g)].data(), a[std::size_t(g)].data());
                QCOMPARE(b[std::size_t(g)].size(), a[std::size_t(g)].size());
            }
            const std::size_t end = std::size_t(a[0].data() - sample.data()) + a[0].size();
            position = a[0].empty() ? end + 1 : end;
        }
    }
    qDebug("%d matches compared", matches);
}

void TestAsciiPattern::findsTheSameInAsciiText()
{
    QFETCH(QString, pattern);
    compareMatches(pattern.toStdString(), asciiSamples());
}

std::vector<char32_t> TestAsciiPattern::agreeingCharacters()
{
    // What chat beyond ASCII often holds without a letter: the replacement
    // character, typographic quotes and dashes, spaces, currency, emoji, and
    // U+00B0, which the Brazilian address pattern names itself.
    const std::vector<char32_t> agreeing = {0xFFFD, 0x00A0, 0x201C, 0x201D, 0x2019, 0x2013, 0x2014, 0x2026,
                                            0x2022, 0x20AC, 0x00A3, 0x00A9, 0x00D7, 0x00B0, 0x00BF, 0x00AB,
                                            0x3000, 0x2028, 0x1F600, 0x1F44D, 0x2713, 0x2192, 0xFF0C};
    return agreeing;
}

std::vector<std::string> TestAsciiPattern::samplesWithAgreeingCharacters()
{
    const std::vector<char32_t> agreeing = agreeingCharacters();
    std::vector<std::string> samples;
    std::mt19937 random(11);
    for (const std::string &ascii : asciiSamples()) {
        std::string sample = ascii;
        const int count = std::uniform_int_distribution<int>(1, 4)(random);
        for (int i = 0; i < count; ++i) {
            const char32_t c = agreeing[std::uniform_int_distribution<std::size_t>(0, agreeing.size() - 1)(random)];
            // Between bytes of ASCII only: the sample stays valid UTF-8.
            const std::size_t at = std::uniform_int_distribution<std::size_t>(0, sample.size())(random);
            sample.insert(at, QString::fromUcs4(&c, 1).toStdString());
        }
        samples.push_back(sample);
    }
    return samples;
}

void TestAsciiPattern::findsTheSameBesideAgreeingCharacters_data()
{
    findsTheSameInAsciiText_data();
}

void TestAsciiPattern::findsTheSameBesideAgreeingCharacters()
{
    QFETCH(QString, pattern);
    for (const char32_t c : agreeingCharacters())
        QVERIFY2(narrowedPatternsAgreeOn(c), qPrintable(QString::number(c, 16)));
    compareMatches(pattern.toStdString(), samplesWithAgreeingCharacters());
}

// What narrowing relies on, checked against RE2's own Unicode tables rather than
// Qt's: no character narrowedPatternsAgreeOn() beyond ASCII is in any class
// asciiNarrowed() narrows.
void TestAsciiPattern::agreeingCharactersAreInNoNarrowedClass()
{
    std::string agreeing;
    int count = 0;
    for (char32_t c = 0x80; c <= 0x10FFFF; ++c) {
        if ((c >= 0xD800 && c <= 0xDFFF) || !narrowedPatternsAgreeOn(c))
            continue;
        agreeing += QString::fromUcs4(&c, 1).toStdString();
        ++count;
    }
    QVERIFY2(count > 100000, "private use, symbols and punctuation agree"); // planes 15 and 16 alone
    QVERIFY(!narrowedPatternsAgreeOn(0x10FFFF)); // asciiNarrowed()'s stand-in for an empty class
    for (const std::string_view name : narrowedClassNames()) {
        const RE2 inClass("(\\p{" + std::string(name) + "})");
        QVERIFY2(inClass.ok(), std::string(name).c_str());
        re2::StringPiece found;
        if (RE2::PartialMatch(agreeing, inClass, &found)) {
            const QString character = QString::fromUtf8(found.data(), int(found.size()));
            QFAIL(qPrintable(QStringLiteral("U+%1 is in \\p{%2}")
                                 .arg(character.toUcs4().value(0), 4, 16, QLatin1Char('0'))
                                 .arg(QString::fromLatin1(name.data(), int(name.size())))));
        }
    }
}

void TestAsciiPattern::normalizedTextKnowsWhenLettersAreAscii_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("onlyAsciiLetters");

    QTest::newRow("ascii") << QStringLiteral("call me on 555 1234") << true;
    QTest::newRow("replacement character") << QStringLiteral("it costs \uFFFD50") << true;
    QTest::newRow("quotes, dash, euro, emoji") << QStringLiteral("\u201Cok\u201D \u2013 5\u20AC \U0001F600") << true;
    QTest::newRow("fullwidth letters fold to ascii") << QStringLiteral("\uFF50\uFF41\uFF59") << true;
    QTest::newRow("accented letter") << QStringLiteral("caf\u00E9") << false;
    QTest::newRow("combining mark") << QStringLiteral("cafe\u0301 bar") << false;
    QTest::newRow("vulgar fraction is a number") << QStringLiteral("\u00BD cup") << false;
    QTest::newRow("ordinal indicator folds to o") << QStringLiteral("n\u00BA 5") << true;
    QTest::newRow("sharp s") << QStringLiteral("Stra\u00DFe 5") << false;
    QTest::newRow("cyrillic") << QStringLiteral("\u043F\u0440\u0438\u0432\u0435\u0442") << false;
    QTest::newRow("han") << QStringLiteral("\u5FAE\u4FE1") << false;
    QTest::newRow("modifier symbol") << QStringLiteral("caf\u00B4") << false;
}

void TestAsciiPattern::normalizedTextKnowsWhenLettersAreAscii()
{
    QFETCH(QString, text);
    QFETCH(bool, onlyAsciiLetters);
    const NormalizedText normalized(text);
    QCOMPARE(normalized.hasOnlyAsciiLetters(), onlyAsciiLetters);
    if (normalized.isAscii())
        QVERIFY(normalized.hasOnlyAsciiLetters());
}

QTEST_APPLESS_MAIN(TestAsciiPattern)
#include "tst_asciipattern.moc"
