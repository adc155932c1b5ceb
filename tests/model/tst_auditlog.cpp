#include "AuditLog.h"
#include "CaseDatabase.h"
#include "CaseImporter.h"
#include "DecisionService.h"
#include "ModeratorDirectory.h"
#include "SqlTransaction.h"
#include "TestRecords.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace cg;

// Test tables list SQL and fields as plain literals (QT_NO_CAST_FROM_ASCII is on).
inline QStringList strings(std::initializer_list<const char *> items)
{
    QStringList list;
    for (const char *item : items)
        list.append(QString::fromUtf8(item));
    return list;
}

// The audit chain and the decisions cross-check catch each kind of tampering done
// from outside the program (the sqlite3 shell, with the guard triggers dropped).
class TestAuditLog : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        OpenResult result;
        m_db = CaseDatabase::open(m_dir->filePath(QStringLiteral("audit.sqlite")), OpenMode::CreateIfMissing, &result);
        QVERIFY2(m_db, qPrintable(result.message));
        QSqlDatabase db = m_db->connection();
        // Entries 1-2: imports; 3-5: decisions 1-3 (decision 3 reverses decision 1 on case 1).
        qint64 caseIds[2] = {};
        for (int i = 0; i < 2; ++i) {
            const ImportOutcome imported = CaseImporter(db, QStringLiteral("tester"))
                                               .import(sampleConversation(QStringLiteral("c%1").arg(i), {QStringLiteral("hi")}));
            QVERIFY(imported.ok);
            caseIds[i] = imported.conversationId;
        }
        for (const qint64 caseId : caseIds) {
            DecisionRequest request;
            request.caseId = caseId;
            request.verdict = QStringLiteral("violation");
            request.penalty = QStringLiteral("warning");
            request.moderator = QStringLiteral("mei");
            QVERIFY(DecisionService(db).record(request).recorded());
        }
        {
            SqlTransaction transaction(db);
            QString error;
            QVERIFY(ModeratorDirectory(db).ensure(QStringLiteral("amara"), ModeratorRole::Lead, &error));
            QVERIFY(transaction.commit());
        }
        const DecisionOutcome reversal = DecisionService(db).reverse({1, QStringLiteral("amara"), QStringLiteral("appeal")});
        QVERIFY2(reversal.recorded(), qPrintable(reversal.message));
        const AuditVerification clean = AuditLog::verify(db);
        QVERIFY2(clean.intact, qPrintable(clean.problem));
        QCOMPARE(clean.entries, 5);
        QCOMPARE(clean.decisions, 3);
        QSqlQuery query(db);
        for (const char *trigger : {"audit_log_append_only_update", "audit_log_append_only_delete",
                                    "decisions_append_only_update", "decisions_append_only_delete",
                                    "audit_head_no_delete", "audit_head_forward_only"})
            QVERIFY(query.exec(QStringLiteral("DROP TRIGGER %1").arg(QLatin1String(trigger))));
    }

    void cleanup() { m_db.reset(); }

    void tamperingIsDetected_data()
    {
        QTest::addColumn<QStringList>("tamper");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<qint64>("firstBadSeq");

        QTest::newRow("entry edited") << strings({"UPDATE audit_log SET actor = 'mallory' WHERE seq = 2"})
                                      << "entry 2 was edited" << qint64(2);
        QTest::newRow("entry deleted") << strings({"DELETE FROM audit_log WHERE seq = 2"}) << "entry 2 is missing"
                                       << qint64(2);
        QTest::newRow("last entries deleted") << strings({"DELETE FROM audit_log WHERE seq >= 4"})
                                              << "entries 4 to 5 are missing" << qint64(4);
        QTest::newRow("last entries and head rolled back")
            << strings({"DELETE FROM audit_log WHERE seq = 5",
                           "UPDATE audit_head SET seq = 4, hash = (SELECT hash FROM audit_log WHERE seq = 4)"})
            << "Decision 3 has no audit entry" << qint64(0);
        QTest::newRow("entry inserted in the middle")
            << strings({"UPDATE audit_log SET seq = seq + 10 WHERE seq >= 3",
                           "INSERT INTO audit_log SELECT 3, recorded_at, actor, action, entity, entity_id, details, "
                           "prev_hash, 'forged' FROM audit_log WHERE seq = 13"})
            << "entry 3 was edited" << qint64(3);
        QTest::newRow("entry appended at the end")
            << strings({"INSERT INTO audit_log SELECT 6, recorded_at, actor, action, entity, entity_id, details, "
                           "hash, 'x' FROM audit_log WHERE seq = 5"})
            << "entry 6 was edited" << qint64(6);
        QTest::newRow("entries reordered")
            << strings({"UPDATE audit_log SET seq = 100 WHERE seq = 1"})
            << "entry 2 does not follow entry 0" << qint64(2);
        QTest::newRow("entries swapped and renumbered")
            << strings({"UPDATE audit_log SET seq = 100 WHERE seq = 1", "UPDATE audit_log SET seq = 1 WHERE seq = 2",
                           "UPDATE audit_log SET seq = 2 WHERE seq = 100"})
            << "entry 1 was edited" << qint64(1);
        QTest::newRow("decision edited") << strings({"UPDATE decisions SET verdict = 'allowed' WHERE id = 2"})
                                         << "Decision 2 was edited" << qint64(4);
        QTest::newRow("decision note edited") << strings({"UPDATE decisions SET note = 'nothing to see' WHERE id = 1"})
                                              << "Decision 1 was edited" << qint64(3);
        QTest::newRow("decision deleted") << strings({"PRAGMA foreign_keys = OFF", "DELETE FROM decisions WHERE id = 2"})
                                          << "Decision 2, recorded in audit entry 4, is missing" << qint64(4);
        QTest::newRow("decision inserted")
            << strings({"INSERT INTO decisions (conversation_id, subject_id, moderator_id, verdict, decided_at, "
                           "case_version) VALUES (1, 1, 1, 'allowed', '2026-01-01T00:00:00Z', 1)"})
            << "Decision 4 has no audit entry" << qint64(0);
    }

    void tamperingIsDetected()
    {
        QFETCH(QStringList, tamper);
        QFETCH(QString, expected);
        QFETCH(qint64, firstBadSeq);
        QSqlDatabase db = m_db->connection();
        QSqlQuery query(db);
        for (const QString &statement : std::as_const(tamper))
            QVERIFY2(query.exec(statement), qPrintable(statement));
        const AuditVerification verification = AuditLog::verify(db);
        QVERIFY(!verification.intact);
        QVERIFY2(verification.problem.contains(expected), qPrintable(verification.problem));
        QCOMPARE(verification.firstBadSeq, firstBadSeq);
    }

    void guardsRefuseChangesFromInside()
    {
        OpenResult result;
        auto db = CaseDatabase::open(m_dir->filePath(QStringLiteral("guarded.sqlite")), OpenMode::CreateIfMissing, &result);
        QVERIFY(db);
        QVERIFY(CaseImporter(db->connection(), QStringLiteral("t")).import(sampleConversation(QStringLiteral("g"), {QStringLiteral("x")})).ok);
        QSqlQuery query(db->connection());
        QVERIFY(!query.exec(QStringLiteral("DELETE FROM audit_head")));
        QVERIFY(!query.exec(QStringLiteral("UPDATE audit_head SET seq = 0")));
        QVERIFY(!query.exec(QStringLiteral("DELETE FROM audit_log")));
        QVERIFY(AuditLog::verify(db->connection()).intact);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CaseDatabase> m_db;
};

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
