#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

// Runs the real contactguard-cli binary, as scripts and the evaluation do.
class TestCliEndToEnd : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    Run run(const QStringList &arguments, const QByteArray &input = {})
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(CONTACTGUARD_BINARY_DIR "/bin/contactguard-cli"), arguments);
        if (!process.waitForStarted())
            return {};
        process.write(input);
        process.closeWriteChannel();
        if (!process.waitForFinished(120000))
            return {};
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
                process.readAllStandardError()};
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void detectFollowsTheContractExample()
    {
        const Run result = run({QStringLiteral("detect")}, R"({"id":"1","text":"call me at +1 415 555 0132"})" "\n");
        QCOMPARE(result.exitCode, 0);
        const QList<QByteArray> lines = result.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 1);
        const QJsonObject line = QJsonDocument::fromJson(lines.constFirst()).object();
        QCOMPARE(line.value(QStringLiteral("id")).toString(), QStringLiteral("1"));
        const QJsonArray spans = line.value(QStringLiteral("spans")).toArray();
        QCOMPARE(spans.size(), 1);
        const QJsonObject span = spans.at(0).toObject();
        QCOMPARE(span.value(QStringLiteral("type")).toString(), QStringLiteral("phone"));
        QCOMPARE(span.value(QStringLiteral("start")).toInt(), 11);
        QCOMPARE(span.value(QStringLiteral("end")).toInt(), 26);
        QCOMPARE(span.value(QStringLiteral("text")).toString(), QStringLiteral("+1 415 555 0132"));
    }

    void detectReportsBadLinesAndGoesOn()
    {
        const Run result = run({QStringLiteral("detect")}, "not json\n{\"id\":\"2\",\"text\":\"mail ana@example.org\"}\n");
        QCOMPARE(result.exitCode, 2);
        const QList<QByteArray> lines = result.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        const QJsonObject error = QJsonDocument::fromJson(lines.at(0)).object();
        QCOMPARE(error.value(QStringLiteral("line")).toInt(), 1);
        QVERIFY(error.contains(QStringLiteral("error")));
        QCOMPARE(QJsonDocument::fromJson(lines.at(1)).object().value(QStringLiteral("id")).toString(), QStringLiteral("2"));
    }

    void demoWritesADatabaseAndNeverOverwrites()
    {
        const QString path = m_dir.filePath(QStringLiteral("demo.sqlite"));
        Run result = run({QStringLiteral("demo"), QStringLiteral("--out"), path, QStringLiteral("--conversations"),
                          QStringLiteral("25"), QStringLiteral("--seed"), QStringLiteral("5")});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QCOMPARE(result.out.trimmed(), QFileInfo(path).absoluteFilePath().toUtf8());
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("e2e"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(QStringLiteral("SELECT COUNT(*) FROM conversations")) && query.next());
            QCOMPARE(query.value(0).toInt(), 25);
            QVERIFY(query.exec(QStringLiteral("SELECT COUNT(*) FROM detections")) && query.next());
            QVERIFY(query.value(0).toInt() > 0);
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("e2e"));

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray before = QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
        file.close();
        result = run({QStringLiteral("demo"), QStringLiteral("--out"), path});
        QCOMPARE(result.exitCode, 1);
        QVERIFY(result.err.contains("already exists"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256), before);

        result = run({QStringLiteral("demo"), QStringLiteral("--out"), path, QStringLiteral("--if-missing")});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.out.trimmed(), QFileInfo(path).absoluteFilePath().toUtf8());
    }

    void demoIsDeterministicForASeed()
    {
        QStringList dumps;
        for (const char *name : {"a.sqlite", "b.sqlite"}) {
            const QString path = m_dir.filePath(QString::fromLatin1(name));
            const Run result = run({QStringLiteral("demo"), QStringLiteral("--out"), path, QStringLiteral("--conversations"),
                                    QStringLiteral("15"), QStringLiteral("--seed"), QStringLiteral("11")});
            QCOMPARE(result.exitCode, 0);
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QString::fromLatin1(name));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(QStringLiteral("SELECT m.external_id, m.sent_at, m.body FROM messages m ORDER BY m.id")));
            QString dump;
            while (query.next())
                dump += query.value(0).toString() + query.value(1).toString() + query.value(2).toString();
            dumps.append(dump);
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("a.sqlite"));
        QSqlDatabase::removeDatabase(QStringLiteral("b.sqlite"));
        QVERIFY(!dumps.at(0).isEmpty());
        QCOMPARE(dumps.at(0), dumps.at(1));
    }

    void demoDefaultsToTheAppDataFolder()
    {
        const Run result = run({QStringLiteral("demo"), QStringLiteral("--conversations"), QStringLiteral("5")});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        const QString expected = m_dir.filePath(QStringLiteral("data/ContactGuard/ContactGuard/demo.sqlite"));
        QCOMPARE(QString::fromUtf8(result.out.trimmed()), expected);
        QVERIFY(QFile::exists(expected));
    }

    void unknownVerbIsAUsageError()
    {
        const Run result = run({QStringLiteral("frobnicate")});
        QCOMPARE(result.exitCode, 1);
        QVERIFY(result.err.contains("unknown verb"));
        QVERIFY(result.err.contains("detect"));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestCliEndToEnd)
#include "tst_cli_e2e.moc"
