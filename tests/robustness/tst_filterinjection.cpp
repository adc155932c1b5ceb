#include "CliHarness.h"

#include "AuditLogModel.h"
#include "CaseDatabase.h"
#include "CaseQueueModel.h"
#include "DecisionLogModel.h"

#include <QTemporaryDir>
#include <QTest>

using namespace cg;
using namespace robustness;

namespace {

// Job titles and moderator names full of SQL and LIKE metacharacters.
const QStringList kHostile = {
    QStringLiteral("100% done"),
    QStringLiteral("a_b"),
    QStringLiteral("back\\slash"),
    QStringLiteral("x' OR '1'='1"),
    QStringLiteral("'; DROP TABLE conversations; --"),
    QStringLiteral("\" OR \"\"=\""),
};

bool waitIdle(const std::function<bool()> &loading)
{
    return QTest::qWaitFor([&loading] { return !loading(); }, 20000);
}

} // namespace

// Every search and filter field of the app's models with hostile text: each finds
// exactly the rows holding that text literally, and the database is left intact.
class TestFilterInjection : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("filters.sqlite"));
        QByteArray input;
        QByteArray decisions;
        for (int i = 0; i < kHostile.size(); ++i) {
            QByteArray hostile = kHostile.at(i).toUtf8();
            hostile.replace("\\", "\\\\").replace("\"", "\\\"");
            input += "{\"id\":\"case-" + QByteArray::number(i) + "\",\"job_title\":\"" + hostile
                + "\",\"context\":{\"phase\":\"messages\"},\"messages\":[{\"id\":\"m\",\"sender\":\"client\","
                  "\"sent_at\":\"2026-05-01T10:00:00Z\",\"text\":\"hi\"}]}\n";
            decisions += "{\"case\":" + QByteArray::number(i + 1) + ",\"verdict\":\"allowed\",\"moderator\":\"" + hostile
                + "\"}\n";
        }
        input += conversationLine("plain", {"hello"});
        QCOMPARE(runCli({QStringLiteral("import"), QStringLiteral("--db"), m_path, QStringLiteral("-")}, input).exitCode, 0);
        const CliRun decided = runCli({QStringLiteral("decide"), QStringLiteral("--db"), m_path, QStringLiteral("--batch")}, decisions);
        QVERIFY2(decided.exitCode == 0, decided.out + decided.err);
        OpenResult result;
        m_db = CaseDatabase::open(m_path, OpenMode::ExistingOnly, &result);
        QVERIFY2(m_db, qPrintable(result.message));
    }

    void cleanupTestCase() { m_db.reset(); }

    void queueSearchMatchesLiterally_data()
    {
        QTest::addColumn<int>("index");
        for (int i = 0; i < kHostile.size(); ++i)
            QTest::addRow("%s", qPrintable(kHostile.at(i))) << i;
    }

    void queueSearchMatchesLiterally()
    {
        QFETCH(int, index);
        CaseQueueModel model;
        model.setDatabase(m_db->connection());
        QueueFilter filter;
        filter.text = kHostile.at(index);
        model.setFilter(filter);
        QVERIFY(waitIdle([&model] { return model.isLoading(); }));
        QVERIFY2(model.lastError().isEmpty(), qPrintable(model.lastError()));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.data(model.index(0, CaseQueueModel::JobColumn)).toString(), kHostile.at(index));
        QCOMPARE(count(m_path, QStringLiteral("SELECT COUNT(*) FROM conversations")), qint64(kHostile.size() + 1));
    }

    void decisionLogModeratorFilterMatchesLiterally_data() { queueSearchMatchesLiterally_data(); }

    void decisionLogModeratorFilterMatchesLiterally()
    {
        QFETCH(int, index);
        DecisionLogModel model;
        model.setDatabase(m_db->connection());
        DecisionLogFilter filter;
        filter.moderator = kHostile.at(index);
        model.setFilter(filter);
        QVERIFY(waitIdle([&model] { return model.isLoading(); }));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.data(model.index(0, DecisionLogModel::ModeratorColumn)).toString(), kHostile.at(index));

        filter.moderator.clear();
        filter.verdict = kHostile.at(index);
        model.setFilter(filter);
        QVERIFY(waitIdle([&model] { return model.isLoading(); }));
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(count(m_path, QStringLiteral("SELECT COUNT(*) FROM decisions")), qint64(kHostile.size()));
    }

    void auditLogActionFilterMatchesLiterally_data() { queueSearchMatchesLiterally_data(); }

    void auditLogActionFilterMatchesLiterally()
    {
        QFETCH(int, index);
        AuditLogModel model;
        model.setDatabase(m_db->connection());
        model.setActionFilter(kHostile.at(index));
        QVERIFY(waitIdle([&model] { return model.isLoading(); }));
        QCOMPARE(model.rowCount(), 0);
        model.setActionFilter(QStringLiteral("decision"));
        QVERIFY(waitIdle([&model] { return model.isLoading(); }));
        QCOMPARE(model.rowCount(), kHostile.size());
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<CaseDatabase> m_db;
};

QTEST_GUILESS_MAIN(TestFilterInjection)
#include "tst_filterinjection.moc"
