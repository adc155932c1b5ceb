#include "CliHarness.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace robustness;

// SIGKILL during scan and export at random points, many times over (import and decide
// are covered by tests/cli/tst_crashsafety): afterwards the file passes
// PRAGMA integrity_check and verify-audit, nothing half-written is visible, and
// finishing the work gives exactly what an uninterrupted run gives.
class TestCrashKill : public QObject
{
    Q_OBJECT

private:
    // Starts the CLI and SIGKILLs it after `delayMs` unless it finished first.
    static bool killAfter(const QStringList &arguments, int delayMs)
    {
        QProcess process;
        process.start(cliPath(), arguments);
        if (!process.waitForStarted(10000))
            return false;
        const bool finished = process.waitForFinished(delayMs);
        if (!finished) {
            process.kill(); // SIGKILL
            process.waitForFinished(10000);
        }
        return !finished;
    }

    // What the scan left, as one comparable text: every span of every message.
    static QString spansFingerprint(const QString &db)
    {
        return query(db, QStringLiteral("SELECT group_concat(line, '|') FROM (SELECT c.external_id || '/' || m.external_id || ':' "
                                        "|| d.type || ':' || d.start_pos || '-' || d.end_pos || ':' || d.value AS line "
                                        "FROM detections d JOIN messages m ON m.id = d.message_id "
                                        "JOIN conversations c ON c.id = m.conversation_id ORDER BY line)"))
            .toString();
    }

    static QString verdictsFingerprint(const QString &db)
    {
        return query(db, QStringLiteral("SELECT group_concat(external_id || '=' || COALESCE(suggested_verdict, '-'), '|') "
                                        "FROM (SELECT * FROM conversations ORDER BY external_id)"))
            .toString();
    }

    QTemporaryDir m_dir;
    QRandomGenerator m_random{20260501};

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qInfo("kill points drawn with seed 20260501");
    }

    void killedScanResumesToTheSameResult()
    {
        const QString db = m_dir.filePath(QStringLiteral("scan.sqlite"));
        const QString reference = m_dir.filePath(QStringLiteral("reference.sqlite"));
        QCOMPARE(runCli({QStringLiteral("demo"), QStringLiteral("--out"), db, QStringLiteral("--conversations"),
                         QStringLiteral("400"), QStringLiteral("--seed"), QStringLiteral("11")}).exitCode,
                 0);
        QVERIFY(QFile::copy(db, reference));
        const QStringList scanAll = {QStringLiteral("scan"), QStringLiteral("--db"), db, QStringLiteral("--all"),
                                     QStringLiteral("--threads"), QStringLiteral("2")};
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(runCli({QStringLiteral("scan"), QStringLiteral("--db"), reference, QStringLiteral("--all")}).exitCode, 0);
        const int fullRunMs = int(qMax<qint64>(timer.elapsed(), 200));
        const QString expectedSpans = spansFingerprint(reference);
        const QString expectedVerdicts = verdictsFingerprint(reference);
        QVERIFY(!expectedSpans.isEmpty());

        int interrupted = 0;
        for (int round = 0; round < 12; ++round) {
            const int delay = 30 + int(m_random.bounded(fullRunMs));
            // Alternate a fresh full rescan with resuming the interrupted one.
            QStringList arguments = scanAll;
            if (round % 2)
                arguments.removeAll(QStringLiteral("--all"));
            if (killAfter(arguments, delay))
                ++interrupted;
            QCOMPARE(integrity(db), QStringLiteral("ok"));
            const CliRun verified = runCli({QStringLiteral("verify-audit"), QStringLiteral("--db"), db});
            QVERIFY2(verified.exitCode == 0, verified.out + verified.err);
            // A message marked scanned has exactly the spans of that scan: no batch half-written.
            QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM detections d JOIN messages m ON m.id = d.message_id "
                                              "WHERE m.scanned_with IS NOT NULL AND d.detector_version <> m.scanned_with")),
                     0);
        }
        QVERIFY2(interrupted >= 4, "most scans finished before they were killed; the test proves little");

        QCOMPARE(runCli({QStringLiteral("scan"), QStringLiteral("--db"), db}).exitCode, 0);
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM messages WHERE scanned_with IS NULL")), 0);
        QCOMPARE(spansFingerprint(db), expectedSpans);
        QCOMPARE(verdictsFingerprint(db), expectedVerdicts);
        QCOMPARE(runCli({QStringLiteral("verify-audit"), QStringLiteral("--db"), db}).exitCode, 0);
    }

    void killedExportLeavesACompleteFileOrNone()
    {
        const QString db = m_dir.filePath(QStringLiteral("export.sqlite"));
        QCOMPARE(runCli({QStringLiteral("demo"), QStringLiteral("--out"), db, QStringLiteral("--conversations"),
                         QStringLiteral("400"), QStringLiteral("--seed"), QStringLiteral("12")}).exitCode,
                 0);
        // Enough decisions that writing them takes a while.
        QByteArray batch;
        const QByteArray note = "shared a phone number +1 415 555 0132 and jdoe@example.com; " + QByteArray(400, 'n');
        for (int caseId = 1; caseId <= 400; ++caseId)
            batch += "{\"case\":" + QByteArray::number(caseId) + ",\"verdict\":\"allowed\",\"moderator\":\"mei\",\"note\":\""
                + note + "\"}\n";
        runCli({QStringLiteral("decide"), QStringLiteral("--db"), db, QStringLiteral("--batch")}, batch);
        QVERIFY(count(db, QStringLiteral("SELECT COUNT(*) FROM decisions")) > 200);

        const QString folder = m_dir.filePath(QStringLiteral("exports"));
        QVERIFY(QDir().mkpath(folder));
        const QString out = folder + QStringLiteral("/decisions.csv");
        const QStringList exportArguments = {QStringLiteral("export"), QStringLiteral("--db"), db, QStringLiteral("--format"),
                                             QStringLiteral("csv"), QStringLiteral("--out"), out};
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(runCli(exportArguments).exitCode, 0);
        const int fullRunMs = int(qMax<qint64>(timer.elapsed(), 100));
        QVERIFY(QFile::remove(out));

        int interrupted = 0;
        for (int round = 0; round < 15; ++round) {
            const qint64 entriesBefore = count(db, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'export'"));
            if (killAfter(exportArguments, 5 + int(m_random.bounded(fullRunMs))))
                ++interrupted;
            QCOMPARE(integrity(db), QStringLiteral("ok"));
            QCOMPARE(runCli({QStringLiteral("verify-audit"), QStringLiteral("--db"), db}).exitCode, 0);
            // Only the finished file is ever in the folder, and it is the one its audit entry names.
            const QStringList files = QDir(folder).entryList(QDir::Files | QDir::Hidden);
            QVERIFY2(files.isEmpty() || files == QStringList{QStringLiteral("decisions.csv")}, qPrintable(files.join(u',')));
            const qint64 entriesAfter = count(db, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'export'"));
            if (QFile::exists(out)) {
                const QString digest = QString::fromLatin1(fileDigest(out));
                QVERIFY(count(db, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'export' AND details LIKE '%%1%'")
                                      .arg(digest)) >= 1);
                QVERIFY(QFile::remove(out));
            } else {
                QVERIFY(entriesAfter - entriesBefore <= 1);
            }
        }
        QVERIFY2(interrupted >= 5, "most exports finished before they were killed; the test proves little");
    }
};

QTEST_GUILESS_MAIN(TestCrashKill)
#include "tst_crashkill.moc"
