#include "CliHarness.h"

#include <QDirIterator>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>
#include <unistd.h>

using namespace robustness;

// Case databases that are damaged, locked, read-only or on a full disk: every verb
// stops with a message naming the file and what is wrong, never crashes, and leaves
// what was there intact.
class TestHostileDatabase : public QObject
{
    Q_OBJECT

private:
    QString freshDemo(const QString &name, int conversations = 40)
    {
        const QString path = m_dir.filePath(name);
        const CliRun run = runCli({QStringLiteral("demo"), QStringLiteral("--out"), path,
                                   QStringLiteral("--conversations"), QString::number(conversations),
                                   QStringLiteral("--seed"), QStringLiteral("3")});
        return run.exitCode == 0 ? path : QString();
    }

    // Every verb that reads or writes a database, each given `db`.
    QList<QStringList> databaseVerbs(const QString &db)
    {
        return {
            {QStringLiteral("verify-audit"), QStringLiteral("--db"), db},
            {QStringLiteral("scan"), QStringLiteral("--db"), db, QStringLiteral("--all"), QStringLiteral("--threads"), QStringLiteral("1")},
            {QStringLiteral("decide"), QStringLiteral("--db"), db, QStringLiteral("--case"), QStringLiteral("1"),
             QStringLiteral("--verdict"), QStringLiteral("allowed"), QStringLiteral("--moderator"), QStringLiteral("mei")},
            {QStringLiteral("export"), QStringLiteral("--db"), db, QStringLiteral("--format"), QStringLiteral("csv"),
             QStringLiteral("--out"), m_dir.filePath(QStringLiteral("export.csv"))},
            {QStringLiteral("import"), QStringLiteral("--db"), db, QStringLiteral("-")},
        };
    }

    static bool dropsRoot() { return geteuid() == 0; }

    // Root ignores file permissions; read-only cases run the CLI as "nobody" then.
    CliRun runUnprivileged(const QStringList &arguments, const QByteArray &input = {})
    {
        if (!dropsRoot())
            return runCli(arguments, input);
        return runCli(QStringList{QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                                  QStringLiteral("--clear-groups"), cliPath()}
                          + arguments,
                      input, {}, QStringLiteral("setpriv"));
    }

    QTemporaryDir m_dir;

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void damagedDatabaseIsNamedNotUsed_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::newRow("truncated to half") << "truncate-half";
        QTest::newRow("truncated mid-page") << "truncate-odd";
        QTest::newRow("pages overwritten") << "garbage";
        QTest::newRow("header only") << "header-only";
    }

    void damagedDatabaseIsNamedNotUsed()
    {
        QFETCH(QString, damage);
        const QString db = freshDemo(QStringLiteral("damaged-%1.sqlite").arg(damage));
        QVERIFY(!db.isEmpty());
        QFile file(db);
        QVERIFY(file.open(QIODevice::ReadWrite));
        const qint64 size = file.size();
        QVERIFY(size > 64 * 1024);
        if (damage == QLatin1String("truncate-half")) {
            QVERIFY(file.resize(size / 2 / 4096 * 4096));
        } else if (damage == QLatin1String("truncate-odd")) {
            QVERIFY(file.resize(size / 3 + 1234));
        } else if (damage == QLatin1String("header-only")) {
            QVERIFY(file.resize(100));
        } else {
            // Garbage over every page but the first (the schema page stays readable).
            QByteArray garbage(4096, '\0');
            for (int i = 0; i < garbage.size(); ++i)
                garbage[i] = char((i * 131 + 7) & 0xff);
            for (qint64 offset = 4096; offset < size; offset += 4096 * 3) {
                file.seek(offset);
                file.write(garbage);
            }
        }
        file.close();

        const QByteArray before = fileDigest(db);
        bool someVerbRefused = false;
        for (const QStringList &arguments : databaseVerbs(db)) {
            const CliRun run = runCli(arguments, conversationLine("late", {"hello"}));
            QVERIFY2(run.exitCode >= 0, qPrintable(arguments.first() + QStringLiteral(" crashed: ") + QString::fromUtf8(run.err)));
            if (run.exitCode == 0)
                continue; // untouched pages may still serve a verb
            someVerbRefused = true;
            QVERIFY2(run.exitCode == 1 || run.exitCode == 4, qPrintable(arguments.first() + QString::number(run.exitCode)));
            QVERIFY2(run.err.contains(QFileInfo(db).fileName().toUtf8()),
                     qPrintable(arguments.first() + QStringLiteral(": message does not name the file: ") + QString::fromUtf8(run.err)));
            QVERIFY2(QString::fromUtf8(run.err).contains(QRegularExpression(QStringLiteral("damaged|not a database|malformed|corrupt"))),
                     qPrintable(arguments.first() + QStringLiteral(": unclear message: ") + QString::fromUtf8(run.err)));
            if (arguments.first() == QLatin1String("verify-audit"))
                QCOMPARE(fileDigest(db), before); // reading never writes into a damaged file
        }
        QVERIFY(someVerbRefused);
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("export.csv"))));
    }

    void lockedDatabaseWaitsThenSaysSoAndLosesNothing()
    {
        const QString db = freshDemo(QStringLiteral("locked.sqlite"));
        QVERIFY(!db.isEmpty());
        const qint64 decisions = count(db, QStringLiteral("SELECT COUNT(*) FROM decisions"));
        const qint64 conversations = count(db, QStringLiteral("SELECT COUNT(*) FROM conversations"));
        const qint64 caseId = count(db, QStringLiteral("SELECT MIN(id) FROM conversations WHERE status = 'new'"));
        QVERIFY(caseId > 0);
        const QStringList decide = {QStringLiteral("decide"), QStringLiteral("--db"), db, QStringLiteral("--case"),
                                    QString::number(caseId), QStringLiteral("--verdict"), QStringLiteral("allowed"),
                                    QStringLiteral("--moderator"), QStringLiteral("mei"), QStringLiteral("--note"),
                                    QStringLiteral("decided while another program wrote")};
        const QStringList import = {QStringLiteral("import"), QStringLiteral("--db"), db, QStringLiteral("-")};
        const QByteArray conversation = conversationLine("while-locked", {"call me at +1 415 555 0132", "ok"});
        {
            // Another program holds the write lock (and has written, uncommitted).
            QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
            other.setDatabaseName(db);
            QVERIFY(other.open());
            QSqlQuery lock(other);
            QVERIFY2(lock.exec(QStringLiteral("BEGIN IMMEDIATE")), qPrintable(lock.lastError().text()));
            QVERIFY(lock.exec(QStringLiteral("UPDATE conversations SET version = version")));

            const CliRun decided = runCli(decide);
            QCOMPARE(decided.exitCode, 1);
            QVERIFY2(decided.err.contains("locked") && decided.err.contains(QFileInfo(db).fileName().toUtf8()),
                     decided.err.constData());
            const CliRun imported = runCli(import, conversation);
            QVERIFY2(imported.exitCode == 1, imported.err.constData());
            QVERIFY2(imported.err.contains("locked"), imported.err.constData());
            // Reading is not blocked by a writer.
            QCOMPARE(runCli({QStringLiteral("verify-audit"), QStringLiteral("--db"), db}).exitCode, 0);
            QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
            other.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("other"));
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM decisions")), decisions);
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM conversations")), conversations);

        // Once the lock is gone the same commands succeed.
        QCOMPARE(runCli(decide).exitCode, 0);
        QCOMPARE(runCli(import, conversation).exitCode, 0);
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM decisions")), decisions + 1);
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM conversations")), conversations + 1);
        QCOMPARE(integrity(db), QStringLiteral("ok"));
        QCOMPARE(runCli({QStringLiteral("verify-audit"), QStringLiteral("--db"), db}).exitCode, 0);
    }

    void readOnlyDatabaseOrFolderIsRefusedUntouched_data()
    {
        QTest::addColumn<bool>("folderReadOnly");
        QTest::newRow("read-only file") << false;
        QTest::newRow("read-only folder") << true;
    }

    void readOnlyDatabaseOrFolderIsRefusedUntouched()
    {
        QFETCH(bool, folderReadOnly);
        const QString folder = m_dir.filePath(folderReadOnly ? QStringLiteral("ro-folder") : QStringLiteral("ro-file"));
        QVERIFY(QDir().mkpath(folder));
        const QString db = folder + QStringLiteral("/cases.sqlite");
        QVERIFY(QFile::copy(freshDemo(QStringLiteral("ro-source-%1.sqlite").arg(folderReadOnly)), db));
        const auto all = QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther
            | QFileDevice::ExeOwner | QFileDevice::ExeGroup | QFileDevice::ExeOther;
        const auto writable = QFileDevice::WriteOwner | QFileDevice::WriteGroup | QFileDevice::WriteOther;
        // The temporary folder is private to its owner; let "nobody" in.
        QVERIFY(QFile::setPermissions(m_dir.path(), all | QFileDevice::WriteOwner));
        if (folderReadOnly) {
            QVERIFY(QFile::setPermissions(db, QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther | writable));
            QVERIFY(QFile::setPermissions(folder, all));
        } else {
            QVERIFY(QFile::setPermissions(db, QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther));
            QVERIFY(QFile::setPermissions(folder, all | writable));
        }
        const QByteArray before = fileDigest(db);

        const CliRun decided = runUnprivileged({QStringLiteral("decide"), QStringLiteral("--db"), db,
                                                QStringLiteral("--case"), QStringLiteral("1"), QStringLiteral("--verdict"),
                                                QStringLiteral("allowed"), QStringLiteral("--moderator"), QStringLiteral("mei")});
        QCOMPARE(decided.exitCode, 1);
        QVERIFY2(decided.err.contains("read-only") && decided.err.contains("cases.sqlite"), decided.err.constData());
        const CliRun imported = runUnprivileged({QStringLiteral("import"), QStringLiteral("--db"), db, QStringLiteral("-")},
                                                conversationLine("ro", {"hello"}));
        QCOMPARE(imported.exitCode, 1);
        QVERIFY2(imported.err.contains("read-only"), imported.err.constData());
        QCOMPARE(fileDigest(db), before);
        QCOMPARE(QDir(folder).entryList(QDir::Files), QStringList{QStringLiteral("cases.sqlite")});
        QVERIFY(QFile::setPermissions(folder, all | writable));
    }

    void fullDiskDuringExportLeavesNoFile_data()
    {
        QTest::addColumn<QString>("format");
        QTest::newRow("csv") << "csv";
        QTest::newRow("jsonl") << "jsonl";
    }

    void fullDiskDuringExportLeavesNoFile()
    {
        QFETCH(QString, format);
        const QString db = freshDemo(QStringLiteral("full-%1.sqlite").arg(format), 120);
        QVERIFY(!db.isEmpty());
        // Long notes make the export far larger than the space left.
        QByteArray batch;
        const QByteArray note(3000, 'n');
        for (int caseId = 1; caseId <= 120; ++caseId)
            batch += "{\"case\":" + QByteArray::number(caseId) + ",\"verdict\":\"allowed\",\"moderator\":\"mei\",\"note\":\""
                + note + "\"}\n";
        runCli({QStringLiteral("decide"), QStringLiteral("--db"), db, QStringLiteral("--batch")}, batch);
        QVERIFY(count(db, QStringLiteral("SELECT COUNT(*) FROM decisions")) >= 60);
        const qint64 exportEntries = count(db, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'export'"));
        const QString folder = m_dir.filePath(QStringLiteral("full-") + format);
        QVERIFY(QDir().mkpath(folder));
        const QString out = folder + QStringLiteral("/decisions.") + format;

        // The disk fills after 64 KiB: writes beyond it fail (EFBIG) as on a full disk.
        const CliRun run = runCli({QStringLiteral("export"), QStringLiteral("--db"), db, QStringLiteral("--format"), format,
                                   QStringLiteral("--out"), out},
                                  {}, [] {
                                      ::signal(SIGXFSZ, SIG_IGN);
                                      const rlimit limit{64 * 1024, 64 * 1024};
                                      ::setrlimit(RLIMIT_FSIZE, &limit);
                                  });
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QFileInfo(out).fileName().toUtf8()), run.err.constData());
        QVERIFY(!QFile::exists(out));
        QCOMPARE(QDir(folder).entryList(QDir::Files | QDir::Hidden), QStringList());
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'export'")), exportEntries);
        QCOMPARE(runCli({QStringLiteral("verify-audit"), QStringLiteral("--db"), db}).exitCode, 0);

        // With space again the same export succeeds.
        QCOMPARE(runCli({QStringLiteral("export"), QStringLiteral("--db"), db, QStringLiteral("--format"), format,
                         QStringLiteral("--out"), out}).exitCode,
                 0);
        QVERIFY(QFileInfo(out).size() > 64 * 1024);
    }
};

QTEST_GUILESS_MAIN(TestHostileDatabase)
#include "tst_hostiledatabase.moc"
