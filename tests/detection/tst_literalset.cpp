#include "LiteralSet.h"

#include <QTest>

#include <re2/set.h>

#include <algorithm>
#include <cstring>
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
    void edgesAndLookAlikes_data();
    void edgesAndLookAlikes();
    void edgesAndLookAlikesAgreeWithRe2();
    void lookAlikesOf_data();
    void lookAlikesOf();
    void placesOfLocatedLiterals();
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

namespace {

LiteralSet::ByteSet bytesOf(std::string_view bytes)
{
    LiteralSet::ByteSet set;
    for (char c : bytes)
        set.set(static_cast<unsigned char>(c));
    return set;
}

const std::string kWordBytes = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_";

} // namespace

void TestLiteralSet::edgesAndLookAlikes_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<Indexes>("expected");

    // 0: "wa" as a word; 1: "we" then spaces or hyphens and "c"; 2: "pix" after
    // no word byte; 3: "mail" anywhere.
    QTest::newRow("a word alone") << QByteArray("my wa: 555") << Indexes{0};
    QTest::newRow("not inside a word") << QByteArray("was it wax?") << Indexes{};
    QTest::newRow("at both ends of the text") << QByteArray("wa") << Indexes{0};
    QTest::newRow("after a blocked byte") << QByteArray("@wa 1wa") << Indexes{};
    QTest::newRow("one occurrence that stands alone is enough") << QByteArray("wax wa") << Indexes{0};
    QTest::newRow("look-alikes") << QByteArray("W4 or w@ then P1X") << Indexes{0, 2};
    QTest::newRow("look-alikes in the literal too") << QByteArray("send to m41l") << Indexes{3};
    QTest::newRow("separators passed over") << QByteArray("we - chat") << Indexes{1};
    QTest::newRow("nothing to pass over") << QByteArray("wechat") << Indexes{1};
    QTest::newRow("the next word does not fit") << QByteArray("we - do") << Indexes{};
    QTest::newRow("only separators to the end") << QByteArray("so we  ") << Indexes{1};
    QTest::newRow("bytes beyond ASCII always may stand next to it")
        << QByteArray("\xC3\xA9wa\xC3\xA9 \xC3\xA9pix") << Indexes{0, 2};
    // 4: " St" as written, then no word byte.
    QTest::newRow("kept case") << QByteArray("12 Main St, Springfield") << Indexes{4};
    QTest::newRow("kept case at the end") << QByteArray("12 Main St") << Indexes{4};
    QTest::newRow("other cases do not match") << QByteArray("ST. st. sT") << Indexes{};
    QTest::newRow("nor look-alikes") << QByteArray("12 Main 5t, 12 Main S7") << Indexes{};
    QTest::newRow("nor another space") << QByteArray("12 Main\tSt") << Indexes{};
    QTest::newRow("kept case inside a word") << QByteArray("the Stone") << Indexes{};
    QTest::newRow("one written so is enough") << QByteArray("first st, then St.") << Indexes{4};
}

void TestLiteralSet::edgesAndLookAlikes()
{
    QFETCH(QByteArray, text);
    QFETCH(Indexes, expected);
    const LiteralSet::ByteSet word = bytesOf(kWordBytes);
    const LiteralSet::ByteSet ascii = bytesOf(std::string(std::begin(
        "\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0B\x0C\r\x0E\x0F\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1A\x1B\x1C\x1D\x1E\x1F"
        " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\x7F"), 127));
    const std::vector<LiteralSet::Literal> literals = {
        {"wa", word | bytesOf("@.$/#"), word, {}},
        {"we", word, ascii & ~bytesOf("cC"), bytesOf(" -")},
        {"pix", word, {}, {}},
        {"mail", {}, {}, {}},
        {" St", {}, word, {}, false, true},
    };
    const LiteralSet set(literals, LiteralSet::LookAlikes::Yes);
    QVERIFY(set.isValid());
    Indexes found;
    set.match(std::string_view(text.constData(), std::size_t(text.size())), found);
    QCOMPARE(found, expected);
}

// Random literals, edges and texts over a small alphabet with look-alikes and
// bytes beyond ASCII, against an RE2::Set of what each literal with its edges
// stands for: (?:^|[^before])literal[skip]*(?:[^after skip]|$), each letter
// with its look-alikes and each whitespace byte as RE2's \s, or as itself for
// a literal that keeps its case.
void TestLiteralSet::edgesAndLookAlikesAgreeWithRe2()
{
    std::mt19937 random(7);
    const std::string alphabet = "aeiosAEIOS4@3!|05$ \t\n-_.\xC3";
    const auto pick = [&](std::size_t size) { return std::uniform_int_distribution<std::size_t>(0, size - 1)(random); };
    const auto randomString = [&](std::size_t minLength, std::size_t maxLength) {
        std::string out(std::uniform_int_distribution<std::size_t>(minLength, maxLength)(random), ' ');
        for (char &c : out)
            c = alphabet[pick(alphabet.size())];
        return out;
    };
    const std::vector<std::string> edgeBytes = {"", "aeiosAEIOS_", " -", "@.$", "aA4@"};
    const auto classOf = [](const std::string &bytes, bool negated) {
        std::string out = negated ? "[^" : "[";
        for (char c : bytes)
            out += RE2::QuoteMeta(std::string(1, c));
        return out + "]";
    };
    const auto lookAlike = [](char c) -> std::string {
        if (std::strchr(" \t\n\f\r", c) != nullptr && c != '\0')
            return "[ \\t\\n\\f\\r]";
        for (const char *group : {"aA@4", "eE3", "iI1!|", "oO0", "sS5$"}) {
            if (std::strchr(group, c) != nullptr && c != '\0')
                return "[" + RE2::QuoteMeta(group) + "]";
        }
        return RE2::QuoteMeta(std::string(1, c));
    };
    for (int round = 0; round < 200; ++round) {
        std::vector<LiteralSet::Literal> literals;
        RE2::Options options;
        options.set_encoding(RE2::Options::EncodingLatin1);
        RE2::Set reference(options, RE2::UNANCHORED);
        const int count = std::uniform_int_distribution<int>(1, 12)(random);
        for (int i = 0; i < count; ++i) {
            std::string text = randomString(1, 4);
            std::replace(text.begin(), text.end(), '\xC3', 'a');
            const std::string &before = edgeBytes[pick(edgeBytes.size())];
            const std::string &after = edgeBytes[pick(edgeBytes.size())];
            const std::string &skip = after.empty() ? edgeBytes[0] : edgeBytes[pick(edgeBytes.size())];
            // One literal in four keeps its case: then only its own bytes match.
            const bool exactCase = pick(4) == 0;
            literals.push_back({text, bytesOf(before), bytesOf(after), bytesOf(skip), false, exactCase});
            std::string pattern = before.empty() ? "" : "(?:^|" + classOf(before, true) + ")";
            for (char c : text)
                pattern += exactCase ? RE2::QuoteMeta(std::string(1, c)) : lookAlike(c);
            if (!after.empty()) {
                if (!skip.empty())
                    pattern += classOf(skip, false) + "*";
                // Bytes beyond ASCII always may follow; in Latin-1 each is a character.
                pattern += "(?:" + classOf(after + skip, true) + "|$)";
            }
            QVERIFY2(reference.Add(pattern, nullptr) >= 0, pattern.c_str());
        }
        QVERIFY(reference.Compile());
        const LiteralSet set(literals, LiteralSet::LookAlikes::Yes);
        QVERIFY(set.isValid());
        for (int sample = 0; sample < 100; ++sample) {
            const std::string text = randomString(0, 60);
            Indexes found;
            set.match(text, found);
            Indexes expected;
            reference.Match(text, &expected);
            std::sort(expected.begin(), expected.end());
            if (found != expected)
                QFAIL(qPrintable(QStringLiteral("round %1: text '%2': LiteralSet found %3 literals, RE2 %4")
                                     .arg(round)
                                     .arg(QString::fromLatin1(text.data(), qsizetype(text.size())))
                                     .arg(found.size())
                                     .arg(expected.size())));
        }
    }
}

void TestLiteralSet::lookAlikesOf_data()
{
    QTest::addColumn<char>("letter");
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("a") << 'a' << QByteArray("4@Aa");
    QTest::newRow("i") << 'i' << QByteArray("!1Ii|");
    QTest::newRow("s") << 's' << QByteArray("$5Ss");
    QTest::newRow("l stands for itself only") << 'l' << QByteArray("Ll");
    QTest::newRow("no look-alike") << 'w' << QByteArray("Ww");
    QTest::newRow("a space: any of RE2's \\s") << ' ' << QByteArray("\t\n\f\r ");
}

// The bytes lookAlikesOf() names are exactly those a look-alike set matches for
// the letter.
void TestLiteralSet::lookAlikesOf()
{
    QFETCH(char, letter);
    QFETCH(QByteArray, bytes);
    QCOMPARE(QByteArray::fromStdString(LiteralSet::lookAlikesOf(letter)), bytes);
    const LiteralSet set({{std::string(1, letter), {}, {}, {}}}, LiteralSet::LookAlikes::Yes);
    for (int c = 1; c < 0x80; ++c) {
        Indexes found;
        set.match(std::string(1, char(c)), found);
        QCOMPARE(!found.empty(), bytes.contains(char(c)));
    }
}

// A located literal's every occurrence is placed, where its edges allow it; the
// others are only found. Past `most` places the list says it is not complete.
void TestLiteralSet::placesOfLocatedLiterals()
{
    const LiteralSet::ByteSet alnum = [] {
        LiteralSet::ByteSet set;
        for (char c : std::string("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"))
            set.set(static_cast<unsigned char>(c));
        return set;
    }();
    const LiteralSet set({{"one", alnum, alnum, {}, true}, {"two", {}, {}, {}, false}, {"on", {}, {}, {}, true}},
                         LiteralSet::LookAlikes::Yes);
    QVERIFY(set.isValid());
    const std::string text = "one two 0ne, xone one1 ONE";
    Indexes found;
    LiteralSet::Places places;
    set.match(text, found, &places);
    QCOMPARE(found, (Indexes{0, 1, 2}));
    QVERIFY(places.complete);
    std::vector<std::pair<int, std::size_t>> where;
    for (const LiteralSet::Place &place : places.list) {
        QCOMPARE(place.end - place.start, std::size_t(place.literal == 0 ? 3 : 2));
        where.emplace_back(place.literal, place.start);
    }
    std::sort(where.begin(), where.end());
    const std::vector<std::pair<int, std::size_t>> expected = {
        {0, 0}, {0, 8}, {0, 23}, {2, 0}, {2, 8}, {2, 14}, {2, 18}, {2, 23}};
    QCOMPARE(where, expected);

    places.most = 3;
    set.match(text, found, &places);
    QCOMPARE(places.list.size(), std::size_t(3));
    QVERIFY(!places.complete);
    set.match("two", found, &places);
    QVERIFY(places.list.empty());
    QVERIFY(places.complete);
}

QTEST_APPLESS_MAIN(TestLiteralSet)
#include "tst_literalset.moc"
