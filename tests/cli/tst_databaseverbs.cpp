#include "CliApplication.h"

#include <QBuffer>
#include "DatabaseProbe.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using cg::cli::CliApplication;

// Test tables list SQL and fields as plain literals (QT_NO_CAST_FROM_ASCII is on).
inline QStringList strings(std::initializer_list<const char *> items)
{
    QStringList list;
    for (const char *item : items)
        list.append(QString::fromUtf8(item));
    return list;
}

// The case-database verbs run in-process with buffers for standard streams.
class TestDatabaseVerbs : public QObject
{
    Q_OBJECT

private:
    struct Result
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    Result run(QStringList arguments, const QByteArray &input = {})
    {
        QByteArray inBytes = input;
        QBuffer in(&inBytes);
        QBuffer out;
        QBuffer err;
        in.open(QIODevice::ReadOnly);
        out.open(QIODevice::WriteOnly);
        err.open(QIODevice::WriteOnly);
        CliApplication cli;
        const int code = cli.run(arguments, {in, out, err});
        return {code, out.data(), err.data()};
    }

    Result runOnDb(const QString &verb, QStringList arguments, const QByteArray &input = {})
    {
        return run(QStringList{verb, QStringLiteral("--db"), m_path} + arguments, input);
    }

    qint64 scalar(const QString &sql)
    {
        const QVariant value = probeDatabase(m_path, sql);
        return value.isValid() ? value.toLongLong() : -1;
    }

    void exec(const QString &sql)
    {
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
            db.setDatabaseName(m_path);
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY2(query.exec(sql), qPrintable(sql));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
    }

    static QJsonObject json(const QByteArray &line) { return QJsonDocument::fromJson(line).object(); }

    static QByteArray conversations()
    {
        return R"({"id":"c1","context":{"phase":"messages","client_plan":"basic"},"client":{"id":"cl-1"},"freelancer":{"id":"fl-1"},"messages":[{"id":"m1","sender":"freelancer","sent_at":"2026-05-01T10:00:00Z","text":"Call me at +1 415 555 0132"},{"id":"m2","sender":"client","sent_at":"2026-05-01T10:05:00Z","text":"ok"}]}
not json at all
{"id":"c2","context":{"phase":"negotiation"},"messages":[]}
{"id":"c3","context":{"phase":"interview","client_plan":"enterprise"},"messages":[{"id":"m1","sender":"client","sent_at":"2026-05-02T09:00:00Z","text":"mail me: jane.doe@gmail.com"}]}
)";
    }

    // A fresh database with two imported cases and a lead.
    void prepare()
    {
        QFile::remove(m_path);
        const Result imported = runOnDb(QStringLiteral("import"), {QStringLiteral("-")}, conversations());
        QCOMPARE(imported.exitCode, 2);
        exec(QStringLiteral("INSERT INTO moderators (name, role, created_at) VALUES ('amara', 'lead', '2026-01-01T00:00:00Z')"));
    }

    QTemporaryDir m_dir;
    QString m_path;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("verbs.sqlite"));
    }

    void importReportsBadLinesAndKeepsTheRest()
    {
        QFile::remove(m_path);
        const Result result = runOnDb(QStringLiteral("import"), {QStringLiteral("-")}, conversations());
        QCOMPARE(result.exitCode, 2);
        const QList<QByteArray> lines = result.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        QCOMPARE(json(lines.at(0)).value(QStringLiteral("line")).toInt(), 2);
        QVERIFY(json(lines.at(0)).value(QStringLiteral("id")).isNull());
        QCOMPARE(json(lines.at(1)).value(QStringLiteral("line")).toInt(), 3);
        QCOMPARE(json(lines.at(1)).value(QStringLiteral("id")).toString(), QStringLiteral("c2"));
        QVERIFY2(json(lines.at(1)).value(QStringLiteral("error")).toString().contains(QStringLiteral("context.phase")),
                 lines.at(1).constData());
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM conversations")), 2);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM messages")), 3);

        const qint64 audit = scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log"));
        QCOMPARE(runOnDb(QStringLiteral("import"), {QStringLiteral("-")}, conversations()).exitCode, 2);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM messages")), 3);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log")), audit);
    }

    void importReadsCsv()
    {
        QFile::remove(m_path);
        const QString csv = m_dir.filePath(QStringLiteral("messages.csv"));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("conversation_id,message_id,sender,sent_at,text\r\n"
                   "k1,m1,freelancer,2026-05-01T10:00:00Z,\"Hi, my number is\r\n+44 20 7946 0958\"\r\n"
                   "k1,m2,client,2026-05-01T10:01:00Z,\"She said \"\"no\"\"\"\r\n"
                   "k1,m3,robot,2026-05-01T10:02:00Z,beep\r\n");
        file.close();
        const Result result = runOnDb(QStringLiteral("import"), {csv});
        QCOMPARE(result.exitCode, 2);
        QCOMPARE(json(result.out.trimmed()).value(QStringLiteral("line")).toInt(), 5);
        QVERIFY(json(result.out.trimmed()).value(QStringLiteral("error")).toString().startsWith(QStringLiteral("sender")));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM messages")), 2);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM messages WHERE body = 'She said \"no\"'")), 1);
    }

    void scanFindsDetailsAndResumes()
    {
        prepare();
        Result result = runOnDb(QStringLiteral("scan"), {QStringLiteral("--threads"), QStringLiteral("2")});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(json(result.out.trimmed()).value(QStringLiteral("messages_scanned")).toInt(), 3);
        QVERIFY(scalar(QStringLiteral("SELECT COUNT(*) FROM detections")) >= 2);
        result = runOnDb(QStringLiteral("scan"), {});
        QCOMPARE(json(result.out.trimmed()).value(QStringLiteral("messages_scanned")).toInt(), 0);
        result = runOnDb(QStringLiteral("scan"), {QStringLiteral("--all")});
        QCOMPARE(json(result.out.trimmed()).value(QStringLiteral("messages_scanned")).toInt(), 3);
        QCOMPARE(runOnDb(QStringLiteral("scan"), {QStringLiteral("--threads"), QStringLiteral("0")}).exitCode, 1);
    }

    void decideConflictAndReverse()
    {
        prepare();
        Result result = runOnDb(QStringLiteral("decide"),
                                {QStringLiteral("--case"), QStringLiteral("1"), QStringLiteral("--verdict"),
                                 QStringLiteral("violation"), QStringLiteral("--basis"), QStringLiteral("before_contract"),
                                 QStringLiteral("--penalty"), QStringLiteral("warning"), QStringLiteral("--moderator"),
                                 QStringLiteral("jonas"), QStringLiteral("--note"), QStringLiteral("phone"),
                                 QStringLiteral("--expect-version"), QStringLiteral("1")});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        const qint64 decision = json(result.out.trimmed()).value(QStringLiteral("decision")).toInteger();
        QCOMPARE(json(result.out.trimmed()).value(QStringLiteral("case_version")).toInt(), 2);

        result = runOnDb(QStringLiteral("decide"),
                         {QStringLiteral("--case"), QStringLiteral("1"), QStringLiteral("--verdict"),
                          QStringLiteral("allowed"), QStringLiteral("--moderator"), QStringLiteral("mei"),
                          QStringLiteral("--expect-version"), QStringLiteral("1")});
        QCOMPARE(result.exitCode, 3);
        QVERIFY2(result.err.contains("jonas decided \"violation\" with warning"), result.err.constData());

        // Only leads reverse.
        result = runOnDb(QStringLiteral("reverse"), {QStringLiteral("--decision"), QString::number(decision),
                                                     QStringLiteral("--moderator"), QStringLiteral("mei"),
                                                     QStringLiteral("--note"), QStringLiteral("appeal")});
        QCOMPARE(result.exitCode, 1);
        QVERIFY(result.err.contains("only leads"));
        result = runOnDb(QStringLiteral("reverse"), {QStringLiteral("--decision"), QString::number(decision),
                                                     QStringLiteral("--moderator"), QStringLiteral("amara"),
                                                     QStringLiteral("--note"), QStringLiteral("appeal upheld")});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QCOMPARE(json(result.out.trimmed()).value(QStringLiteral("reverses")).toInteger(), decision);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM penalties WHERE lifted_by_decision_id IS NOT NULL")), 1);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM conversations WHERE id = 1 AND status = 'new' AND version = 3")), 1);
        // Twice is a conflict.
        result = runOnDb(QStringLiteral("reverse"), {QStringLiteral("--decision"), QString::number(decision),
                                                     QStringLiteral("--moderator"), QStringLiteral("amara"),
                                                     QStringLiteral("--note"), QStringLiteral("again")});
        QCOMPARE(result.exitCode, 3);
        QCOMPARE(runOnDb(QStringLiteral("verify-audit"), {}).exitCode, 0);
    }

    void decideUsageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no case") << strings({"--verdict", "allowed", "--moderator", "x"}) << "--case";
        QTest::newRow("bad case") << strings({"--case", "abc", "--verdict", "allowed", "--moderator", "x"}) << "--case";
        QTest::newRow("bad verdict") << strings({"--case", "1", "--verdict", "guilty", "--moderator", "x"}) << "guilty";
        QTest::newRow("unknown case") << strings({"--case", "99", "--verdict", "allowed", "--moderator", "x"}) << "99";
    }

    void decideUsageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, expected);
        prepare();
        const Result result = runOnDb(QStringLiteral("decide"), arguments);
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(expected.toUtf8()), result.err.constData());
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM decisions")), 0);
    }

    void exportWritesTheLogAndAuditsIt()
    {
        prepare();
        QCOMPARE(runOnDb(QStringLiteral("decide"),
                         {QStringLiteral("--case"), QStringLiteral("2"), QStringLiteral("--verdict"),
                          QStringLiteral("exception"), QStringLiteral("--moderator"), QStringLiteral("mei"),
                          QStringLiteral("--note"), QStringLiteral("=HYPERLINK(\"x\"), enterprise; wrote jane.doe@gmail.com")})
                     .exitCode,
                 0);
        const QString out = m_dir.filePath(QStringLiteral("log.csv"));
        Result result = runOnDb(QStringLiteral("export"), {QStringLiteral("--format"), QStringLiteral("csv"),
                                                           QStringLiteral("--out"), out});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QCOMPARE(json(result.out.trimmed()).value(QStringLiteral("rows")).toInt(), 1);
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray csv = file.readAll();
        QVERIFY2(csv.contains("\"'=HYPERLINK(\"\"x\"\"), enterprise; wrote j***@g****.com\""), csv.constData());
        QVERIFY(!csv.contains("jane.doe"));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'export'")), 1);

        result = runOnDb(QStringLiteral("export"), {QStringLiteral("--format"), QStringLiteral("jsonl"),
                                                    QStringLiteral("--unmasked"), QStringLiteral("--verdict"),
                                                    QStringLiteral("exception"), QStringLiteral("--out"),
                                                    m_dir.filePath(QStringLiteral("log.jsonl"))});
        QCOMPARE(result.exitCode, 0);
        QFile jsonl(m_dir.filePath(QStringLiteral("log.jsonl")));
        QVERIFY(jsonl.open(QIODevice::ReadOnly));
        QVERIFY(json(jsonl.readLine()).value(QStringLiteral("note")).toString().contains(QStringLiteral("jane.doe@gmail.com")));

        result = runOnDb(QStringLiteral("export"), {QStringLiteral("--format"), QStringLiteral("xml"),
                                                    QStringLiteral("--out"), out});
        QCOMPARE(result.exitCode, 1);
        result = runOnDb(QStringLiteral("export"), {QStringLiteral("--format"), QStringLiteral("csv"),
                                                    QStringLiteral("--out"),
                                                    m_dir.filePath(QStringLiteral("missing/folder/log.csv"))});
        QCOMPARE(result.exitCode, 1);
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("missing/folder/log.csv"))));
    }

    void verifyAuditNamesTheFirstBadEntry()
    {
        prepare();
        QCOMPARE(runOnDb(QStringLiteral("verify-audit"), {}).exitCode, 0);
        exec(QStringLiteral("DROP TRIGGER audit_log_append_only_update"));
        exec(QStringLiteral("UPDATE audit_log SET actor = 'mallory' WHERE seq = 1"));
        const Result result = runOnDb(QStringLiteral("verify-audit"), {});
        QCOMPARE(result.exitCode, 4);
        QVERIFY2(result.out.contains("entry 1 was edited"), result.out.constData());
    }

    void databaseErrorsAreUsageErrors()
    {
        QCOMPARE(run({QStringLiteral("scan")}).exitCode, 1);
        const Result missing = run({QStringLiteral("scan"), QStringLiteral("--db"), m_dir.filePath(QStringLiteral("none.sqlite"))});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.err.contains("does not exist"));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("none.sqlite"))));
        const Result help = run({QStringLiteral("export"), QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("--unmasked"));
    }
};

QTEST_GUILESS_MAIN(TestDatabaseVerbs)
#include "tst_databaseverbs.moc"
