#include "LiteralSet.h"

#include <QTest>

#include <re2/set.h>

#include <random>
#include <string>
#include <vector>

using namespace cg;

using Literals = std::vector<std::string>;
using Indexes = std::vector<int>;
Q_DECLARE_METATYPE(Literals)
Q_DECLARE_METATYPE(Indexes)

// LiteralSet stands in for a case-insensitive RE2::Set of quoted literals on
// ASCII text: its answers must be exactly the set's.
class TestLiteralSet : public QObject
{
    Q_OBJECT

private slots:
    void match_data();
    void match();
    void refusesWhatItCannotHold_data();
    void refusesWhatItCannotHold();
    void agreesWithRe2Set();
};

void TestLiteralSet::match_data()
{
    QTest::addColumn<Literals>("literals");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<Indexes>("expected");

    const Literals words = {"number", "email", "mail", " your", "whatsapp", "ail"};
    QTest::newRow("none") << words << QByteArray("see you at the meeting") << Indexes{};
    QTest::newRow("one word") << words << QByteArray("what is the number") << Indexes{0};
    QTest::newRow("case ignored") << words << QByteArray("My NUMBER, WhatsApp") << Indexes{0, 4};
    QTest::newRow("literal inside a longer one") << words << QByteArray("send an email") << Indexes{1, 2, 5};
    QTest::newRow("inside a word") << words << QByteArray("hotmails") << Indexes{2, 5};
    QTest::newRow("each once") << words << QByteArray("mail mail MAIL") << Indexes{2, 5};
    QTest::newRow("leading space") << words << QByteArray("give me your id") << Indexes{3};
    QTest::newRow("no space before") << words << QByteArray("yours truly") << Indexes{};
    QTest::newRow("at the very end") << words << QByteArray("gmail") << Indexes{2, 5};
    QTest::newRow("cut off at the end") << words << QByteArray("whatsap") << Indexes{};
    QTest::newRow("overlapping restarts") << Literals{"abab", "bab"} << QByteArray("aababab") << Indexes{0, 1};
    QTest::newRow("suffix of a failed match") << Literals{"abcd", "bce"} << QByteArray("abce") << Indexes{1};
    QTest::newRow("punctuation in literals") << Literals{"a/c", "sort-code", "o'clock"}
                                             << QByteArray("A/C no, SORT-CODE at 5 O'Clock") << Indexes{0, 1, 2};
    QTest::newRow("bytes beyond ASCII break a word")
        << words << QByteArray("n\xC3\xBAmero e\xE2\x80\x8Bmail") << Indexes{2, 5};
    const Literals utf8 = {"n\xC3\xBAmero", "\xD0\xBD\xD0\xBE\xD0\xBC\xD0\xB5\xD1\x80", "mail"};
    QTest::newRow("literals beyond ASCII, byte for byte")
        << utf8 << QByteArray("mi N\xC3\xBAMERO y tu \xD0\xBD\xD0\xBE\xD0\xBC\xD0\xB5\xD1\x80") << Indexes{0, 1};
    QTest::newRow("no case folding beyond ASCII")
        << utf8 << QByteArray("N\xC3\x9AMERO \xD0\x9D\xD0\x9E\xD0\x9C\xD0\x95\xD0\xA0") << Indexes{};
    QTest::newRow("empty text") << words << QByteArray() << Indexes{};
    QTest::newRow("no literals") << Literals{} << QByteArray("anything") << Indexes{};
}

void TestLiteralSet::match()
{
    QFETCH(Literals, literals);
    QFETCH(QByteArray, text);
    QFETCH(Indexes, expected);
    const LiteralSet set(literals);
    QVERIFY(set.isValid());
    Indexes found = {42}; // match() replaces what was there
    set.match(std::string_view(text.constData(), std::size_t(text.size())), found);
    QCOMPARE(found, expected);
}

void TestLiteralSet::refusesWhatItCannotHold_data()
{
    QTest::addColumn<Literals>("literals");
    QTest::newRow("empty literal") << Literals{"mail", ""};
    // Every byte value and thousands of distinct long literals: millions of table
    // entries.
    Literals huge;
    std::mt19937 random(3);
    for (int i = 0; i < 20000; ++i) {
        std::string literal(40, ' ');
        for (char &c : literal)
            c = char(std::uniform_int_distribution<int>(1, 255)(random));
        huge.push_back(literal);
    }
    QTest::newRow("automaton too large") << huge;
}

void TestLiteralSet::refusesWhatItCannotHold()
{
    QFETCH(Literals, literals);
    const LiteralSet set(literals);
    QVERIFY(!set.isValid());
    Indexes found = {1};
    set.match("mail", found);
    QVERIFY(found.empty());
}

// Random literals and texts over a small alphabet (so that literals overlap,
// nest and share prefixes), checked against RE2::Set, which the detector used
// before and which non-ASCII messages still use.
void TestLiteralSet::agreesWithRe2Set()
{
    std::mt19937 random(20261128);
    const std::string alphabet = "abcABC -./'";
    const auto randomString = [&](std::size_t minLength, std::size_t maxLength) {
        std::string out(std::uniform_int_distribution<std::size_t>(minLength, maxLength)(random), ' ');
        for (char &c : out)
            c = alphabet[std::uniform_int_distribution<std::size_t>(0, alphabet.size() - 1)(random)];
        return out;
    };
    for (int round = 0; round < 200; ++round) {
        Literals literals;
        const int count = std::uniform_int_distribution<int>(1, 40)(random);
        for (int i = 0; i < count; ++i)
            literals.push_back(randomString(1, 6));
        const LiteralSet set(literals);
        QVERIFY(set.isValid());
        RE2::Options options;
        options.set_case_sensitive(false);
        RE2::Set reference(options, RE2::UNANCHORED);
        for (const std::string &literal : literals)
            QVERIFY(reference.Add(RE2::QuoteMeta(literal), nullptr) >= 0);
        QVERIFY(reference.Compile());
        for (int text = 0; text < 50; ++text) {
            const std::string sample = randomString(0, 200);
            Indexes found;
            set.match(sample, found);
            Indexes expected;
            reference.Match(sample, &expected);
            std::sort(expected.begin(), expected.end());
            if (found != expected)
                QFAIL(qPrintable(QStringLiteral("round %1: text '%2' with %3 literals: LiteralSet found %4, RE2 %5")
                                     .arg(round)
                                     .arg(QString::fromStdString(sample))
                                     .arg(literals.size())
                                     .arg(found.size())
                                     .arg(expected.size())));
        }
    }
}

QTEST_APPLESS_MAIN(TestLiteralSet)
#include "tst_literalset.moc"
