#include "UrlScan.h"

#include <QTest>

#include <re2/re2.h>

#include <random>
#include <string>
#include <utility>
#include <vector>

using namespace cg;

// findUrl() stands in for RE2 running kUrlPattern: it must find exactly the same
// matches, in the same places.
class TestUrlScan : public QObject
{
    Q_OBJECT

private slots:
    void findsLinks_data();
    void findsLinks();
    void agreesWithRe2OnRandomText();
    void staysInItsWindow();

private:
    using Matches = std::vector<std::pair<std::size_t, std::size_t>>;
    static Matches byHand(const std::string &text, std::size_t from, std::size_t to);
    static Matches byRe2(const std::string &text, std::size_t from, std::size_t to);
    static QByteArrayList texts(const std::string &text, const Matches &matches);
};

TestUrlScan::Matches TestUrlScan::byHand(const std::string &text, std::size_t from, std::size_t to)
{
    Matches found;
    std::size_t start = 0;
    std::size_t end = 0;
    for (std::size_t next = from; findUrl(text, next, to, start, end); next = end)
        found.emplace_back(start, end);
    return found;
}

TestUrlScan::Matches TestUrlScan::byRe2(const std::string &text, std::size_t from, std::size_t to)
{
    static const RE2 pattern(kUrlPattern);
    Matches found;
    re2::StringPiece match;
    for (std::size_t next = from; next <= to && pattern.Match(text, next, to, RE2::UNANCHORED, &match, 1);) {
        const std::size_t start = std::size_t(match.data() - text.data());
        found.emplace_back(start, start + match.size());
        next = start + match.size() + (match.empty() ? 1 : 0);
    }
    return found;
}

QByteArrayList TestUrlScan::texts(const std::string &text, const Matches &matches)
{
    QByteArrayList result;
    for (const auto &[start, end] : matches)
        result << QByteArray::fromStdString(text.substr(start, end - start));
    return result;
}

void TestUrlScan::findsLinks_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArrayList>("links");

    QTest::newRow("scheme") << QByteArray("see https://example.com/a?b=1 ok") << QByteArrayList{"https://example.com/a?b=1"};
    QTest::newRow("scheme in capitals") << QByteArray("HTTP://EXAMPLE.COM") << QByteArrayList{"HTTP://EXAMPLE.COM"};
    QTest::newRow("www without a domain") << QByteArray("www.x") << QByteArrayList{"www.x"};
    QTest::newRow("scheme runs to a quote") << QByteArray("\"http://a.b\"c") << QByteArrayList{"http://a.b"};
    QTest::newRow("scheme needs something after it") << QByteArray("http:// x") << QByteArrayList{};
    QTest::newRow("bare domain") << QByteArray("go to janedoe.dev now") << QByteArrayList{"janedoe.dev"};
    QTest::newRow("subdomains and path") << QByteArray("a.b-c.example.co.uk/x/y z") << QByteArrayList{"a.b-c.example.co.uk/x/y"};
    QTest::newRow("port") << QByteArray("host.io:8080/path") << QByteArrayList{"host.io:8080/path"};
    QTest::newRow("port of six digits stops at five") << QByteArray("host.io:123456") << QByteArrayList{"host.io:12345"};
    QTest::newRow("port of one digit is not a port") << QByteArray("host.io:1/x") << QByteArrayList{"host.io"};
    QTest::newRow("top-level domain ends at a digit") << QByteArray("foo.co1") << QByteArrayList{"foo.co"};
    QTest::newRow("last label with digits backs off") << QByteArray("a.com.b2") << QByteArrayList{"a.com"};
    QTest::newRow("top-level domain of at most 24 letters")
        << QByteArray("x.abcdefghijklmnopqrstuvwxyzab") << QByteArrayList{"x.abcdefghijklmnopqrstuvwx"};
    QTest::newRow("label ending in a hyphen") << QByteArray("foo-.com bar") << QByteArrayList{};
    QTest::newRow("hyphen label after a dot") << QByteArray("a.b-.cc") << QByteArrayList{};
    QTest::newRow("one-letter top-level domain") << QByteArray("file.c") << QByteArrayList{};
    QTest::newRow("two dots") << QByteArray("foo..com") << QByteArrayList{};
    QTest::newRow("e-mail address") << QByteArray("jane@mail.example.org") << QByteArrayList{"mail.example.org"};
    QTest::newRow("scheme inside a word") << QByteArray("foohttp://x.y") << QByteArrayList{"http://x.y"};
    QTest::newRow("long s folds to s") << QByteArray("httpſ://x and aſ.ſt") << QByteArrayList{"httpſ://x", "aſ.ſt"};
    QTest::newRow("Kelvin sign folds to k") << QByteArray("K.ok") << QByteArrayList{"K.ok"};
    QTest::newRow("other letters end a label") << QByteArray("café.com") << QByteArrayList{};
    QTest::newRow("nothing") << QByteArray("a sentence. Another one.") << QByteArrayList{};
}

void TestUrlScan::findsLinks()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArrayList, links);
    const std::string utf8 = text.toStdString();
    const Matches expected = byRe2(utf8, 0, utf8.size());
    QCOMPARE(texts(utf8, expected), links); // the row itself says what RE2 finds
    QCOMPARE(texts(utf8, byHand(utf8, 0, utf8.size())), links);
}

// Random texts made of the pieces the pattern turns on, whole and in windows
// that start and end on character boundaries.
void TestUrlScan::agreesWithRe2OnRandomText()
{
    const std::vector<std::string> pieces = {
        "h", "t", "p", "s", "w", "W", "H", "P", "S", "www", "http", "https", "://", ":", "/", "//", ".", "..", "-",
        "a", "b", "Z", "1", "9", "42", "ſ", "K", "é", "€", "com", "io", "@", " ", "\t", "\n", "\v", "\f", "<", ">",
        "\"", "'", "`", "[", "]", "{", "}", "|", "\\", "^", "~", "?", "=", "#", "%", "_", "(", ")", "日",
        "abcdefghijklmnopqrstuvwxyzabcdef", "x.io", "a.b", ":1", ":80", ":65536", "a-", "-a", "/x"};
    std::mt19937 random(5);
    const auto isContinuation = [](char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; };
    for (int round = 0; round < 500000; ++round) {
        std::string text;
        const int count = std::uniform_int_distribution<int>(1, 25)(random);
        for (int i = 0; i < count; ++i)
            text += pieces[std::uniform_int_distribution<std::size_t>(0, pieces.size() - 1)(random)];
        std::size_t from = 0;
        std::size_t to = text.size();
        if (round % 2 == 1) {
            from = std::uniform_int_distribution<std::size_t>(0, text.size())(random);
            to = std::uniform_int_distribution<std::size_t>(from, text.size())(random);
            while (from < text.size() && isContinuation(text[from]))
                ++from;
            while (to < text.size() && isContinuation(text[to]))
                ++to;
            to = std::max(from, to);
        }
        const Matches expected = byRe2(text, from, to);
        const Matches found = byHand(text, from, to);
        if (found != expected) {
            QFAIL(qPrintable(QStringLiteral("'%1' [%2, %3): RE2 finds %4, findUrl() %5")
                                 .arg(QString::fromStdString(text))
                                 .arg(from)
                                 .arg(to)
                                 .arg(QString::fromUtf8(texts(text, expected).join(',')),
                                      QString::fromUtf8(texts(text, found).join(',')))));
        }
    }
}

// A long chain of labels with no top-level domain, searched from every start:
// each search must stop at its window, and the whole text is still one match away.
void TestUrlScan::staysInItsWindow()
{
    std::string text;
    for (int i = 0; i < 20000; ++i)
        text += "1.";
    text += "ab";
    QCOMPARE(byHand(text, 0, text.size()), byRe2(text, 0, text.size()));
    QCOMPARE(byHand(text, 0, text.size() - 2), Matches{});
    QCOMPARE(byHand(text, 10, 30), byRe2(text, 10, 30));
}

QTEST_GUILESS_MAIN(TestUrlScan)
#include "tst_urlscan.moc"
