#include "CaseDatabase.h"
#include "CaseQueueModel.h"
#include "DemoDatabaseWriter.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace cg;

namespace {

// Queries run on a worker thread; these wait for them the way a view would.
bool waitLoaded(CaseQueueModel &model)
{
    return QTest::qWaitFor([&model] { return !model.isLoading(); }, 20000);
}

QueueFilter statusFilter(const QString &status)
{
    QueueFilter filter;
    filter.statuses = {status};
    return filter;
}

QueueFilter textFilter(const QString &text)
{
    QueueFilter filter;
    filter.text = text;
    return filter;
}

bool fetchAll(CaseQueueModel &model)
{
    if (!waitLoaded(model))
        return false;
    while (model.canFetchMore({})) {
        model.fetchMore({});
        if (!waitLoaded(model))
            return false;
    }
    return true;
}

} // namespace

class TestCaseQueueModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        DemoOptions options;
        options.conversations = 450; // more than two pages
        options.seed = 7;
        const DemoWriteOutcome written = DemoDatabaseWriter::write(m_dir.filePath(QStringLiteral("demo.sqlite")), options, 2);
        QVERIFY2(written.ok, qPrintable(written.error));
        OpenResult result;
        m_db = CaseDatabase::open(m_dir.filePath(QStringLiteral("demo.sqlite")), OpenMode::ExistingOnly, &result);
        QVERIFY2(m_db, qPrintable(result.message));
    }

    void cleanupTestCase() { m_db.reset(); }

    void pagesInEveryCaseOnce()
    {
        CaseQueueModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        tester.setUseFetchMore(false); // paging is driven (and checked) by the test
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.setDatabase(m_db->connection());
        QVERIFY(waitLoaded(model));
        QCOMPARE(model.rowCount(), CaseQueueModel::kPageSize);
        QVERIFY(model.canFetchMore({}));
        QVERIFY(fetchAll(model));
        QCOMPARE(model.rowCount(), 450);
        QCOMPARE(inserted.count(), 3); // three pages
        QSet<qint64> ids;
        for (int row = 0; row < model.rowCount(); ++row)
            ids.insert(model.caseIdAt(row));
        QCOMPARE(ids.size(), 450);
    }

    void sortsEveryColumnLikeSql_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("order");
        for (int column = 0; column < CaseQueueModel::ColumnCount; ++column) {
            for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                QTest::addRow("column %d %s", column, order == Qt::AscendingOrder ? "asc" : "desc")
                    << column << int(order);
            }
        }
    }

    void sortsEveryColumnLikeSql()
    {
        QFETCH(int, column);
        QFETCH(int, order);
        CaseQueueModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        tester.setUseFetchMore(false); // paging is driven (and checked) by the test
        model.setDatabase(m_db->connection());
        model.sort(column, Qt::SortOrder(order));
        QVERIFY(fetchAll(model));
        QCOMPARE(model.rowCount(), 450);
        // Keyset paging must neither skip nor repeat rows, and must keep the order.
        QSet<qint64> ids;
        for (int row = 0; row < model.rowCount(); ++row) {
            ids.insert(model.caseIdAt(row));
            if (row == 0)
                continue;
            const QVariant previous = model.index(row - 1, column).data(CaseQueueModel::RawValueRole);
            const QVariant current = model.index(row, column).data(CaseQueueModel::RawValueRole);
            const int cmp = QVariant::compare(previous, current) == QPartialOrdering::Less ? -1
                : QVariant::compare(previous, current) == QPartialOrdering::Greater   ? 1
                                                                                       : 0;
            if (order == Qt::AscendingOrder)
                QVERIFY2(cmp <= 0, qPrintable(QStringLiteral("row %1 out of order").arg(row)));
            else
                QVERIFY2(cmp >= 0, qPrintable(QStringLiteral("row %1 out of order").arg(row)));
        }
        QCOMPARE(ids.size(), 450);
    }

    void filtersByStatusInSql()
    {
        CaseQueueModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        tester.setUseFetchMore(false); // paging is driven (and checked) by the test
        model.setDatabase(m_db->connection());
        model.setFilter(statusFilter(QStringLiteral("decided")));
        QVERIFY(fetchAll(model));
        QSqlQuery query(m_db->connection());
        QVERIFY(query.exec(QStringLiteral("SELECT COUNT(*) FROM conversations WHERE status = 'decided'")) && query.next());
        QVERIFY(query.value(0).toInt() > 0);
        QCOMPARE(model.rowCount(), query.value(0).toInt());
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.index(row, 0).data(CaseQueueModel::StatusNameRole).toString(), QStringLiteral("decided"));
    }

    void filtersByDetailSuggestionAssigneeAndDate_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("suggested");
        QTest::addColumn<QString>("assignee");
        QTest::addColumn<QDate>("from");
        QTest::addColumn<QDate>("to");
        QTest::addColumn<QString>("where");
        QTest::newRow("e-mail found") << "email" << "" << "" << QDate() << QDate()
                                      << "(',' || contact_types || ',') LIKE '%,email,%'";
        QTest::newRow("contact request found") << "contact_request" << "" << "" << QDate() << QDate()
                                               << "(',' || contact_types || ',') LIKE '%,contact_request,%'";
        QTest::newRow("suggested violation") << "" << "violation" << "" << QDate() << QDate()
                                             << "suggested_verdict = 'violation'";
        QTest::newRow("flagged in October") << "" << "" << "" << QDate(2026, 10, 1) << QDate(2026, 10, 31)
                                            << "flagged_at >= '2026-10-01' AND flagged_at < '2026-11-01'";
        QTest::newRow("phone and violation") << "phone" << "violation" << "" << QDate() << QDate()
                                             << "(',' || contact_types || ',') LIKE '%,phone,%' AND suggested_verdict = 'violation'";
        QTest::newRow("nobody's assigned") << "" << "" << "jonas" << QDate() << QDate() << "assignee_id IS NOT NULL";
    }

    void filtersByDetailSuggestionAssigneeAndDate()
    {
        QFETCH(QString, type);
        QFETCH(QString, suggested);
        QFETCH(QString, assignee);
        QFETCH(QDate, from);
        QFETCH(QDate, to);
        QFETCH(QString, where);
        QueueFilter filter;
        filter.contactType = type;
        filter.suggested = suggested;
        filter.assignee = assignee;
        filter.flaggedFrom = from;
        filter.flaggedTo = to;
        CaseQueueModel model;
        model.setDatabase(m_db->connection());
        model.setFilter(filter);
        QVERIFY(fetchAll(model));
        QVERIFY2(model.lastError().isEmpty(), qPrintable(model.lastError()));
        QSqlQuery query(m_db->connection());
        QVERIFY(query.exec(QStringLiteral("SELECT COUNT(*) FROM conversations WHERE ") + where) && query.next());
        QCOMPARE(model.rowCount(), query.value(0).toInt());
    }

    void searchesTextSafely_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("expectRows");
        QTest::newRow("case id") << "demo-0001" << true;
        QTest::newRow("injection") << "x' OR '1'='1" << false;
        QTest::newRow("like wildcards") << "%_%" << false;
        QTest::newRow("statement") << "'; DROP TABLE conversations; --" << false;
    }

    void searchesTextSafely()
    {
        QFETCH(QString, text);
        QFETCH(bool, expectRows);
        CaseQueueModel model;
        model.setDatabase(m_db->connection());
        model.setFilter(textFilter(text));
        QVERIFY(waitLoaded(model));
        QVERIFY2(model.lastError().isEmpty(), qPrintable(model.lastError()));
        QCOMPARE(model.rowCount() > 0, expectRows);
        QVERIFY(m_db->connection().tables().contains(QStringLiteral("conversations")));
    }

    void refreshesOneCaseInPlace()
    {
        CaseQueueModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        tester.setUseFetchMore(false); // paging is driven (and checked) by the test
        model.setDatabase(m_db->connection());
        QVERIFY(waitLoaded(model));
        const qint64 caseId = model.caseIdAt(3);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.refreshCase(caseId);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.rowOfCase(caseId), 3);
    }

    void loadsOffTheCallingThread()
    {
        CaseQueueModel model;
        QSignalSpy loading(&model, &CaseQueueModel::loadingChanged);
        model.setDatabase(m_db->connection());
        // Nothing was read on this thread: the rows arrive later through the event loop.
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.isLoading());
        QVERIFY(waitLoaded(model));
        QCOMPARE(model.rowCount(), CaseQueueModel::kPageSize);
        QCOMPARE(loading.count(), 2);
    }

    void dropsResultsOfSupersededQueries()
    {
        CaseQueueModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        tester.setUseFetchMore(false);
        model.setDatabase(m_db->connection());
        model.setFilter(statusFilter(QStringLiteral("new")));
        model.setFilter(statusFilter(QStringLiteral("decided"))); // before the first results arrive
        QVERIFY(fetchAll(model));
        QVERIFY(model.rowCount() > 0);
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.index(row, 0).data(CaseQueueModel::StatusNameRole).toString(), QStringLiteral("decided"));
    }

    void countsCasesPerStatus()
    {
        CaseQueueModel model;
        QSignalSpy counted(&model, &CaseQueueModel::statusCountsChanged);
        model.setDatabase(m_db->connection());
        QVERIFY(counted.wait(20000));
        const QMap<QString, int> counts = model.statusCounts();
        int total = 0;
        for (int count : counts)
            total += count;
        QCOMPARE(total, 450);
        QVERIFY(counts.value(QStringLiteral("decided")) > 0);
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<CaseDatabase> m_db;
};

QTEST_GUILESS_MAIN(TestCaseQueueModel)
#include "tst_casequeuemodel.moc"
