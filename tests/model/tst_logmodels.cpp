#include "AuditLogModel.h"
#include "CaseDatabase.h"
#include "DecisionLogModel.h"
#include "DemoDatabaseWriter.h"

#include <QAbstractItemModelTester>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace cg;

namespace {

bool loadAll(LogTableModel &model)
{
    if (!QTest::qWaitFor([&model] { return !model.isLoading(); }, 20000))
        return false;
    while (model.canFetchMore({})) {
        model.fetchMore({});
        if (!QTest::qWaitFor([&model] { return !model.isLoading(); }, 20000))
            return false;
    }
    return true;
}

int scalar(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    return query.exec(sql) && query.next() ? query.value(0).toInt() : -1;
}

} // namespace

class TestLogModels : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        DemoOptions options;
        options.conversations = 1200; // enough decisions for several pages
        options.seed = 4;
        const QString path = m_dir.filePath(QStringLiteral("demo.sqlite"));
        const DemoWriteOutcome written = DemoDatabaseWriter::write(path, options, 2);
        QVERIFY2(written.ok, qPrintable(written.error));
        QVERIFY(written.decisions > LogTableModel::kPageSize);
        OpenResult result;
        m_db = CaseDatabase::open(path, OpenMode::ExistingOnly, &result);
        QVERIFY2(m_db, qPrintable(result.message));
        // A lead's reversal of the newest violation: a new decision pointing at the old one.
        QSqlQuery query(m_db->connection());
        QVERIFY(query.exec(QStringLiteral(
            "INSERT INTO decisions (conversation_id, subject_id, moderator_id, verdict, basis, note, decided_at, "
            "case_version, reverses_decision_id) SELECT conversation_id, subject_id, moderator_id, 'allowed', '', "
            "'overturned', '2026-11-02T10:00:00Z', case_version + 1, id FROM decisions WHERE verdict = 'violation' "
            "ORDER BY id DESC LIMIT 1")));
        m_reversed = scalar(m_db->connection(), QStringLiteral("SELECT reverses_decision_id FROM decisions ORDER BY id DESC LIMIT 1"));
    }

    void cleanupTestCase() { m_db.reset(); }

    void pagesInEveryDecisionNewestFirst()
    {
        DecisionLogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        tester.setUseFetchMore(false);
        model.setDatabase(m_db->connection());
        QVERIFY(loadAll(model));
        QCOMPARE(model.rowCount(), scalar(m_db->connection(), QStringLiteral("SELECT COUNT(*) FROM decisions WHERE is_training = 0")));
        for (int row = 1; row < model.rowCount(); ++row)
            QVERIFY(model.index(row - 1, 0).data(LogTableModel::IdRole).toLongLong()
                    > model.index(row, 0).data(LogTableModel::IdRole).toLongLong());
    }

    void showsReversalsBothWays()
    {
        DecisionLogModel model;
        model.setDatabase(m_db->connection());
        QVERIFY(loadAll(model));
        const QModelIndex newest = model.index(0, DecisionLogModel::ReversalColumn);
        QCOMPARE(newest.data().toString(), QStringLiteral("reverses %1").arg(m_reversed));
        for (int row = 0; row < model.rowCount(); ++row) {
            if (model.index(row, 0).data(LogTableModel::IdRole).toInt() != m_reversed)
                continue;
            QVERIFY(model.index(row, DecisionLogModel::ReversalColumn).data().toString().startsWith(QStringLiteral("reversed by")));
            QVERIFY(model.index(row, DecisionLogModel::VerdictColumn).data(DecisionLogModel::ReversedRole).toBool());
            return;
        }
        QFAIL("the reversed decision is not in the log");
    }

    void filtersInSql_data()
    {
        QTest::addColumn<QString>("moderator");
        QTest::addColumn<QString>("verdict");
        QTest::addColumn<QDate>("from");
        QTest::addColumn<QDate>("to");
        QTest::addColumn<QString>("where");
        QTest::newRow("verdict") << "" << "violation" << QDate() << QDate() << "d.verdict = 'violation'";
        QTest::newRow("moderator") << "mei" << "" << QDate() << QDate() << "m.name = 'mei'";
        QTest::newRow("date range") << "" << "" << QDate(2026, 6, 1) << QDate(2026, 8, 31)
                                    << "d.decided_at >= '2026-06-01' AND d.decided_at < '2026-09-01'";
        QTest::newRow("injection") << "x' OR '1'='1" << "" << QDate() << QDate() << "0 = 1";
    }

    void filtersInSql()
    {
        QFETCH(QString, moderator);
        QFETCH(QString, verdict);
        QFETCH(QDate, from);
        QFETCH(QDate, to);
        QFETCH(QString, where);
        DecisionLogModel model;
        model.setDatabase(m_db->connection());
        model.setFilter({moderator, verdict, from, to, false});
        QVERIFY(loadAll(model));
        const int expected = scalar(m_db->connection(),
                                    QStringLiteral("SELECT COUNT(*) FROM decisions d JOIN moderators m ON m.id = d.moderator_id "
                                                   "WHERE d.is_training = 0 AND ") + where);
        QCOMPARE(model.rowCount(), expected);
    }

    void auditLogFiltersByAction()
    {
        AuditLogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        tester.setUseFetchMore(false);
        model.setDatabase(m_db->connection());
        model.setActionFilter(QStringLiteral("decision"));
        QVERIFY(loadAll(model));
        QCOMPARE(model.rowCount(), scalar(m_db->connection(), QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'decision'")));
        QVERIFY(model.rowCount() > 0);
        QCOMPARE(model.index(0, 3).data().toString(), QStringLiteral("decision"));
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<CaseDatabase> m_db;
    int m_reversed = 0;
};

QTEST_GUILESS_MAIN(TestLogModels)
#include "tst_logmodels.moc"
