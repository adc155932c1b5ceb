#include "DetectVerb.h"
#include "JsonLinesProcessor.h"

#include <algorithm>
#include <atomic>

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>

using cg::cli::DetectVerb;
using cg::cli::JsonLinesProcessor;
using cg::cli::LineResult;

namespace {

struct VerbRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    QList<QByteArray> lines() const
    {
        QList<QByteArray> result = out.split('\n');
        if (!result.isEmpty() && result.last().isEmpty())
            result.removeLast();
        return result;
    }
};

VerbRun runDetect(const QStringList &arguments, const QByteArray &input)
{
    QByteArray inBytes = input;
    QBuffer in(&inBytes);
    QBuffer out;
    QBuffer err;
    in.open(QIODevice::ReadOnly);
    out.open(QIODevice::WriteOnly);
    err.open(QIODevice::WriteOnly);
    DetectVerb verb;
    VerbRun run;
    run.exitCode = verb.run(arguments, {in, out, err});
    run.out = out.data();
    run.err = err.data();
    return run;
}

QJsonObject parse(const QByteArray &line)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(line, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        qWarning("not a JSON object: %s", line.constData());
    return document.object();
}

QByteArray messageLine(int id, const QString &text)
{
    QJsonObject object{{QStringLiteral("id"), QString::number(id)}, {QStringLiteral("text"), text}};
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

} // namespace

class TestDetectVerb : public QObject
{
    Q_OBJECT

private slots:
    void contractExample();
    void keysInContractOrder();
    void idKeepsItsJsonType_data();
    void idKeepsItsJsonType();
    void orderPreservedWithThreads();
    void processorKeepsOrderAcrossBatches();
    void blockHandlerGetsValidLinesInOrder();
    void badLines_data();
    void badLines();
    void blankLinesAndLineEndings();
    void usageErrors_data();
    void usageErrors();
    void help();
    void regionOption();
    void minConfidenceOption();
    void jsonEscaping();
};

void TestDetectVerb::contractExample()
{
    const VerbRun run = runDetect({}, R"({"id":"1","text":"call me at +1 415 555 0132"})" "\n");
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.lines().size(), 1);
    const QJsonObject object = parse(run.lines().first());
    QCOMPARE(object.value(QStringLiteral("id")).toString(), QStringLiteral("1"));
    const QJsonArray spans = object.value(QStringLiteral("spans")).toArray();
    QCOMPARE(spans.size(), 1);
    const QJsonObject span = spans.first().toObject();
    QCOMPARE(span.value(QStringLiteral("type")).toString(), QStringLiteral("phone"));
    QCOMPARE(span.value(QStringLiteral("start")).toInt(), 11);
    QCOMPARE(span.value(QStringLiteral("end")).toInt(), 26);
    QCOMPARE(span.value(QStringLiteral("text")).toString(), QStringLiteral("+1 415 555 0132"));
    QCOMPARE(span.value(QStringLiteral("value")).toString(), QStringLiteral("+14155550132"));
    const double confidence = span.value(QStringLiteral("confidence")).toDouble();
    QVERIFY(confidence >= 0.5 && confidence <= 1.0);
    QCOMPARE(std::round(confidence * 100) / 100, confidence); // two decimals at most
    QVERIFY(span.value(QStringLiteral("obfuscated")).isBool());
    QVERIFY(span.value(QStringLiteral("rule")).toString().startsWith(QLatin1String("phone.")));
    QVERIFY(!span.value(QStringLiteral("explanation")).toString().isEmpty());
    QVERIFY(run.err.isEmpty());
}

void TestDetectVerb::keysInContractOrder()
{
    const VerbRun run = runDetect({}, R"({"text":"mail a.b@example.com","id":"m1"})" "\n");
    QCOMPARE(run.exitCode, 0);
    const QByteArray line = run.lines().value(0);
    const QList<QByteArray> keys = {"\"id\"",    "\"spans\"",      "\"type\"",
                                    "\"start\"", "\"end\"",        "\"text\"",
                                    "\"value\"", "\"confidence\"", "\"obfuscated\"",
                                    "\"rule\"",  "\"explanation\""};
    qsizetype previous = -1;
    for (const QByteArray &key : keys) {
        const qsizetype position = line.indexOf(key + ':');
        QVERIFY2(position > previous, key.constData());
        previous = position;
    }
}

void TestDetectVerb::idKeepsItsJsonType_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("prefix");

    QTest::newRow("string") << QByteArray(R"({"id":"a-1","text":"hi"})") << QByteArray(R"({"id":"a-1",)");
    QTest::newRow("integer") << QByteArray(R"({"id":42,"text":"hi"})") << QByteArray(R"({"id":42,)");
    QTest::newRow("large integer") << QByteArray(R"({"id":1234567890123,"text":"hi"})")
                                   << QByteArray(R"({"id":1234567890123,)");
    QTest::newRow("fraction") << QByteArray(R"({"id":1.5,"text":"hi"})") << QByteArray(R"({"id":1.5,)");
    QTest::newRow("absent") << QByteArray(R"({"text":"hi"})") << QByteArray(R"({"id":null,)");
    QTest::newRow("unicode string") << QByteArray(R"({"id":"ñ✓😀","text":"hi"})")
                                    << QByteArray(R"({"id":"ñ✓😀",)");
}

void TestDetectVerb::idKeepsItsJsonType()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, prefix);
    const VerbRun run = runDetect({}, input + '\n');
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.lines().size(), 1);
    QVERIFY2(run.lines().first().startsWith(prefix), run.lines().first().constData());
}

void TestDetectVerb::orderPreservedWithThreads()
{
    // Enough lines, of uneven cost, that workers finish out of order.
    QByteArray input;
    const int count = 3000;
    for (int i = 0; i < count; ++i) {
        QString text = QStringLiteral("message %1").arg(i);
        if (i % 3 == 0)
            text += QStringLiteral(" call +1 415 555 %1").arg(1000 + i % 9000);
        if (i % 5 == 0)
            text += QStringLiteral(" mail user%1@example.com").arg(i);
        if (i % 7 == 0)
            text += QString(200, QLatin1Char('x'));
        input += messageLine(i, text);
    }
    const VerbRun parallel = runDetect({QStringLiteral("--threads"), QStringLiteral("2")}, input);
    const VerbRun serial = runDetect({QStringLiteral("--threads"), QStringLiteral("1")}, input);
    QCOMPARE(parallel.exitCode, 0);
    QCOMPARE(serial.exitCode, 0);
    const QList<QByteArray> lines = parallel.lines();
    QCOMPARE(lines.size(), count);
    for (int i = 0; i < count; ++i)
        QCOMPARE(parse(lines.at(i)).value(QStringLiteral("id")).toString(), QString::number(i));
    QCOMPARE(parallel.out, serial.out);
    QCOMPARE(parse(lines.at(3)).value(QStringLiteral("spans")).toArray().size(), 1);
    QCOMPARE(parse(lines.at(15)).value(QStringLiteral("spans")).toArray().size(), 2);
}

void TestDetectVerb::processorKeepsOrderAcrossBatches()
{
    // Batches of three: every batch boundary falls somewhere different in the input.
    JsonLinesProcessor processor(
        [](const QJsonObject &line) {
            const int n = line.value(QStringLiteral("n")).toInt();
            if (n % 4 == 3)
                return LineResult::rejected(QStringLiteral("n is %1").arg(n));
            return LineResult::output("{\"n\":" + QByteArray::number(n) + '}');
        },
        4);
    processor.setBatchSize(3);

    QByteArray inBytes;
    for (int n = 0; n < 20; ++n)
        inBytes += "{\"n\":" + QByteArray::number(n) + "}\n";
    QBuffer in(&inBytes);
    QBuffer out;
    in.open(QIODevice::ReadOnly);
    out.open(QIODevice::WriteOnly);
    const cg::cli::JsonLinesSummary summary = processor.run(in, out);
    QCOMPARE(summary.linesRead, 20);
    QCOMPARE(summary.linesRejected, 5);
    QVERIFY(summary.anyRejected());
    QVERIFY(summary.ioError.isEmpty());

    const QList<QByteArray> lines = out.data().trimmed().split('\n');
    QCOMPARE(lines.size(), 20);
    for (int n = 0; n < 20; ++n) {
        const QJsonObject object = parse(lines.at(n));
        if (n % 4 == 3) {
            QCOMPARE(object.value(QStringLiteral("line")).toInt(), n + 1);
            QCOMPARE(object.value(QStringLiteral("error")).toString(), QStringLiteral("n is %1").arg(n));
        } else {
            QCOMPARE(object.value(QStringLiteral("n")).toInt(), n);
        }
    }
}

void TestDetectVerb::blockHandlerGetsValidLinesInOrder()
{
    // Blocks of at most four parsed lines, batches of ten: lines that are not JSON
    // never reach the handler, and every answer lands on its own line.
    std::atomic<int> calls{0};
    std::atomic<int> largestBlock{0};
    JsonLinesProcessor processor(
        JsonLinesProcessor::BlockHandler([&](const std::vector<QJsonObject> &lines) {
            ++calls;
            largestBlock = std::max(largestBlock.load(), int(lines.size()));
            std::vector<LineResult> results;
            int previous = -1;
            for (const QJsonObject &line : lines) {
                const int n = line.value(QStringLiteral("n")).toInt();
                if (n <= previous)
                    results.push_back(LineResult::rejected(QStringLiteral("out of order")));
                else if (n == 13)
                    results.push_back(LineResult::rejected(QStringLiteral("thirteen")));
                else
                    results.push_back(LineResult::output("{\"n\":" + QByteArray::number(n) + '}'));
                previous = n;
            }
            return results;
        }),
        3, 4);
    processor.setBatchSize(10);

    QByteArray inBytes;
    for (int n = 0; n < 30; ++n)
        inBytes += n % 7 == 5 ? QByteArray("not json\n") : "{\"n\":" + QByteArray::number(n) + "}\n";
    QBuffer in(&inBytes);
    QBuffer out;
    in.open(QIODevice::ReadOnly);
    out.open(QIODevice::WriteOnly);
    const cg::cli::JsonLinesSummary summary = processor.run(in, out);
    QCOMPARE(summary.linesRead, 30);
    QCOMPARE(largestBlock.load(), 4);
    QVERIFY(calls.load() >= 8);

    const QList<QByteArray> lines = out.data().trimmed().split('\n');
    QCOMPARE(lines.size(), 30);
    int rejected = 0;
    for (int n = 0; n < 30; ++n) {
        const QJsonObject object = parse(lines.at(n));
        if (n % 7 == 5) {
            QCOMPARE(object.value(QStringLiteral("line")).toInt(), n + 1);
            QVERIFY(object.value(QStringLiteral("error")).toString().startsWith(QStringLiteral("line is not valid JSON")));
            ++rejected;
        } else if (object.contains(QStringLiteral("error"))) {
            QCOMPARE(n, 13);
            QCOMPARE(object.value(QStringLiteral("error")).toString(), QStringLiteral("thirteen"));
            QCOMPARE(object.value(QStringLiteral("line")).toInt(), n + 1);
            ++rejected;
        } else {
            QCOMPARE(object.value(QStringLiteral("n")).toInt(), n);
        }
    }
    QCOMPARE(rejected, 5);
    QCOMPARE(summary.linesRejected, rejected);
}

void TestDetectVerb::badLines_data()
{
    QTest::addColumn<QByteArray>("bad");
    QTest::addColumn<QJsonValue>("id");
    QTest::addColumn<QString>("reason");

    QTest::newRow("not json") << QByteArray("this is not json") << QJsonValue() << QStringLiteral("JSON");
    QTest::newRow("truncated json") << QByteArray(R"({"id":"b","text":"call)") << QJsonValue()
                                    << QStringLiteral("JSON");
    QTest::newRow("not an object") << QByteArray(R"(["id","text"])") << QJsonValue()
                                   << QStringLiteral("object");
    QTest::newRow("missing text") << QByteArray(R"({"id":"b"})") << QJsonValue(QStringLiteral("b"))
                                  << QStringLiteral("text");
    QTest::newRow("text not a string") << QByteArray(R"({"id":"b","text":42})")
                                       << QJsonValue(QStringLiteral("b")) << QStringLiteral("string");
    QTest::newRow("text is null") << QByteArray(R"({"id":7,"text":null})") << QJsonValue(7)
                                  << QStringLiteral("string");
    QTest::newRow("id of wrong type") << QByteArray(R"({"id":true,"text":"hi"})") << QJsonValue()
                                      << QStringLiteral("id");
    QTest::newRow("invalid utf-8") << QByteArray("{\"id\":\"b\",\"text\":\"caf\xC3\x28 \xFF\"}")
                                   << QJsonValue(QStringLiteral("b")) << QStringLiteral("UTF-8");
    QTest::newRow("overlong utf-8") << QByteArray("{\"id\":\"b\",\"text\":\"\xC0\xAF\"}")
                                    << QJsonValue(QStringLiteral("b")) << QStringLiteral("UTF-8");
}

void TestDetectVerb::badLines()
{
    QFETCH(QByteArray, bad);
    QFETCH(QJsonValue, id);
    QFETCH(QString, reason);

    const QByteArray input = R"({"id":"a","text":"call +1 415 555 0132"})" "\n" + bad + "\n"
        + R"({"id":"c","text":"mail a@example.com"})" "\n";
    const VerbRun run = runDetect({}, input);
    QCOMPARE(run.exitCode, int(cg::cli::ExitSomeLinesRejected));
    const QList<QByteArray> lines = run.lines();
    QCOMPARE(lines.size(), 3);

    const QJsonObject error = parse(lines.at(1));
    QVERIFY2(lines.at(1).startsWith("{\"id\":"), lines.at(1).constData());
    QCOMPARE(error.value(QStringLiteral("line")).toInt(), 2);
    QCOMPARE(error.value(QStringLiteral("id")), id.isUndefined() ? QJsonValue() : id);
    QVERIFY(error.contains(QStringLiteral("id")));
    const QString message = error.value(QStringLiteral("error")).toString();
    QVERIFY2(message.contains(reason, Qt::CaseInsensitive), qPrintable(message));
    QVERIFY(!error.contains(QStringLiteral("spans")));

    // Processing went on around it.
    QCOMPARE(parse(lines.at(0)).value(QStringLiteral("spans")).toArray().size(), 1);
    QCOMPARE(parse(lines.at(2)).value(QStringLiteral("id")).toString(), QStringLiteral("c"));
    QCOMPARE(parse(lines.at(2)).value(QStringLiteral("spans")).toArray().size(), 1);
}

void TestDetectVerb::blankLinesAndLineEndings()
{
    // Blank lines give no output but count for line numbers; CRLF is accepted.
    const QByteArray input = "\n   \n{\"id\":\"a\",\"text\":\"hi\"}\r\n\nnot json\r\n"
                             "{\"id\":\"b\",\"text\":\"jo@example.com\"}";
    const VerbRun run = runDetect({}, input);
    QCOMPARE(run.exitCode, 2);
    const QList<QByteArray> lines = run.lines();
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines.at(0), QByteArray(R"({"id":"a","spans":[]})"));
    QCOMPARE(parse(lines.at(1)).value(QStringLiteral("line")).toInt(), 5);
    QCOMPARE(parse(lines.at(2)).value(QStringLiteral("spans")).toArray().size(), 1);

    const VerbRun empty = runDetect({}, QByteArray());
    QCOMPARE(empty.exitCode, 0);
    QVERIFY(empty.out.isEmpty());
}

void TestDetectVerb::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");

    QTest::newRow("unknown option") << QStringList{QStringLiteral("--bogus")};
    QTest::newRow("threads zero") << QStringList{QStringLiteral("--threads"), QStringLiteral("0")};
    QTest::newRow("threads text") << QStringList{QStringLiteral("--threads"), QStringLiteral("many")};
    QTest::newRow("threads missing value") << QStringList{QStringLiteral("--threads")};
    QTest::newRow("unknown region") << QStringList{QStringLiteral("--region"), QStringLiteral("XX")};
    QTest::newRow("long region") << QStringList{QStringLiteral("--region"), QStringLiteral("USA")};
    QTest::newRow("confidence above one")
        << QStringList{QStringLiteral("--min-confidence"), QStringLiteral("1.5")};
    QTest::newRow("confidence not a number")
        << QStringList{QStringLiteral("--min-confidence"), QStringLiteral("high")};
    QTest::newRow("empty platform domain")
        << QStringList{QStringLiteral("--platform-domain"), QString()};
    QTest::newRow("positional argument") << QStringList{QStringLiteral("input.jsonl")};
}

void TestDetectVerb::usageErrors()
{
    QFETCH(QStringList, arguments);
    const VerbRun run = runDetect(arguments, R"({"id":"1","text":"hi"})" "\n");
    QCOMPARE(run.exitCode, int(cg::cli::ExitUsageOrIo));
    QVERIFY(run.out.isEmpty());
    QVERIFY(run.err.contains("detect"));
}

void TestDetectVerb::help()
{
    const VerbRun run = runDetect({QStringLiteral("--help")}, QByteArray());
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains("Usage: contactguard-cli detect"));
    QVERIFY(run.out.contains("--platform-domain"));
}

void TestDetectVerb::regionOption()
{
    const QByteArray input = R"({"id":"1","text":"mobile 07400 123456 thanks"})" "\n";
    const auto valueOf = [](const VerbRun &run) {
        return parse(run.lines().value(0))
            .value(QStringLiteral("spans"))
            .toArray()
            .first()
            .toObject()
            .value(QStringLiteral("value"))
            .toString();
    };
    const VerbRun gb = runDetect({QStringLiteral("--region"), QStringLiteral("gb")}, input);
    QCOMPARE(gb.exitCode, 0);
    QCOMPARE(valueOf(gb), QStringLiteral("+447400123456"));
    const VerbRun us = runDetect({}, input);
    QVERIFY(valueOf(us) != QStringLiteral("+447400123456")); // the country is not known
}

void TestDetectVerb::minConfidenceOption()
{
    const QByteArray input = R"({"id":"1","text":"see 123 456 7890 there"})" "\n";
    const auto spanCount = [](const VerbRun &run) {
        return parse(run.lines().value(0)).value(QStringLiteral("spans")).toArray().size();
    };
    QCOMPARE(spanCount(runDetect({}, input)), 0);
    QCOMPARE(spanCount(runDetect({QStringLiteral("--min-confidence"), QStringLiteral("0.1")}, input)), 1);
    const VerbRun strict = runDetect({QStringLiteral("--min-confidence"), QStringLiteral("1"),
                                      QStringLiteral("--platform-domain"), QStringLiteral("example.com")},
                                     R"({"id":"1","text":"a@example.com +1 415 555 0132"})" "\n");
    QCOMPARE(strict.exitCode, 0);
    QCOMPARE(spanCount(strict), 0);
}

void TestDetectVerb::jsonEscaping()
{
    QCOMPARE(JsonLinesProcessor::quote(QStringLiteral("a\"b\\c\nd\te\x01")),
             QByteArray(R"("a\"b\\c\nd\te\u0001")"));
    QCOMPARE(JsonLinesProcessor::quote(QString::fromUtf8("é😀")), QByteArray("\"é😀\""));
    QCOMPARE(JsonLinesProcessor::number(0.926, 2), QByteArray("0.93"));
    QCOMPARE(JsonLinesProcessor::number(0.9, 2), QByteArray("0.9"));
    QCOMPARE(JsonLinesProcessor::number(1.0, 2), QByteArray("1"));

    // A quote and a line break inside the text survive a round trip.
    const VerbRun run = runDetect({}, R"({"id":"q\"1","text":"\"x\"\nmail a@example.com"})" "\n");
    QCOMPARE(run.lines().size(), 1);
    const QJsonObject object = parse(run.lines().first());
    QCOMPARE(object.value(QStringLiteral("id")).toString(), QStringLiteral("q\"1"));
    const QJsonObject span = object.value(QStringLiteral("spans")).toArray().first().toObject();
    QCOMPARE(span.value(QStringLiteral("start")).toInt(), 9);
}

QTEST_APPLESS_MAIN(TestDetectVerb)
#include "tst_detectverb.moc"
