#include "CaseDatabase.h"
#include "Migrations.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace cg;

namespace {

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

// Makes an SQLite file with the given header values using a plain connection.
void writeForeignDatabase(const QString &path, int userVersion, int applicationId, bool withTable)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("foreign"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery query(db);
        if (withTable)
            QVERIFY(query.exec(QStringLiteral("CREATE TABLE notes (body TEXT)")));
        QVERIFY(query.exec(QStringLiteral("PRAGMA user_version = %1").arg(userVersion)));
        QVERIFY(query.exec(QStringLiteral("PRAGMA application_id = %1").arg(applicationId)));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("foreign"));
}

// The permission bits of `path`, e.g. 0600; -1 when it does not exist.
int modeOf(const QString &path)
{
    struct stat status = {};
    if (::stat(QFile::encodeName(path).constData(), &status) != 0)
        return -1;
    return int(status.st_mode & 07777);
}

// Sets the process umask for one scope.
class UmaskScope
{
public:
    explicit UmaskScope(mode_t mask) : m_previous(::umask(mask)) {}
    ~UmaskScope() { ::umask(m_previous); }

private:
    mode_t m_previous;
};

} // namespace

class TestCaseDatabase : public QObject
{
    Q_OBJECT

private slots:
    void init() { QVERIFY(m_dir.isValid()); }

    void createsSchemaAtLatestVersion()
    {
        const QString path = m_dir.filePath(QStringLiteral("new.sqlite"));
        OpenResult result;
        auto db = CaseDatabase::open(path, OpenMode::CreateIfMissing, &result);
        QVERIFY2(db, qPrintable(result.message));
        QCOMPARE(db->schemaVersion(), Migrations::latestVersion());
        QSqlQuery query(db->connection());
        QVERIFY(query.exec(QStringLiteral("PRAGMA foreign_keys")) && query.next());
        QCOMPARE(query.value(0).toInt(), 1);
        QVERIFY(query.exec(QStringLiteral("PRAGMA journal_mode")) && query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("wal"));
        for (const char *table : {"moderators", "people", "conversations", "contracts", "messages", "detections",
                                  "assessments", "decisions", "penalties", "audit_log"}) {
            QVERIFY2(db->connection().tables().contains(QString::fromLatin1(table)), table);
        }
    }

    void reopensWithoutMigratingAgain()
    {
        const QString path = m_dir.filePath(QStringLiteral("again.sqlite"));
        QVERIFY(CaseDatabase::open(path, OpenMode::CreateIfMissing, nullptr));
        OpenResult result;
        auto db = CaseDatabase::open(path, OpenMode::ExistingOnly, &result);
        QVERIFY2(db, qPrintable(result.message));
        QCOMPARE(db->schemaVersion(), Migrations::latestVersion());
    }

    void rolesAreConstrained()
    {
        auto db = CaseDatabase::open(m_dir.filePath(QStringLiteral("roles.sqlite")), OpenMode::CreateIfMissing, nullptr);
        QVERIFY(db);
        QSqlQuery query(db->connection());
        for (const char *role : {"trainee", "moderator", "lead", "admin"}) {
            QVERIFY(query.exec(QStringLiteral("INSERT INTO moderators (name, role, created_at) VALUES ('%1', '%1', 'now')")
                                   .arg(QString::fromLatin1(role))));
        }
        QVERIFY(!query.exec(QStringLiteral("INSERT INTO moderators (name, role, created_at) VALUES ('x', 'owner', 'now')")));
    }

    void refusesMissingFile()
    {
        OpenResult result;
        QVERIFY(!CaseDatabase::open(m_dir.filePath(QStringLiteral("absent.sqlite")), OpenMode::ExistingOnly, &result));
        QCOMPARE(result.error, OpenError::NotFound);
        QVERIFY(result.message.contains(QStringLiteral("absent.sqlite")));
    }

    void refusesTextFileUntouched()
    {
        const QString path = m_dir.filePath(QStringLiteral("notes.txt"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("These are my notes, not a database.\n");
        file.close();
        const QByteArray before = fileHash(path);
        OpenResult result;
        QVERIFY(!CaseDatabase::open(path, OpenMode::ExistingOnly, &result));
        QCOMPARE(result.error, OpenError::NotADatabase);
        QVERIFY(result.message.contains(path));
        QCOMPARE(fileHash(path), before);
    }

    void refusesOtherProgramsDatabase()
    {
        const QString path = m_dir.filePath(QStringLiteral("other.sqlite"));
        writeForeignDatabase(path, 3, 0, true);
        OpenResult result;
        QVERIFY(!CaseDatabase::open(path, OpenMode::ExistingOnly, &result));
        QCOMPARE(result.error, OpenError::NotACaseDatabase);
    }

    void refusesNewerSchemaUntouched()
    {
        const QString path = m_dir.filePath(QStringLiteral("future.sqlite"));
        writeForeignDatabase(path, Migrations::latestVersion() + 1, CaseDatabase::kApplicationId, true);
        const QByteArray before = fileHash(path);
        OpenResult result;
        QVERIFY(!CaseDatabase::open(path, OpenMode::ExistingOnly, &result));
        QCOMPARE(result.error, OpenError::TooNew);
        QVERIFY(result.message.contains(QStringLiteral("newer version")));
        QCOMPARE(fileHash(path), before);
    }

    void newFileIsPrivateWhateverTheUmask_data()
    {
        QTest::addColumn<int>("mask");
        QTest::newRow("umask 022") << 022;
        QTest::newRow("umask 000") << 0;
        QTest::newRow("umask 277") << 0277; // would leave the owner unable to write
    }

    // Moderation data is evidence about people: only its owner reads a new database,
    // its write-ahead log and shared memory file, and its rollback journal.
    void newFileIsPrivateWhateverTheUmask()
    {
        QFETCH(int, mask);
        const QString path = m_dir.filePath(QStringLiteral("private-%1.sqlite").arg(mask, 3, 8, QLatin1Char('0')));
        const UmaskScope umaskScope{mode_t(mask)};
        {
            OpenResult result;
            auto db = CaseDatabase::open(path, OpenMode::CreateIfMissing, &result);
            QVERIFY2(db, qPrintable(result.message));
            QSqlQuery query(db->connection());
            QVERIFY(query.exec(QStringLiteral("INSERT INTO moderators (name, role, created_at) VALUES ('mei', 'moderator', '2026-05-01T10:00:00Z')")));
            QCOMPARE(modeOf(path), 0600);
            QCOMPARE(modeOf(path + QStringLiteral("-wal")), 0600);
            QCOMPARE(modeOf(path + QStringLiteral("-shm")), 0600);
        }
        {
            // A rollback journal (journal_mode DELETE, as another program may set) too.
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("journal"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(QStringLiteral("PRAGMA journal_mode = DELETE")) && query.next());
            QCOMPARE(query.value(0).toString(), QStringLiteral("delete"));
            QVERIFY(query.exec(QStringLiteral("BEGIN")));
            QVERIFY(query.exec(QStringLiteral("UPDATE moderators SET role = 'lead'")));
            QCOMPARE(modeOf(path + QStringLiteral("-journal")), 0600);
            QVERIFY(query.exec(QStringLiteral("ROLLBACK")));
            query.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("journal"));
        QCOMPARE(modeOf(path), 0600);
    }

    void existingFileKeepsItsPermissions()
    {
        // An empty file someone made for the team to share: opening it creates the schema
        // but leaves the permissions they chose.
        const QString path = m_dir.filePath(QStringLiteral("shared.sqlite"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
        QVERIFY(::chmod(QFile::encodeName(path).constData(), 0640) == 0);
        OpenResult result;
        auto db = CaseDatabase::open(path, OpenMode::CreateIfMissing, &result);
        QVERIFY2(db, qPrintable(result.message));
        QCOMPARE(db->schemaVersion(), Migrations::latestVersion());
        QCOMPARE(modeOf(path), 0640);
        QCOMPARE(modeOf(path + QStringLiteral("-wal")), 0640);
    }

    void refusesFolder()
    {
        OpenResult result;
        QVERIFY(!CaseDatabase::open(m_dir.path(), OpenMode::ExistingOnly, &result));
        QCOMPARE(result.error, OpenError::NotADatabase);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestCaseDatabase)
#include "tst_casedatabase.moc"
