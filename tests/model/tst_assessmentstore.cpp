#include "AssessmentStore.h"
#include "AuditLog.h"
#include "CaseDatabase.h"
#include "CaseImporter.h"
#include "ContactPolicy.h"
#include "DecisionService.h"
#include "Detector.h"
#include "PolicyAssessor.h"
#include "Scanner.h"
#include "TestRecords.h"

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
