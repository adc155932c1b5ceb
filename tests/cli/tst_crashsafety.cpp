#include "DatabaseProbe.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

// Kills the real contactguard-cli with SIGKILL in the middle of a long import and
// of a long series of decisions, then checks nothing acknowledged was lost and
// nothing was half-written.
class TestCrashSafety : public QObject
{
    Q_OBJECT

private:
    static QString cli() { return QStringLiteral(CONTACTGUARD_BINARY_DIR "/bin/contactguard-cli"); }

    int runCli(const QStringList &arguments, QByteArray *out = nullptr)
    {
        QProcess process;
        process.start(cli(), arguments);
        if (!process.waitForFinished(60000))
            return -1;
        if (out)
            *out = process.readAllStandardOutput();
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }

    // A plain read connection, as another program would open the file.
    qint64 scalar(const QString &sql)
    {
        const QVariant value = probeDatabase(m_path, sql);
        return value.isValid() ? value.toLongLong() : -1;
    }

    QString integrity()
    {
        QString result;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("integrity"));
            db.setDatabaseName(m_path);
            if (db.open()) {
                QSqlQuery query(db);
                if (query.exec(QStringLiteral("PRAGMA integrity_check")) && query.next())
                    result = query.value(0).toString();
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("integrity"));
        return result;
    }

    static QByteArray conversationLine(int i)
    {
        QByteArray line = "{\"id\":\"conv-" + QByteArray::number(i)
            + "\",\"context\":{\"phase\":\"messages\",\"client_plan\":\"basic\"},\"messages\":[";
        for (int m = 0; m < kMessagesPerConversation; ++m) {
            if (m > 0)
                line += ',';
            line += "{\"id\":\"m" + QByteArray::number(m) + "\",\"sender\":\""
                + (m % 2 ? "client" : "freelancer") + "\",\"sent_at\":\"2026-05-01T10:0" + QByteArray::number(m)
                + ":00Z\",\"text\":\"message " + QByteArray::number(m) + " of conversation " + QByteArray::number(i)
                + ", call +1 415 555 0" + QByteArray::number(100 + m) + "\"}";
        }
        return line + "]}\n";
    }

    static constexpr int kConversations = 1500;
    static constexpr int kMessagesPerConversation = 3;

    QTemporaryDir m_dir;
    QString m_path;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("cases.sqlite"));
    }

    void killedImportKeepsWholeConversationsAndResumes()
    {
        const QString input = m_dir.filePath(QStringLiteral("conversations.jsonl"));
        QFile file(input);
        QVERIFY(file.open(QIODevice::WriteOnly));
        for (int i = 1; i <= kConversations; ++i)
            file.write(conversationLine(i));
        file.close();

        QProcess import;
        import.start(cli(), {QStringLiteral("import"), QStringLiteral("--db"), m_path, input});
        QVERIFY(import.waitForStarted());
        // Kill once some conversations are in, long before all are.
        QTRY_VERIFY_WITH_TIMEOUT(scalar(QStringLiteral("SELECT COUNT(*) FROM conversations")) >= 50, 30000);
        import.kill(); // SIGKILL
        QVERIFY(import.waitForFinished(10000));
        QCOMPARE(import.exitStatus(), QProcess::CrashExit);

        QCOMPARE(integrity(), QStringLiteral("ok"));
        const qint64 imported = scalar(QStringLiteral("SELECT COUNT(*) FROM conversations"));
        QVERIFY2(imported < kConversations, "the import finished before it was killed; the test proves nothing");
        // Whole conversations only: every one has all its messages and its audit entry.
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM conversations c WHERE c.message_count <> %1 OR "
                                       "(SELECT COUNT(*) FROM messages m WHERE m.conversation_id = c.id) <> %1")
                            .arg(kMessagesPerConversation)),
                 0);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'import'")), imported);
        QCOMPARE(runCli({QStringLiteral("verify-audit"), QStringLiteral("--db"), m_path}), 0);

        // Running it again completes the import without duplicating anything.
        QCOMPARE(runCli({QStringLiteral("import"), QStringLiteral("--db"), m_path, input}), 0);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM conversations")), qint64(kConversations));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM messages")),
                 qint64(kConversations) * kMessagesPerConversation);
        QCOMPARE(runCli({QStringLiteral("verify-audit"), QStringLiteral("--db"), m_path}), 0);
    }

    void killedDecisionSeriesKeepsEveryAcknowledgedDecision()
    {
        QProcess decide;
        decide.start(cli(), {QStringLiteral("decide"), QStringLiteral("--db"), m_path, QStringLiteral("--batch")});
        QVERIFY(decide.waitForStarted());
        QByteArray input;
        for (int caseId = 1; caseId <= kConversations; ++caseId) {
            const char *verdict = caseId % 3 ? "violation" : "allowed";
            input += "{\"case\":" + QByteArray::number(caseId) + ",\"verdict\":\"" + verdict + "\""
                + (caseId % 3 ? ",\"penalty\":\"warning\",\"basis\":[\"before_contract\"]" : "")
                + ",\"moderator\":\"jonas\",\"note\":\"Phone number shared, call +1 415 555 0132\","
                  "\"expect_version\":1}\n";
        }
        decide.write(input);
        decide.closeWriteChannel();

        // Collect acknowledgements as they come; kill after a good number.
        QList<QJsonObject> acknowledged;
        QByteArray pending;
        while (acknowledged.size() < 100 && decide.state() == QProcess::Running) {
            decide.waitForReadyRead(5000);
            pending += decide.readAllStandardOutput();
            qsizetype newline;
            while ((newline = pending.indexOf('\n')) >= 0) {
                const QJsonObject ack = QJsonDocument::fromJson(pending.left(newline)).object();
                pending.remove(0, newline + 1);
                QVERIFY2(ack.contains(QStringLiteral("decision")), "a decision was refused");
                acknowledged.append(ack);
            }
        }
        decide.kill(); // SIGKILL
        QVERIFY(decide.waitForFinished(10000));
        QCOMPARE(decide.exitStatus(), QProcess::CrashExit);
        QVERIFY(acknowledged.size() >= 100);

        QCOMPARE(integrity(), QStringLiteral("ok"));
        const qint64 decisions = scalar(QStringLiteral("SELECT COUNT(*) FROM decisions"));
        QVERIFY2(decisions < kConversations, "the series finished before it was killed; the test proves nothing");
        for (const QJsonObject &ack : std::as_const(acknowledged)) {
            QCOMPARE(scalar(QStringLiteral("SELECT conversation_id FROM decisions WHERE id = %1")
                                .arg(ack.value(QStringLiteral("decision")).toInteger())),
                     ack.value(QStringLiteral("case")).toInteger());
        }
        // All or nothing: each decision has its penalty, case update and audit entry.
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM penalties")),
                 scalar(QStringLiteral("SELECT COUNT(*) FROM decisions WHERE penalty IS NOT NULL")));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM conversations WHERE status = 'decided' AND version = 2")),
                 decisions);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'decision'")), decisions);
        QByteArray report;
        QCOMPARE(runCli({QStringLiteral("verify-audit"), QStringLiteral("--db"), m_path}, &report), 0);
        QVERIFY2(report.contains("intact"), report.constData());
    }
};

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crashsafety.moc"
