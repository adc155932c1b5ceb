#include "AuditLog.h"
#include "CaseDatabase.h"
#include "DecisionService.h"
#include "Migrations.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace cg;

namespace {

qint64 scalar(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

bool hasColumn(const QSqlDatabase &db, const QString &table, const QString &column)
{
    return db.record(table).contains(column);
}

// Builds a database of schema `version` with the SQL of that version's migrations
// (the fixture generator): a plain connection, the CGDB mark, migrations 1..version.
QString makeDatabaseAtVersion(const QString &path, int version, const QStringList &extraSql = {})
{
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("fixture"));
        db.setDatabaseName(path);
        if (!db.open())
            return QStringLiteral("cannot create %1").arg(path);
        QSqlQuery query(db);
        query.exec(QStringLiteral("PRAGMA application_id = %1").arg(CaseDatabase::kApplicationId));
        error = Migrations::migrate(db, version);
        for (const QString &sql : extraSql) {
            if (error.isEmpty() && !query.exec(sql))
                error = sql;
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("fixture"));
    return error;
}

} // namespace

class TestMigrations : public QObject
{
    Q_OBJECT

private slots:
    void init() { m_dir = std::make_unique<QTemporaryDir>(); }

    // tests/model/fixtures/schema-v1.sqlite was written by ContactGuard at schema 1
    // (see tests/model/fixtures/README.md): real data, decisions and a penalty.
    void upgradesTheVersion1Fixture()
    {
        const QString path = m_dir->filePath(QStringLiteral("v1.sqlite"));
        QVERIFY(QFile::copy(QStringLiteral(CONTACTGUARD_SOURCE_DIR "/tests/model/fixtures/schema-v1.sqlite"), path));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        OpenResult result;
        auto database = CaseDatabase::open(path, OpenMode::ExistingOnly, &result);
        QVERIFY2(database, qPrintable(result.message));
        QSqlDatabase db = database->connection();
        QCOMPARE(database->schemaVersion(), Migrations::latestVersion());
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM conversations")), 8);
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM decisions")), 4);
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM penalties")), 2);
        QCOMPARE(scalar(db, QStringLiteral("SELECT seq FROM audit_head")),
                 scalar(db, QStringLiteral("SELECT MAX(seq) FROM audit_log")));
        QVERIFY(hasColumn(db, QStringLiteral("penalties"), QStringLiteral("lifted_at")));
        QVERIFY(hasColumn(db, QStringLiteral("conversations"), QStringLiteral("assessed_with")));
        const AuditVerification verification = AuditLog::verify(db);
        QVERIFY2(verification.intact, qPrintable(verification.problem));
        QCOMPARE(verification.decisions, 4);

        // The new schema works on the old data: a lead reverses an old penalty decision.
        QSqlQuery lead(db);
        QVERIFY(lead.exec(QStringLiteral("SELECT name FROM moderators WHERE role = 'lead'")) && lead.next());
        const qint64 penalised = scalar(db, QStringLiteral("SELECT decision_id FROM penalties ORDER BY id LIMIT 1"));
        const DecisionOutcome reversal =
            DecisionService(db).reverse({penalised, lead.value(0).toString(), QStringLiteral("appeal upheld")});
        QVERIFY2(reversal.recorded(), qPrintable(reversal.message));
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM penalties WHERE lifted_at IS NOT NULL")), 1);
        QVERIFY(AuditLog::verify(db).intact);
    }

    void upgradesAGeneratedVersion1Database()
    {
        const QString path = m_dir->filePath(QStringLiteral("gen1.sqlite"));
        QCOMPARE(makeDatabaseAtVersion(path, 1,
                                       {QStringLiteral("INSERT INTO moderators (name, role, created_at) VALUES "
                                                       "('mei', 'moderator', '2026-01-01T00:00:00Z')")}),
                 QString());
        OpenResult result;
        auto database = CaseDatabase::open(path, OpenMode::ExistingOnly, &result);
        QVERIFY2(database, qPrintable(result.message));
        QCOMPARE(database->schemaVersion(), 2);
        QCOMPARE(scalar(database->connection(), QStringLiteral("SELECT COUNT(*) FROM moderators")), 1);
        // An empty log has no head yet.
        QCOMPARE(scalar(database->connection(), QStringLiteral("SELECT COUNT(*) FROM audit_head")), 0);
        QVERIFY(AuditLog::verify(database->connection()).intact);
    }

    void failedMigrationKeepsThePreviousVersion()
    {
        // A table in the way makes migration 2 fail half-way: none of it may stay.
        const QString path = m_dir->filePath(QStringLiteral("blocked.sqlite"));
        QCOMPARE(makeDatabaseAtVersion(path, 1, {QStringLiteral("CREATE TABLE audit_head (x INTEGER)")}), QString());
        OpenResult result;
        QVERIFY(!CaseDatabase::open(path, OpenMode::ExistingOnly, &result));
        QVERIFY2(result.message.contains(QStringLiteral("Migration 2")), qPrintable(result.message));
        QVERIFY(result.message.contains(QStringLiteral("rolled back")));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QCOMPARE(Migrations::currentVersion(db), 1);
            QVERIFY(!hasColumn(db, QStringLiteral("penalties"), QStringLiteral("lifted_at")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("check"));
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
