#include "AssessVerb.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// Declared before the test data: moc does not read raw string literals.
class TestAssessVerb : public QObject
{
    Q_OBJECT

private slots:
    void contractShape();
    void malformedConversation_data();
    void malformedConversation();
    void orderKeptWithThreads();
    void policyDirectory();
    void brokenPolicyIsAUsageError();
    void usageErrors_data();
    void usageErrors();
    void endToEnd();
};

namespace {

struct VerbRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    QList<QJsonObject> objects() const
    {
        QList<QJsonObject> result;
        for (const QByteArray &line : out.split('\n')) {
            if (!line.isEmpty())
                result.append(QJsonDocument::fromJson(line).object());
        }
        return result;
    }
};

VerbRun runAssess(const QStringList &arguments, const QByteArray &input)
{
    QByteArray inBytes = input;
    QBuffer in(&inBytes);
    QBuffer out;
    QBuffer err;
    in.open(QIODevice::ReadOnly);
    out.open(QIODevice::WriteOnly);
    err.open(QIODevice::WriteOnly);
    cg::cli::AssessVerb verb;
    VerbRun run;
    run.exitCode = verb.run(arguments, {in, out, err});
    run.out = out.data();
    run.err = err.data();
    return run;
}

const QByteArray kNdaConversation = R"({"id": "c1",
 "context": {"phase": "messages", "client_plan": "standard", "contract": {"status": "none"},
             "pre_existing_relationship": false,
             "history": [{"decided_at": "2026-03-02", "verdict": "violation", "penalty": "warning"}]},
 "messages": [{"id": "c1m1", "sender": "client", "sent_at": "2026-05-01T10:00:00Z",
               "text": "We need an NDA signed first - please write to legal@brightpath-labs.com"}]})";

QByteArray conversation(const QByteArray &id, const QByteArray &text, const QByteArray &contract = "{\"status\":\"none\"}")
{
    return "{\"id\":" + id + ",\"context\":{\"phase\":\"messages\",\"client_plan\":\"plus\",\"contract\":" + contract
        + ",\"history\":[]},\"messages\":[{\"id\":\"m1\",\"sender\":\"freelancer\",\"sent_at\":\"2026-03-05T10:00:00Z\","
          "\"text\":\"" + text + "\"}]}\n";
}

} // namespace

void TestAssessVerb::contractShape()
{
    const VerbRun run = runAssess({}, QByteArray(kNdaConversation).replace("standard", "plus").replace('\n', ' ') + '\n');
    QCOMPARE(run.exitCode, 0);
    const QList<QByteArray> lines = run.out.split('\n');
    QCOMPARE(lines.size(), 2); // one line and the final newline
    // Keys in the contract's order, extras after.
    QVERIFY2(lines.at(0).startsWith("{\"id\":\"c1\",\"verdict\":\"exception\",\"basis\":[\"legal_nda\"],\"confidence\":"),
             lines.at(0).constData());
    const QJsonObject object = QJsonDocument::fromJson(lines.at(0)).object();
    const QJsonObject evidence = object.value(QStringLiteral("evidence")).toArray().at(0).toObject();
    QCOMPARE(evidence.value(QStringLiteral("message_id")).toString(), QStringLiteral("c1m1"));
    QCOMPARE(evidence.value(QStringLiteral("text")).toString(), QStringLiteral("NDA"));
    QCOMPARE(evidence.value(QStringLiteral("start")).toInt(), 11);
    QCOMPARE(evidence.value(QStringLiteral("end")).toInt(), 14);
    QCOMPARE(evidence.value(QStringLiteral("supports")).toString(), QStringLiteral("legal_nda"));
    const QJsonObject span = object.value(QStringLiteral("spans")).toArray().at(0).toObject();
    QCOMPARE(span.value(QStringLiteral("type")).toString(), QStringLiteral("email"));
    QCOMPARE(span.value(QStringLiteral("text")).toString(), QStringLiteral("legal@brightpath-labs.com"));
    QVERIFY(object.value(QStringLiteral("recommended_penalty")).isNull());
    QVERIFY(object.value(QStringLiteral("explanation")).toString().contains(QStringLiteral("non-disclosure")));
}

void TestAssessVerb::malformedConversation_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("error");
    QTest::newRow("missing context") << QByteArray(R"({"id": "x1", "messages": []})") << QStringLiteral("context: missing");
    QTest::newRow("bad date") << conversation("\"x2\"", "hi", R"({"status":"active","start":"2026-02-30"})")
                              << QStringLiteral("context.contract.start: not an ISO date");
    QTest::newRow("unknown plan") << QByteArray(kNdaConversation).replace('\n', ' ')
                                  << QStringLiteral("context.client_plan: unknown value \"standard\"");
    QTest::newRow("unknown sender")
        << conversation("7", "hi").replace("\"freelancer\"", "\"bot\"")
        << QStringLiteral("messages[0].sender: unknown value \"bot\"");
    QTest::newRow("not json") << QByteArray("{\"id\": \"x5\", \"context\"") << QStringLiteral("");
}

void TestAssessVerb::malformedConversation()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, error);
    const QByteArray good = conversation("\"ok\"", "Call me at +1 415 555 0132");
    const VerbRun run = runAssess({QStringLiteral("--threads"), QStringLiteral("2")}, good + line.trimmed() + '\n' + good);
    QCOMPARE(run.exitCode, 2);
    const QList<QJsonObject> objects = run.objects();
    QCOMPARE(objects.size(), 3);
    QCOMPARE(objects.at(0).value(QStringLiteral("verdict")).toString(), QStringLiteral("violation"));
    QCOMPARE(objects.at(1).value(QStringLiteral("line")).toInt(), 2);
    QVERIFY2(objects.at(1).value(QStringLiteral("error")).toString().startsWith(error),
             qPrintable(objects.at(1).value(QStringLiteral("error")).toString()));
    QVERIFY(!objects.at(1).contains(QStringLiteral("verdict")));
    QCOMPARE(objects.at(2).value(QStringLiteral("verdict")).toString(), QStringLiteral("violation"));
}

void TestAssessVerb::orderKeptWithThreads()
{
    QByteArray input;
    for (int i = 0; i < 300; ++i)
        input += conversation(QByteArray::number(i), i % 2 ? "Call me at +1 415 555 0132" : "Thanks, see you here.");
    const VerbRun run = runAssess({QStringLiteral("--threads"), QStringLiteral("4")}, input);
    QCOMPARE(run.exitCode, 0);
    const QList<QJsonObject> objects = run.objects();
    QCOMPARE(objects.size(), 300);
    for (int i = 0; i < 300; ++i) {
        QCOMPARE(objects.at(i).value(QStringLiteral("id")).toInt(), i);
        QCOMPARE(objects.at(i).value(QStringLiteral("verdict")).toString(),
                 i % 2 ? QStringLiteral("violation") : QStringLiteral("no_contact"));
    }
}

void TestAssessVerb::policyDirectory()
{
    // A policy team's copy with a shorter ladder: the top step is reached sooner.
    QFile builtIn(QStringLiteral(CONTACTGUARD_SOURCE_DIR "/resources/policy/contact-policy.json"));
    QVERIFY(builtIn.open(QIODevice::ReadOnly));
    QJsonObject policy = QJsonDocument::fromJson(builtIn.readAll()).object();
    policy.insert(QStringLiteral("ladder"), QJsonArray{QStringLiteral("warning"), QStringLiteral("suspension")});
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("contact-policy.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(policy).toJson());
    file.close();

    const QByteArray line = conversation("\"p\"", "Call me at +1 415 555 0132").replace(
        "\"history\":[]", R"("history":[{"verdict":"violation","penalty":"warning"},{"verdict":"violation","penalty":"warning"}])");
    const VerbRun custom = runAssess({QStringLiteral("--policy-dir"), dir.path()}, line);
    QCOMPARE(custom.exitCode, 0);
    QCOMPARE(custom.objects().at(0).value(QStringLiteral("recommended_penalty")).toString(), QStringLiteral("suspension"));
    const VerbRun standard = runAssess({}, line);
    QCOMPARE(standard.objects().at(0).value(QStringLiteral("recommended_penalty")).toString(),
             QStringLiteral("temporary_restriction"));
}

void TestAssessVerb::brokenPolicyIsAUsageError()
{
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("contact-policy.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    QFile builtIn(QStringLiteral(CONTACTGUARD_SOURCE_DIR "/resources/policy/contact-policy.json"));
    QVERIFY(builtIn.open(QIODevice::ReadOnly));
    QJsonObject policy = QJsonDocument::fromJson(builtIn.readAll()).object();
    QJsonArray exceptions = policy.value(QStringLiteral("exceptions")).toArray();
    QJsonObject first = exceptions.at(0).toObject();
    first.insert(QStringLiteral("basis"), QStringLiteral("legal_nad"));
    exceptions.replace(0, first);
    policy.insert(QStringLiteral("exceptions"), exceptions);
    file.write(QJsonDocument(policy).toJson());
    file.close();

    const VerbRun run = runAssess({QStringLiteral("--policy-dir"), dir.path()}, conversation("1", "hi"));
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.contains("contact-policy.json: exceptions[0].basis: \"legal_nad\""), run.err.constData());

    const VerbRun missing = runAssess({QStringLiteral("--policy-dir"), dir.filePath(QStringLiteral("nowhere"))}, "");
    QCOMPARE(missing.exitCode, 1);
    QVERIFY2(missing.err.contains("cannot read the policy"), missing.err.constData());
}

void TestAssessVerb::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("threads zero") << QStringList{QStringLiteral("--threads"), QStringLiteral("0")} << QByteArray("--threads");
    QTest::newRow("bad region") << QStringList{QStringLiteral("--region"), QStringLiteral("XX1")} << QByteArray("--region");
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--verbose")} << QByteArray("verbose");
    QTest::newRow("stray argument") << QStringList{QStringLiteral("file.jsonl")} << QByteArray("unexpected argument");
}

void TestAssessVerb::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, message);
    const VerbRun run = runAssess(arguments, conversation("1", "hi"));
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.contains(message), run.err.constData());
}

void TestAssessVerb::endToEnd()
{
    QProcess process;
    process.start(QStringLiteral(CONTACTGUARD_BINARY_DIR "/bin/contactguard-cli"),
                  {QStringLiteral("assess"), QStringLiteral("--threads"), QStringLiteral("2")});
    QVERIFY(process.waitForStarted());
    process.write(conversation("\"e1\"", "For the NDA my email is ana@lumen-studio.com"));
    process.write("{\"id\": \"e2\", \"context\": {\"phase\": \"chat\"}, \"messages\": []}\n");
    process.write(conversation("\"e3\"", "Pay me directly by bank transfer to skip the fees",
                               R"({"status":"active","start":"2026-03-01"})"));
    process.closeWriteChannel();
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 2);
    const QList<QByteArray> lines = process.readAllStandardOutput().trimmed().split('\n');
    QCOMPARE(lines.size(), 3);
    const QJsonObject first = QJsonDocument::fromJson(lines.at(0)).object();
    QCOMPARE(first.value(QStringLiteral("verdict")).toString(), QStringLiteral("exception"));
    const QJsonObject second = QJsonDocument::fromJson(lines.at(1)).object();
    QCOMPARE(second.value(QStringLiteral("id")).toString(), QStringLiteral("e2"));
    QVERIFY(second.value(QStringLiteral("error")).toString().startsWith(QStringLiteral("context.phase: unknown value \"chat\"")));
    const QJsonObject third = QJsonDocument::fromJson(lines.at(2)).object();
    QCOMPARE(third.value(QStringLiteral("verdict")).toString(), QStringLiteral("violation"));
    QCOMPARE(third.value(QStringLiteral("basis")).toArray().at(0).toString(), QStringLiteral("off_platform_payment"));
    QCOMPARE(third.value(QStringLiteral("recommended_penalty")).toString(), QStringLiteral("badge_loss"));
}

QTEST_GUILESS_MAIN(TestAssessVerb)
#include "tst_assessverb.moc"
