#include "AuditLog.h"
#include "CaseDatabase.h"
#include "CaseImporter.h"
#include "DecisionService.h"
#include "ModeratorDirectory.h"
#include "TestRecords.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace cg;

namespace {
int count(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toInt();
}
} // namespace

class TestDecisions : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        OpenResult result;
        m_db = CaseDatabase::open(m_dir->filePath(QStringLiteral("cases.sqlite")), OpenMode::CreateIfMissing, &result);
        QVERIFY2(m_db, qPrintable(result.message));
        const ImportOutcome imported = CaseImporter(m_db->connection(), QStringLiteral("tester"))
                                           .import(sampleConversation(QStringLiteral("c1"), {QStringLiteral("hi"),
                                                                                             QStringLiteral("call me")}));
        QVERIFY2(imported.ok, qPrintable(imported.error));
        m_caseId = imported.conversationId;
    }

    void cleanup() { m_db.reset(); }

    void recordsDecisionPenaltyAndAuditTogether()
    {
        DecisionRequest request;
        request.caseId = m_caseId;
        request.verdict = QStringLiteral("violation");
        request.basis = {QStringLiteral("before_contract")};
        request.penalty = QStringLiteral("warning");
        request.moderator = QStringLiteral("jonas");
        request.note = QStringLiteral("Phone number in the first message.");
        request.expectedVersion = 1;
        const DecisionOutcome outcome = DecisionService(m_db->connection()).record(request);
        QVERIFY2(outcome.recorded(), qPrintable(outcome.message));
        QCOMPARE(outcome.caseVersion, 2);

        const QSqlDatabase db = m_db->connection();
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM decisions WHERE verdict = 'violation' AND note LIKE 'Phone%'")), 1);
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM penalties WHERE kind = 'warning'")), 1);
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'decision'")), 1);
        QCOMPARE(count(db, QStringLiteral("SELECT version FROM conversations WHERE id = %1").arg(m_caseId)), 2);
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM conversations WHERE status = 'decided'")), 1);
        QVERIFY(AuditLog::verify(db).intact);
    }

    void failureHalfWayWritesNothing()
    {
        // The audit entry is written last; if it fails, the decision and penalty go too.
        QSqlDatabase db = m_db->connection();
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("CREATE TEMP TRIGGER fail_audit BEFORE INSERT ON audit_log "
                                          "BEGIN SELECT RAISE(ABORT, 'disk full'); END")));
        DecisionRequest request;
        request.caseId = m_caseId;
        request.verdict = QStringLiteral("violation");
        request.penalty = QStringLiteral("warning");
        request.moderator = QStringLiteral("jonas");
        const DecisionOutcome outcome = DecisionService(db).record(request);
        QCOMPARE(outcome.status, DecisionOutcome::Status::Failed);
        QVERIFY2(outcome.message.contains(QStringLiteral("disk full")), qPrintable(outcome.message));
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM decisions")), 0);
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM penalties")), 0);
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM moderators WHERE name = 'jonas'")), 0);
        QCOMPARE(count(db, QStringLiteral("SELECT version FROM conversations WHERE id = %1").arg(m_caseId)), 1);
        QVERIFY(query.exec(QStringLiteral("DROP TRIGGER fail_audit")));
        QVERIFY(DecisionService(db).record(request).recorded());
        QVERIFY(AuditLog::verify(db).intact);
    }

    void staleVersionIsAConflictAndWritesNothing()
    {
        DecisionRequest first;
        first.caseId = m_caseId;
        first.verdict = QStringLiteral("allowed");
        first.moderator = QStringLiteral("mei");
        first.expectedVersion = 1;
        QVERIFY(DecisionService(m_db->connection()).record(first).recorded());

        DecisionRequest stale = first;
        stale.verdict = QStringLiteral("violation");
        stale.moderator = QStringLiteral("jonas");
        const int auditBefore = count(m_db->connection(), QStringLiteral("SELECT COUNT(*) FROM audit_log"));
        const DecisionOutcome outcome = DecisionService(m_db->connection()).record(stale);
        QCOMPARE(outcome.status, DecisionOutcome::Status::Conflict);
        QVERIFY2(outcome.message.contains(QStringLiteral("mei")), qPrintable(outcome.message));
        QVERIFY(outcome.message.contains(QStringLiteral("allowed")));
        QCOMPARE(count(m_db->connection(), QStringLiteral("SELECT COUNT(*) FROM decisions")), 1);
        QCOMPARE(count(m_db->connection(), QStringLiteral("SELECT COUNT(*) FROM audit_log")), auditBefore);
    }

    void invalidRequestsAreRejected_data()
    {
        QTest::addColumn<QString>("verdict");
        QTest::addColumn<QString>("penalty");
        QTest::addColumn<QString>("moderator");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("basis");
        QTest::newRow("unknown basis") << "violation" << "" << "jonas" << "basis \"rude\"" << "rude";
        QTest::newRow("basis of another verdict") << "allowed" << "" << "jonas" << "supports a violation verdict"
                                                  << "before_contract";
        QTest::newRow("unknown verdict") << "guilty" << "" << "jonas" << "verdict \"guilty\"" << "";
        QTest::newRow("unknown penalty") << "violation" << "fine" << "jonas" << "penalty \"fine\"" << "";
        QTest::newRow("penalty without violation") << "allowed" << "warning" << "jonas" << "only with a violation" << "";
        QTest::newRow("no moderator") << "allowed" << "" << " " << "moderator" << "";
    }

    void invalidRequestsAreRejected()
    {
        QFETCH(QString, verdict);
        QFETCH(QString, penalty);
        QFETCH(QString, moderator);
        QFETCH(QString, expected);
        QFETCH(QString, basis);
        DecisionRequest request;
        request.caseId = m_caseId;
        request.verdict = verdict;
        request.penalty = penalty;
        request.moderator = moderator;
        if (!basis.isEmpty())
            request.basis = {basis};
        const DecisionOutcome outcome = DecisionService(m_db->connection()).record(request);
        QCOMPARE(outcome.status, DecisionOutcome::Status::Rejected);
        QVERIFY2(outcome.message.contains(expected), qPrintable(outcome.message));
        QCOMPARE(count(m_db->connection(), QStringLiteral("SELECT COUNT(*) FROM decisions")), 0);
    }

    void traineesDecideOnlyInTraining()
    {
        QSqlDatabase db = m_db->connection();
        QString error;
        QVERIFY(ModeratorDirectory(db).ensure(QStringLiteral("sam"), ModeratorRole::Trainee, &error));
        DecisionRequest request;
        request.caseId = m_caseId;
        request.verdict = QStringLiteral("violation");
        request.moderator = QStringLiteral("sam");
        QCOMPARE(DecisionService(db).record(request).status, DecisionOutcome::Status::Rejected);

        request.training = true;
        const DecisionOutcome practice = DecisionService(db).record(request);
        QVERIFY2(practice.recorded(), qPrintable(practice.message));
        QCOMPARE(count(db, QStringLiteral("SELECT version FROM conversations WHERE id = %1").arg(m_caseId)), 1);
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM decisions WHERE is_training = 1")), 1);
    }

    void decisionsCannotBeEditedFromInside()
    {
        DecisionRequest request;
        request.caseId = m_caseId;
        request.verdict = QStringLiteral("no_contact");
        request.moderator = QStringLiteral("mei");
        QVERIFY(DecisionService(m_db->connection()).record(request).recorded());
        QSqlQuery query(m_db->connection());
        QVERIFY(!query.exec(QStringLiteral("UPDATE decisions SET verdict = 'violation'")));
        QVERIFY(!query.exec(QStringLiteral("DELETE FROM audit_log")));
    }

    void reimportChangesNothing()
    {
        const int auditBefore = count(m_db->connection(), QStringLiteral("SELECT COUNT(*) FROM audit_log"));
        const ImportOutcome again =
            CaseImporter(m_db->connection(), QStringLiteral("tester"))
                .import(sampleConversation(QStringLiteral("c1"), {QStringLiteral("hi"), QStringLiteral("call me")}));
        QVERIFY(again.ok);
        QVERIFY(!again.changed);
        QCOMPARE(count(m_db->connection(), QStringLiteral("SELECT COUNT(*) FROM messages")), 2);
        QCOMPARE(count(m_db->connection(), QStringLiteral("SELECT COUNT(*) FROM audit_log")), auditBefore);
    }

    void importRejectsBadRecords_data()
    {
        QTest::addColumn<QString>("field");
        QTest::newRow("phase") << "context.phase";
        QTest::newRow("contract start") << "context.contract.start";
        QTest::newRow("message sender") << "messages[0].sender";
        QTest::newRow("duplicate message id") << "used twice";
    }

    void importRejectsBadRecords()
    {
        QFETCH(QString, field);
        ConversationRecord record = sampleConversation(QStringLiteral("bad"), {QStringLiteral("a"), QStringLiteral("b")});
        if (field == QLatin1String("context.phase"))
            record.phase = QStringLiteral("negotiation");
        else if (field == QLatin1String("context.contract.start"))
            record.contract.status = QStringLiteral("active");
        else if (field == QLatin1String("messages[0].sender"))
            record.messages[0].sender = QStringLiteral("bot");
        else
            record.messages[1].externalId = record.messages[0].externalId;
        const ImportOutcome outcome = CaseImporter(m_db->connection(), QStringLiteral("tester")).import(record);
        QVERIFY(!outcome.ok);
        QVERIFY2(outcome.error.contains(field), qPrintable(outcome.error));
        QCOMPARE(count(m_db->connection(), QStringLiteral("SELECT COUNT(*) FROM conversations WHERE external_id = 'bad'")), 0);
    }

    void auditChainDetectsTampering_data()
    {
        QTest::addColumn<QString>("tamper");
        QTest::addColumn<QString>("expected");
        QTest::newRow("edited") << "UPDATE audit_log SET actor = 'mallory' WHERE seq = 2" << "entry 2 was edited";
        QTest::newRow("deleted") << "DELETE FROM audit_log WHERE seq = 2" << "entry 2 is missing";
        QTest::newRow("reordered") << "UPDATE audit_log SET seq = seq + 100 WHERE seq = 1" << "does not follow";
    }

    void auditChainDetectsTampering()
    {
        QFETCH(QString, tamper);
        QFETCH(QString, expected);
        for (const char *verdict : {"allowed", "violation"}) {
            DecisionRequest request;
            request.caseId = m_caseId;
            request.verdict = QString::fromLatin1(verdict);
            request.moderator = QStringLiteral("mei");
            QVERIFY(DecisionService(m_db->connection()).record(request).recorded());
        }
        QSqlDatabase db = m_db->connection();
        QVERIFY(AuditLog::verify(db).intact);
        QSqlQuery query(db);
        // What someone with the sqlite3 shell would do: drop the guard, then edit.
        QVERIFY(query.exec(QStringLiteral("DROP TRIGGER audit_log_append_only_update")));
        QVERIFY(query.exec(QStringLiteral("DROP TRIGGER audit_log_append_only_delete")));
        QVERIFY(query.exec(tamper));
        const AuditVerification verification = AuditLog::verify(db);
        QVERIFY(!verification.intact);
        QVERIFY2(verification.problem.contains(expected), qPrintable(verification.problem));
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CaseDatabase> m_db;
    qint64 m_caseId = 0;
};

QTEST_GUILESS_MAIN(TestDecisions)
#include "tst_decisions.moc"
