#include "AssessmentStore.h"
#include "AuditLog.h"
#include "CaseDatabase.h"
#include "CaseImporter.h"
#include "ContactPolicy.h"
#include "DecisionService.h"
#include "DemoDatabaseWriter.h"
#include "Detector.h"
#include "PolicyAssessor.h"
#include "Scanner.h"
#include "TestRecords.h"

#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace cg;

namespace {
QVariant scalar(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    return query.exec(sql) && query.next() ? query.value(0) : QVariant();
}
} // namespace

class TestAssessmentStore : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        OpenResult result;
        m_db = CaseDatabase::open(m_dir->filePath(QStringLiteral("c.sqlite")), OpenMode::CreateIfMissing, &result);
        QVERIFY2(m_db, qPrintable(result.message));
        CaseImporter importer(m_db->connection(), QStringLiteral("tester"));
        // Same freelancer in both: a decision on one changes the other's penalty.
        const ImportOutcome shared = importer.import(sampleConversation(
            QStringLiteral("shared"), {QStringLiteral("Hi, I can start today."),
                                       QStringLiteral("Text me on +1 415 555 0132 so we can talk about it.")}));
        const ImportOutcome clean = importer.import(sampleConversation(
            QStringLiteral("clean"), {QStringLiteral("Could you send the draft by Friday?"), QStringLiteral("Sure.")}));
        QVERIFY(shared.ok && clean.ok);
        m_shared = shared.conversationId;
        m_clean = clean.conversationId;
        m_policy = ContactPolicy::builtIn().policy;
        QVERIFY(m_policy);
        QVERIFY(Scanner(m_db->connection(), m_detector, QStringLiteral("tester")).scan(ScanScope::Pending, 2).ok);
    }

    void cleanup() { m_db.reset(); }

    void storesSuggestionsOnceAndAudited()
    {
        const PolicyAssessor assessor(m_policy, m_detector);
        AssessmentStore store(m_db->connection(), assessor, QStringLiteral("tester"));
        const AssessOutcome first = store.assessPending(2);
        QVERIFY2(first.ok, qPrintable(first.error));
        QCOMPARE(first.conversationsAssessed, 2);
        const QSqlDatabase db = m_db->connection();
        QCOMPARE(scalar(db, QStringLiteral("SELECT suggested_verdict FROM conversations WHERE id = %1").arg(m_shared)).toString(),
                 QStringLiteral("violation"));
        QCOMPARE(scalar(db, QStringLiteral("SELECT suggested_verdict FROM conversations WHERE id = %1").arg(m_clean)).toString(),
                 QStringLiteral("no_contact"));
        // The likely violation is ranked above the clean case in the queue.
        QVERIFY(scalar(db, QStringLiteral("SELECT risk FROM conversations WHERE id = %1").arg(m_shared)).toDouble()
                > scalar(db, QStringLiteral("SELECT risk FROM conversations WHERE id = %1").arg(m_clean)).toDouble());
        QCOMPARE(scalar(db, QStringLiteral("SELECT recommended_penalty FROM assessments WHERE conversation_id = %1").arg(m_shared)).toString(),
                 QStringLiteral("warning"));
        QVERIFY(scalar(db, QStringLiteral("SELECT evidence FROM assessments WHERE conversation_id = %1").arg(m_shared))
                    .toString().contains(QStringLiteral("\"supports\"")));
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'assess'")).toInt(), 1);
        QVERIFY(AuditLog::verify(db).intact);

        const AssessOutcome again = store.assessPending(2);
        QVERIFY(again.ok);
        QCOMPARE(again.conversationsAssessed, 0);
    }

    void aDecisionAboutThePersonMakesTheirOpenCasesStale()
    {
        const PolicyAssessor assessor(m_policy, m_detector);
        AssessmentStore store(m_db->connection(), assessor, QStringLiteral("tester"));
        QVERIFY(store.assessPending(1).ok);
        DecisionRequest request;
        request.caseId = m_clean;
        request.verdict = QStringLiteral("violation");
        request.penalty = QStringLiteral("warning");
        request.moderator = QStringLiteral("mei");
        QVERIFY(DecisionService(m_db->connection()).record(request).recorded());

        const AssessOutcome redone = store.assessPending(1);
        QVERIFY(redone.ok);
        QCOMPARE(redone.conversationsAssessed, 1); // the shared freelancer's open case
        // One counted violation now: the ladder's next step.
        QCOMPARE(scalar(m_db->connection(),
                        QStringLiteral("SELECT recommended_penalty FROM assessments WHERE conversation_id = %1").arg(m_shared))
                     .toString(),
                 QStringLiteral("badge_loss"));
    }

    void longRunsLetSqliteCheckpoint()
    {
        // A statement left open across batches holds a read snapshot; SQLite then
        // cannot checkpoint past it and the -wal file grows by all the run writes.
        // Mid-run, another connection must be able to checkpoint every frame.
        CaseImporter importer(m_db->connection(), QStringLiteral("tester"));
        QVERIFY(m_db->setBulkLoading(true));
        for (int i = 0; i < 700; ++i) {
            QVERIFY(importer.import(sampleConversation(QStringLiteral("bulk-%1").arg(i),
                                                       {QStringLiteral("call +1 415 555 0132"), QStringLiteral("ok")},
                                                       QStringLiteral("fl-%1").arg(i % 40)))
                        .ok);
        }
        QSqlDatabase probe = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("probe"));
        probe.setDatabaseName(m_db->path());
        QVERIFY(probe.open());
        QStringList blocked;
        const auto checkpointAll = [&probe, &blocked](const QString &when) {
            QSqlQuery query(probe);
            if (!query.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")) || !query.next())
                return;
            if (query.value(1).toInt() != query.value(2).toInt()) // frames in the log, frames checkpointed
                blocked << when;
        };
        QVERIFY(Scanner(m_db->connection(), m_detector, QStringLiteral("tester"))
                    .scan(ScanScope::All, 2, [&](qint64 done, qint64) { checkpointAll(QStringLiteral("scan %1").arg(done)); })
                    .ok);
        const PolicyAssessor assessor(m_policy, m_detector);
        QVERIFY(AssessmentStore(m_db->connection(), assessor, QStringLiteral("tester"))
                    .assessPending(2, [&](qint64 done, qint64) { checkpointAll(QStringLiteral("assess %1").arg(done)); })
                    .ok);
        probe.close();
        probe = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("probe"));
        QVERIFY2(blocked.isEmpty(), qPrintable(blocked.join(QStringLiteral(", "))));
    }

    void buildingADatabaseKeepsTheWriteAheadLogSmall()
    {
        // Every commit lets SQLite checkpoint and restart the -wal file only if no
        // read of the same connection is still open. Watch the file while a demo
        // database is imported, scanned, given its history and assessed.
        const QString path = m_dir->filePath(QStringLiteral("demo.sqlite"));
        const QString wal = path + QStringLiteral(".partial-wal"); // it is built under this name
        qint64 largest = 0;
        QString where;
        DemoOptions options;
        options.conversations = 1500;
        const DemoWriteOutcome written =
            DemoDatabaseWriter::write(path, options, 2, [&](const QString &stage, qint64 done, qint64) {
                const qint64 size = QFileInfo(wal).size();
                if (size > largest) {
                    largest = size;
                    where = QStringLiteral("%1 %2").arg(stage).arg(done);
                }
            });
        QVERIFY2(written.ok, qPrintable(written.error));
        QVERIFY(written.decisions > 200);
        // The checkpoint runs every 1,000 pages (4 MB); a log that restarts stays near it.
        QVERIFY2(largest < 12 * 1024 * 1024,
                 qPrintable(QStringLiteral("the -wal file reached %1 bytes (at %2)").arg(largest).arg(where)));
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CaseDatabase> m_db;
    const Detector m_detector;
    std::shared_ptr<const ContactPolicy> m_policy;
    qint64 m_shared = 0;
    qint64 m_clean = 0;
};

QTEST_GUILESS_MAIN(TestAssessmentStore)
#include "tst_assessmentstore.moc"
