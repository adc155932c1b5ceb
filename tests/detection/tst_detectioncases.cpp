// The detector against labelled chat lines: every contact type, every disguise,
// every language the policy team reads, and the hard negatives (prices, dates,
// versions, code, talk about a tool, policy reminders). One named row per case;
// the cases live in the cases_*.inc tables next to this file.
#include "DetectionData.h"
#include "labelled_cases.h"
#include "Detector.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace cg;

namespace {

using Case = tests::LabelledCase;
const auto &kCases = tests::kLabelledCases;

QString describe(const DetectedSpans &spans)
{
    QStringList parts;
    for (const DetectedSpan &span : spans)
        parts << QStringLiteral("%1=%2 [%3 %4]").arg(contactTypeName(span.type), span.text, span.rule)
                     .arg(span.confidence);
    return parts.join(QStringLiteral(" | "));
}

const Detector &detectorFor(const QString &region)
{
    // One detector per region, built once: construction compiles every rule.
    static std::map<QString, std::unique_ptr<Detector>> detectors;
    auto &detector = detectors[region];
    if (!detector) {
        DetectorOptions options;
        options.defaultRegion = region;
        detector = std::make_unique<Detector>(options);
    }
    return *detector;
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

} // namespace

class TestDetectionCases : public QObject
{
    Q_OBJECT

private slots:
    void labelledCase_data();
    void labelledCase();
    void everyDataFileLoads_data();
    void everyDataFileLoads();
    void brokenFileIsRejected_data();
    void brokenFileIsRejected();
    void overrideDirectoryExtendsRules();
    void gatedPatternRunsOnlyBehindItsGate();
    void gatedPatternWithWordsRunsAlone();
    void missingOverrideDirectory();
    void pathologicalInput_data();
    void pathologicalInput();
    void spansCarryExplanations();
    void manyAtOnceAsOneByOne();
};

void TestDetectionCases::labelledCase_data()
{
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    for (const Case &c : kCases)
        QTest::newRow(c.name) << QString::fromUtf8(c.region) << QString::fromUtf8(c.text)
                              << QString::fromUtf8(c.expected);
}

void TestDetectionCases::labelledCase()
{
    QFETCH(QString, region);
    QFETCH(QString, text);
    QFETCH(QString, expected);

    const DetectedSpans spans = detectorFor(region).detect(text);
    QStringList want;
    for (const QString &part : expected.split(QStringLiteral(" | "), Qt::SkipEmptyParts))
        want << part.trimmed();
    QStringList got;
    for (const DetectedSpan &span : spans)
        got << contactTypeName(span.type) + QLatin1Char('=') + span.text;
    QVERIFY2(got == want, qPrintable(QStringLiteral("got: %1").arg(describe(spans))));
    for (const DetectedSpan &span : spans) {
        // Offsets are code points of the original; the text is cut from it.
        const QList<uint> codePoints = text.toUcs4();
        QVERIFY(span.start >= 0 && span.end <= codePoints.size() && span.start < span.end);
        const QList<uint> piece = codePoints.mid(span.start, span.end - span.start);
        QCOMPARE(QString::fromUcs4(reinterpret_cast<const char32_t *>(piece.constData()), piece.size()),
                 span.text);
    }
}

void TestDetectionCases::everyDataFileLoads_data()
{
    QTest::addColumn<QString>("fileName");
    for (const QString &name : DetectionData::fileNames())
        QTest::newRow(qPrintable(name)) << name;
}

void TestDetectionCases::everyDataFileLoads()
{
    QFETCH(QString, fileName);
    QFile file(QStringLiteral(":/detection/") + fileName);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(fileName));
    DetectionData data;
    QString error;
    QVERIFY2(data.parse(fileName, file.readAll(), fileName, &error), qPrintable(error));
    const std::size_t entries = data.numberWords.size() + data.domains.size() + data.services.size()
        + data.patterns.size() + data.contextWords.size() + data.topLevelDomains.size();
    QVERIFY(entries > 0);
    // The source copy in the repository is the one built in.
    QFile source(QStringLiteral(CONTACTGUARD_SOURCE_DIR "/resources/detection/") + fileName);
    QVERIFY(source.open(QIODevice::ReadOnly));
    file.seek(0);
    QCOMPARE(source.readAll(), file.readAll());
}

void TestDetectionCases::brokenFileIsRejected_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("entry");
    QTest::addColumn<QString>("reason");

    QTest::newRow("domain bad type") << QStringLiteral("domains.tsv")
                                     << QByteArray("# fine\nexample.com\turl\texample\ncalendly.co\tfrom\tcalendly\n")
                                     << QStringLiteral("line 3: entry 'calendly.co'") << QStringLiteral("unknown type 'from'");
    QTest::newRow("domain not a domain") << QStringLiteral("domains.tsv") << QByteArray("calendly\tform\tcalendly\n")
                                         << QStringLiteral("entry 'calendly'") << QStringLiteral("not a domain");
    QTest::newRow("domain prefix") << QStringLiteral("domains.tsv") << QByteArray("zoom.us\tmessenger\tzoom\tmy/\n")
                                   << QStringLiteral("entry 'zoom.us'") << QStringLiteral("must start with /");
    QTest::newRow("service id kind") << QStringLiteral("services.tsv")
                                     << QByteArray("skype\tmessenger\tpigeon\tskype\n")
                                     << QStringLiteral("entry 'skype'") << QStringLiteral("unknown id kind 'pigeon'");
    QTest::newRow("service field count") << QStringLiteral("services.tsv") << QByteArray("skype\tmessenger\n")
                                         << QStringLiteral("entry 'skype'") << QStringLiteral("expected 4");
    QTest::newRow("pattern bad regex") << QStringLiteral("patterns.tsv")
                                       << QByteArray("contact_request.x\tcontact_request\t0.8\t(unclosed\tAsks.\n")
                                       << QStringLiteral("entry 'contact_request.x'") << QStringLiteral("bad pattern");
    QTest::newRow("pattern confidence") << QStringLiteral("patterns.tsv")
                                        << QByteArray("address.x\taddress\t1.7\tfoo\tAn address.\n")
                                        << QStringLiteral("entry 'address.x'") << QStringLiteral("confidence '1.7'");
    QTest::newRow("pattern rule prefix") << QStringLiteral("patterns.tsv")
                                         << QByteArray("request.x\tcontact_request\t0.8\tfoo\tAsks.\n")
                                         << QStringLiteral("entry 'request.x'") << QStringLiteral("must start with 'contact_request.'");
    QTest::newRow("pattern two groups") << QStringLiteral("patterns.tsv")
                                        << QByteArray("address.x\taddress\t0.8\t(a)(b)\tAn address.\n")
                                        << QStringLiteral("entry 'address.x'") << QStringLiteral("capture groups");
    QTest::newRow("pattern explanation") << QStringLiteral("patterns.tsv")
                                         << QByteArray("address.x\taddress\t0.8\tfoo\tno full stop\n")
                                         << QStringLiteral("entry 'address.x'") << QStringLiteral("full stop");
    QTest::newRow("pattern gate") << QStringLiteral("patterns.tsv")
                                  << QByteArray("address.x\taddress\t0.8\t[0-9]+ Foo St\tAn address.\tSt.\n")
                                  << QStringLiteral("entry 'address.x'")
                                  << QStringLiteral("bad gate 'St.' at byte 3: '.' must be escaped");
    QTest::newRow("pattern seven fields") << QStringLiteral("patterns.tsv")
                                          << QByteArray("address.x\taddress\t0.8\tfoo\tAn address.\tfoo\tbar\n")
                                          << QStringLiteral("entry 'address.x'") << QStringLiteral("found 7");
    QTest::newRow("number word meaning") << QStringLiteral("number-words.tsv") << QByteArray("vier\tfour\n")
                                         << QStringLiteral("entry 'vier'") << QStringLiteral("unknown meaning 'four'");
    QTest::newRow("number word conflict") << QStringLiteral("number-words.tsv") << QByteArray("one\t1\none\t2\n")
                                          << QStringLiteral("line 2: entry 'one'") << QStringLiteral("another meaning");
    QTest::newRow("context place") << QStringLiteral("context.tsv") << QByteArray("phone\t0.1\tinside\tcall\n")
                                   << QStringLiteral("entry 'phone'") << QStringLiteral("unknown place 'inside'");
    QTest::newRow("context weight") << QStringLiteral("context.tsv") << QByteArray("phone\theavy\tbefore\tcall\n")
                                    << QStringLiteral("entry 'phone'") << QStringLiteral("weight 'heavy'");
    QTest::newRow("tld") << QStringLiteral("tlds.txt") << QByteArray("com\n.net\n")
                         << QStringLiteral("line 2: entry '.net'") << QStringLiteral("not a top-level domain");
    QTest::newRow("not utf-8") << QStringLiteral("tlds.txt") << QByteArray("com\nnet\n\xff\xfe\norg\n")
                               << QStringLiteral("line 3") << QStringLiteral("not valid UTF-8");
    QTest::newRow("latin-1") << QStringLiteral("domains.tsv") << QByteArray("example.com\turl\texample\ncaf\xe9.fr\turl\tcafe\n")
                             << QStringLiteral("line 2") << QStringLiteral("not valid UTF-8");
    // Copied while still being written: the last character lost its last bytes.
    QTest::newRow("cut off in a 2-byte character") << QStringLiteral("number-words.tsv")
                                                   << QByteArray("\xd0\xbe\xd0\xb4\xd0\xb8\xd0\xbd\t1\n\xd0")
                                                   << QStringLiteral("line 2") << QStringLiteral("ends in the middle of a character");
    QTest::newRow("cut off in a 3-byte character") << QStringLiteral("tlds.txt") << QByteArray("com\n\xe2\x82")
                                                   << QStringLiteral("line 2") << QStringLiteral("ends in the middle of a character");
    QTest::newRow("file too large") << QStringLiteral("domains.tsv")
                                    << QByteArray("# ") + QByteArray(4 * 1024 * 1024, 'x') + QByteArray("\n")
                                    << QStringLiteral("4194307 bytes") << QStringLiteral("too large for a detection data file");
    QTest::newRow("pattern too long") << QStringLiteral("patterns.tsv")
                                      << QByteArray("address.long\taddress\t0.8\t") + QByteArray(9000, 'a') + "\tLong.\n"
                                      << QStringLiteral("line 1: entry 'address.long'") << QStringLiteral("pattern too large: 9000 bytes");
    QTest::newRow("nested repetition") << QStringLiteral("patterns.tsv")
                                       << QByteArray("address.x\taddress\t0.8\t(?:a{1000}){1000}\tAn address.\n")
                                       << QStringLiteral("entry 'address.x'") << QStringLiteral("bad pattern: invalid repetition size");
    // 7.7 KB that compiles to 700,000 instructions.
    QTest::newRow("pattern compiles too large") << QStringLiteral("patterns.tsv")
                                                << QByteArray("address.huge\taddress\t0.8\t") + QByteArray("[a-z]{1000}").repeated(700)
            + "\tHuge.\n"
                                                << QStringLiteral("line 1: entry 'address.huge'") << QStringLiteral("more than the 8 MB");
    // Each fits on its own (600,000 instructions); the second is one too many with the built-in ones.
    const QByteArray big = QByteArray("[a-z]{1000}").repeated(600);
    QTest::newRow("patterns too large together")
        << QStringLiteral("patterns.tsv")
        << QByteArray("# two big ones\naddress.big1\taddress\t0.8\t") + big + "\tBig.\naddress.big2\taddress\t0.8\t" + big
            + "\tBig.\n"
        << QStringLiteral("line 3: entry 'address.big2'") << QStringLiteral("patterns too large together");
}

void TestDetectionCases::brokenFileIsRejected()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, content);
    QFETCH(QString, entry);
    QFETCH(QString, reason);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(fileName);
    QVERIFY(writeFile(path, content));

    QString error;
    QVERIFY(!DetectionData::load(dir.path(), &error));
    QVERIFY2(error.startsWith(path), qPrintable(error)); // names the file
    QVERIFY2(error.contains(entry), qPrintable(error));  // and the entry
    QVERIFY2(error.contains(reason), qPrintable(error));

    DetectorOptions options;
    options.rulesDirectory = dir.path();
    const Detector detector(options);
    QVERIFY(!detector.isValid());
    QCOMPARE(detector.errorString(), error);
    QVERIFY(detector.detect(QStringLiteral("call +1 312 555 0147")).isEmpty());
}

void TestDetectionCases::overrideDirectoryExtendsRules()
{
    const QString text = QStringLiteral("book a slot: meetme.example.net/olivia");
    const Detector builtIn;
    QVERIFY(builtIn.isValid());
    QCOMPARE(builtIn.detect(text).size(), 1);
    QCOMPARE(builtIn.detect(text).first().type, ContactType::Url);

    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(QStringLiteral("domains.tsv")), "example.net\tform\tmeetme\n"));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("patterns.tsv")),
                      "contact_request.custom\tcontact_request\t0.9\t(?i)(ring my pager)\tAsks to be paged.\n"));
    DetectorOptions options;
    options.rulesDirectory = dir.path();
    const Detector extended(options);
    QVERIFY2(extended.isValid(), qPrintable(extended.errorString()));
    const DetectedSpans spans = extended.detect(text);
    QCOMPARE(spans.size(), 1);
    QCOMPARE(spans.first().type, ContactType::Form);
    // Built-in entries still apply next to the added ones.
    QCOMPARE(extended.detect(QStringLiteral("calendly.com/olivia/intro")).first().type, ContactType::Form);
    const DetectedSpans request = extended.detect(QStringLiteral("please ring my pager"));
    QCOMPARE(request.size(), 1);
    QCOMPARE(request.first().rule, QStringLiteral("contact_request.custom"));
    QCOMPARE(request.first().text, QStringLiteral("ring my pager"));
}

void TestDetectionCases::gatedPatternRunsOnlyBehindItsGate()
{
    // The gate names "Wynd" only, so the pattern's "Quay" is never looked for: a
    // gate decides which messages a pattern reads (and one that leaves out a way
    // the pattern matches loses those matches).
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(QStringLiteral("patterns.tsv")),
                      "address.test_wynd\taddress\t0.9\t([0-9]+ Foo (?:Wynd|Quay))\tA test address.\t\\ Wynd\\b\n"));
    DetectorOptions options;
    options.rulesDirectory = dir.path();
    const Detector detector(options);
    QVERIFY2(detector.isValid(), qPrintable(detector.errorString()));
    const DetectedSpans wynd = detector.detect(QStringLiteral("meet me at 12 Foo Wynd tonight"));
    QCOMPARE(wynd.size(), 1);
    QCOMPARE(wynd.first().rule, QStringLiteral("address.test_wynd"));
    QCOMPARE(wynd.first().text, QStringLiteral("12 Foo Wynd"));
    QVERIFY(detector.detect(QStringLiteral("meet me at 12 Foo Quay tonight")).isEmpty());
    // Built-in gated forms still work next to it.
    const DetectedSpans street = detector.detect(QStringLiteral("drop it at 221 Baker Street tomorrow"));
    QCOMPARE(street.size(), 1);
    QCOMPARE(street.first().rule, QStringLiteral("address.street"));
}

void TestDetectionCases::gatedPatternWithWordsRunsAlone()
{
    // A gated pattern with words of its own ("kestrel") runs alone where its gate
    // passed, as the filter's patterns do: not in one alternation with the
    // wordless gated ones, where the first in the file would take "12 Foo Wynd"
    // from it. Its gate, not its words, decides where it runs: "Quay Kestrel" is
    // left out of the gate, so it is never found.
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(QStringLiteral("patterns.tsv")),
                      "address.test_wynd\taddress\t0.9\t([0-9]+ Foo Wynd)\tA test address.\t\\ Wynd\\b\n"
                      "address.test_kestrel\taddress\t0.9\t([0-9]+ Foo (?:Wynd|Quay) Kestrel)\tA test address.\t"
                      "(?i)wynd\\ kestrel\n"));
    DetectorOptions options;
    options.rulesDirectory = dir.path();
    const Detector detector(options);
    QVERIFY2(detector.isValid(), qPrintable(detector.errorString()));
    const DetectedSpans both = detector.detect(QStringLiteral("meet at 12 Foo Wynd Kestrel today"));
    QCOMPARE(both.size(), 1);
    QCOMPARE(both.first().rule, QStringLiteral("address.test_kestrel"));
    QCOMPARE(both.first().text, QStringLiteral("12 Foo Wynd Kestrel"));
    const DetectedSpans wynd = detector.detect(QStringLiteral("meet at 12 Foo Wynd today"));
    QCOMPARE(wynd.size(), 1);
    QCOMPARE(wynd.first().rule, QStringLiteral("address.test_wynd"));
    QVERIFY(detector.detect(QStringLiteral("meet at 12 Foo Quay Kestrel today")).isEmpty());
}

void TestDetectionCases::missingOverrideDirectory()
{
    DetectorOptions options;
    options.rulesDirectory = QStringLiteral("/nonexistent/contactguard-rules");
    const Detector detector(options);
    QVERIFY(!detector.isValid());
    QVERIFY(detector.errorString().contains(options.rulesDirectory));
}

void TestDetectionCases::pathologicalInput_data()
{
    QTest::addColumn<QString>("text");
    // Large messages built to make backtracking engines explode. RE2 is linear, so
    // these finish quickly; the benchmark measures the speed, this checks that
    // the detector survives them and still finds what is there.
    const QString tail = QStringLiteral(" mail olivia@gmail.com");
    QTest::newRow("100k at signs") << QString(QStringLiteral("a@")).repeated(100000) + tail;
    QTest::newRow("100k digits") << QString(QStringLiteral("5 ")).repeated(100000) + tail;
    QTest::newRow("digit run") << QString(QStringLiteral("7")).repeated(200000) + tail;
    QTest::newRow("dots and words") << QString(QStringLiteral("a.b ")).repeated(100000) + tail;
    // One stretch of a million dots and no colon, and the other way round: each
    // anchor of a link is looked for once, not again after every other one.
    QTest::newRow("dots, no colon") << QString(QStringLiteral("a.")).repeated(1000000) + tail;
    QTest::newRow("colons, no dot") << QString(QStringLiteral("a:")).repeated(1000000) + tail;
    QTest::newRow("a name and a long gap") << QString(QStringLiteral("we") + QString(40, QLatin1Char(' '))).repeated(50000) + tail;
    QTest::newRow("one-letter names") << QString(QStringLiteral("x ")).repeated(500000) + tail;
    QTest::newRow("number words") << QString(QStringLiteral("one two ")).repeated(50000) + tail;
    QTest::newRow("spaced letters") << QString(QStringLiteral("a b ")).repeated(100000) + tail;
    QTest::newRow("brackets") << QString(QStringLiteral("[at] (dot) ")).repeated(50000) + tail;
    QTest::newRow("astral") << QString::fromUtf8("😀1").repeated(100000) + tail;
    // The check whether a message may hold a spelled-out number looks round each
    // odd separator and each word of digits and letters once, not again for every
    // one in the same stretch (an earlier version took 20 s for 200,000 stars).
    QTest::newRow("odd separators, no digits round them")
        << QStringLiteral("a") + QString(1000000, QLatin1Char('*')) + QStringLiteral("a 5") + tail;
    QTest::newRow("digits glued to letters") << QString(QStringLiteral("a1")).repeated(500000) + tail;
}

void TestDetectionCases::pathologicalInput()
{
    QFETCH(QString, text);
    const Detector detector;
    const DetectedSpans spans = detector.detect(text);
    QVERIFY(!spans.isEmpty());
    QCOMPARE(spans.last().type, ContactType::Email);
    QCOMPARE(spans.last().text, QStringLiteral("olivia@gmail.com"));
}

void TestDetectionCases::spansCarryExplanations()
{
    const Detector detector;
    for (const Case &c : kCases) {
        for (const DetectedSpan &span : detector.detect(QString::fromUtf8(c.text))) {
            QVERIFY2(!span.value.isEmpty(), c.name);
            QVERIFY2(span.rule.startsWith(contactTypeName(span.type) + QLatin1Char('.')), c.name);
            QVERIFY2(span.explanation.endsWith(QLatin1Char('.')) && span.explanation.size() > 10, c.name);
            QVERIFY2(span.confidence >= 0.5 && span.confidence < 1.0, c.name);
        }
    }
}

void TestDetectionCases::manyAtOnceAsOneByOne()
{
    // detect(QStringList) runs each stage over blocks of messages; the spans must be
    // exactly those of detect(QString), across block boundaries and with empty
    // messages among them.
    const Detector detector;
    QStringList texts;
    for (const Case &c : kCases) {
        texts << QString::fromUtf8(c.text);
        if (texts.size() % 50 == 0)
            texts << QString();
    }
    QVERIFY(texts.size() > 300);
    const QList<DetectedSpans> together = detector.detect(texts);
    QCOMPARE(together.size(), texts.size());
    qsizetype found = 0;
    for (qsizetype i = 0; i < texts.size(); ++i) {
        const DetectedSpans alone = detector.detect(texts.at(i));
        QVERIFY2(together.at(i) == alone, qPrintable(QStringLiteral("message %1: %2 / %3")
                                                         .arg(i)
                                                         .arg(describe(together.at(i)), describe(alone))));
        for (qsizetype s = 0; s < alone.size(); ++s) {
            QCOMPARE(together.at(i).at(s).confidence, alone.at(s).confidence);
            QCOMPARE(together.at(i).at(s).explanation, alone.at(s).explanation);
        }
        found += alone.size();
    }
    QVERIFY(found > 300);
    QVERIFY(detector.detect(QStringList()).isEmpty());
}

QTEST_APPLESS_MAIN(TestDetectionCases)

#include "tst_detectioncases.moc"
