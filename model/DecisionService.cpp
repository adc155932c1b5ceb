#include "DecisionService.h"

#include "AuditLog.h"
#include "ModeratorDirectory.h"
#include "PolicyBasis.h"
#include "PolicyTerms.h"
#include "SqlTransaction.h"
#include "SqlValues.h"
#include "Timestamps.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace cg {

namespace {

DecisionOutcome recorded(qint64 decisionId, int caseVersion)
{
    DecisionOutcome outcome;
    outcome.status = DecisionOutcome::Status::Recorded;
    outcome.decisionId = decisionId;
    outcome.caseVersion = caseVersion;
    return outcome;
}

DecisionOutcome fail(DecisionOutcome::Status status, QString message, int version = 0)
{
    DecisionOutcome outcome;
    outcome.status = status;
    outcome.message = std::move(message);
    outcome.caseVersion = version;
    return outcome;
}

// A decision changes the person's history, and so the penalty the ladder would
// recommend on their other open cases: their stored suggestions are made again.
QString markSubjectSuggestionsStale(QSqlDatabase &db, qint64 caseId)
{
    QSqlQuery query(db);
    // Only rows still holding a suggestion need writing: a person with thousands of
    // open cases must not make every decision rewrite them all.
    query.prepare(QStringLiteral("UPDATE conversations SET assessed_with = NULL WHERE status <> 'decided' "
                                 "AND assessed_with IS NOT NULL "
                                 "AND subject_id = (SELECT subject_id FROM conversations WHERE id = ?)"));
    query.addBindValue(caseId);
    return query.exec() ? QString() : query.lastError().text();
}

} // namespace

DecisionService::DecisionService(QSqlDatabase db)
    : m_db(std::move(db))
{
}

QString DecisionService::validate(const DecisionRequest &request)
{
    const auto verdict = verdictFromName(request.verdict);
    if (!verdict) {
        return QStringLiteral("verdict \"%1\" is not one of %2")
            .arg(request.verdict, verdictNames().join(QStringLiteral(", ")));
    }
    if (!request.penalty.isEmpty()) {
        if (!penaltyFromName(request.penalty)) {
            return QStringLiteral("penalty \"%1\" is not one of %2")
                .arg(request.penalty, penaltyNames().join(QStringLiteral(", ")));
        }
        if (*verdict != Verdict::Violation)
            return QStringLiteral("a penalty goes only with a violation, not with \"%1\"").arg(request.verdict);
    }
    // A basis names the part of the policy the verdict rests on, so it must be one of
    // the policy's, and the primary (first) one must belong to the verdict
    // ("before_contract" is no reason to allow). Later ones may name what the primary
    // overrides: a violation for "exception_misused" also lists the exception misused.
    for (const QString &name : request.basis) {
        const auto basis = basisFromName(name);
        if (!basis) {
            QStringList known;
            for (const Basis each : allBases())
                known.append(basisName(each));
            return QStringLiteral("basis \"%1\" is not one of %2").arg(name, known.join(QStringLiteral(", ")));
        }
        if (name == request.basis.constFirst() && verdictOfBasis(*basis) != *verdict) {
            return QStringLiteral("basis \"%1\" supports a %2 verdict, not %3")
                .arg(name, verdictName(verdictOfBasis(*basis)), request.verdict);
        }
    }
    if (request.moderator.trimmed().isEmpty())
        return QStringLiteral("the moderator is not named");
    return {};
}

DecisionOutcome DecisionService::record(const DecisionRequest &request)
{
    const QString invalid = validate(request);
    if (!invalid.isEmpty())
        return fail(DecisionOutcome::Status::Rejected, invalid);

    SqlTransaction transaction(m_db);
    if (!transaction.isActive())
        return fail(DecisionOutcome::Status::Failed, transaction.error());

    QSqlQuery caseQuery(m_db);
    caseQuery.prepare(QStringLiteral("SELECT version, subject_id FROM conversations WHERE id = ?"));
    caseQuery.addBindValue(request.caseId);
    if (!caseQuery.exec())
        return fail(DecisionOutcome::Status::Failed, caseQuery.lastError().text());
    if (!caseQuery.next())
        return fail(DecisionOutcome::Status::Rejected, QStringLiteral("case %1 does not exist").arg(request.caseId));
    const int version = caseQuery.value(0).toInt();
    const qint64 subjectId = caseQuery.value(1).toLongLong();
    // A read still open at COMMIT pins the connection's snapshot, and SQLite can then
    // never restart the write-ahead log: it would grow with every decision.
    caseQuery.finish();
    if (request.expectedVersion && *request.expectedVersion != version) {
        return fail(DecisionOutcome::Status::Conflict,
                    QStringLiteral("Case %1 changed after you opened it (version %2, now %3): %4")
                        .arg(request.caseId)
                        .arg(*request.expectedVersion)
                        .arg(version)
                        .arg(describeChangesSince(request.caseId, *request.expectedVersion)),
                    version);
    }

    QString error;
    ModeratorDirectory directory(m_db);
    const auto moderator = directory.ensure(request.moderator, ModeratorRole::Moderator, &error);
    if (!moderator)
        return fail(DecisionOutcome::Status::Failed, error);
    if (moderator->role == ModeratorRole::Trainee && !request.training) {
        return fail(DecisionOutcome::Status::Rejected,
                    QStringLiteral("%1 is a trainee: trainees decide cases only in training").arg(request.moderator));
    }

    const QString decidedAt =
        toStoredTime(request.decidedAt.isValid() ? request.decidedAt : QDateTime::currentDateTimeUtc());
    QSqlQuery insert(m_db);
    insert.prepare(QStringLiteral(
        "INSERT INTO decisions (conversation_id, subject_id, moderator_id, verdict, basis, penalty, note, "
        "decided_at, case_version, is_training) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    insert.addBindValue(request.caseId);
    insert.addBindValue(subjectId);
    insert.addBindValue(moderator->id);
    insert.addBindValue(request.verdict);
    insert.addBindValue(sqlText(request.basis.join(QLatin1Char(','))));
    insert.addBindValue(sqlOptionalText(request.penalty));
    insert.addBindValue(sqlText(request.note));
    insert.addBindValue(decidedAt);
    insert.addBindValue(version);
    insert.addBindValue(request.training ? 1 : 0);
    if (!insert.exec())
        return fail(DecisionOutcome::Status::Failed, insert.lastError().text());
    const qint64 decisionId = insert.lastInsertId().toLongLong();

    int newVersion = version;
    if (!request.training) {
        if (!request.penalty.isEmpty()) {
            QSqlQuery penalty(m_db);
            penalty.prepare(QStringLiteral(
                "INSERT INTO penalties (person_id, decision_id, kind, starts_at) VALUES (?, ?, ?, ?)"));
            penalty.addBindValue(subjectId);
            penalty.addBindValue(decisionId);
            penalty.addBindValue(request.penalty);
            penalty.addBindValue(decidedAt);
            if (!penalty.exec())
                return fail(DecisionOutcome::Status::Failed, penalty.lastError().text());
        }
        QSqlQuery update(m_db);
        update.prepare(QStringLiteral("UPDATE conversations SET status = 'decided', version = version + 1, "
                                      "updated_at = ? WHERE id = ? AND version = ?"));
        update.addBindValue(nowStoredTime());
        update.addBindValue(request.caseId);
        update.addBindValue(version);
        if (!update.exec() || update.numRowsAffected() != 1)
            return fail(DecisionOutcome::Status::Failed, update.lastError().text());
        newVersion = version + 1;
        const QString staleError = markSubjectSuggestionsStale(m_db, request.caseId);
        if (!staleError.isEmpty())
            return fail(DecisionOutcome::Status::Failed, staleError);
    }

    const QString rowHash = AuditLog::decisionFingerprint(m_db, decisionId, &error);
    if (rowHash.isEmpty())
        return fail(DecisionOutcome::Status::Failed, error);
    const QJsonObject details{
        {QStringLiteral("decision_id"), decisionId},
        {QStringLiteral("row_hash"), rowHash},
        {QStringLiteral("verdict"), request.verdict},
        {QStringLiteral("basis"), QJsonArray::fromStringList(request.basis)},
        {QStringLiteral("penalty"), request.penalty.isEmpty() ? QJsonValue() : QJsonValue(request.penalty)},
        {QStringLiteral("case_version"), version},
        {QStringLiteral("training"), request.training},
    };
    error = AuditLog::appendAndCommit(transaction, m_db, request.moderator,
                                      request.training ? QStringLiteral("training_decision") : QStringLiteral("decision"),
                                      QStringLiteral("conversation"), QString::number(request.caseId), details);
    if (!error.isEmpty())
        return fail(DecisionOutcome::Status::Failed, error);
    return recorded(decisionId, newVersion);
}

DecisionOutcome DecisionService::reverse(const ReversalRequest &request)
{
    if (request.note.trimmed().isEmpty())
        return fail(DecisionOutcome::Status::Rejected, QStringLiteral("a reversal needs a note saying why"));

    SqlTransaction transaction(m_db);
    if (!transaction.isActive())
        return fail(DecisionOutcome::Status::Failed, transaction.error());

    QString error;
    const auto lead = ModeratorDirectory(m_db).find(request.moderator, &error);
    if (!error.isEmpty())
        return fail(DecisionOutcome::Status::Failed, error);
    if (!lead || lead->role != ModeratorRole::Lead) {
        return fail(DecisionOutcome::Status::Rejected,
                    QStringLiteral("%1 is not a lead: only leads reverse decisions (%1 is %2)")
                        .arg(request.moderator,
                             lead ? moderatorRoleName(lead->role) : QStringLiteral("not a known moderator")));
    }

    QSqlQuery original(m_db);
    original.prepare(QStringLiteral(
        "SELECT d.conversation_id, d.subject_id, d.verdict, d.reverses_decision_id, d.is_training, c.version, "
        "(SELECT r.id FROM decisions r WHERE r.reverses_decision_id = d.id) "
        "FROM decisions d JOIN conversations c ON c.id = d.conversation_id WHERE d.id = ?"));
    original.addBindValue(request.decisionId);
    if (!original.exec())
        return fail(DecisionOutcome::Status::Failed, original.lastError().text());
    if (!original.next())
        return fail(DecisionOutcome::Status::Rejected,
                    QStringLiteral("decision %1 does not exist").arg(request.decisionId));
    const qint64 caseId = original.value(0).toLongLong();
    const qint64 subjectId = original.value(1).toLongLong();
    const QString verdict = original.value(2).toString();
    const int version = original.value(5).toInt();
    const bool isReversal = !original.value(3).isNull();
    const bool isTraining = original.value(4).toBool();
    const QVariant reversedBy = original.value(6);
    original.finish(); // see record(): no read may stay open until COMMIT
    if (isReversal)
        return fail(DecisionOutcome::Status::Rejected,
                    QStringLiteral("decision %1 is itself a reversal; record a new decision on case %2 instead")
                        .arg(request.decisionId)
                        .arg(caseId));
    if (isTraining)
        return fail(DecisionOutcome::Status::Rejected,
                    QStringLiteral("decision %1 is a training decision; it changed no case").arg(request.decisionId));
    if (!reversedBy.isNull())
        return fail(DecisionOutcome::Status::Conflict,
                    QStringLiteral("decision %1 was already reversed by decision %2")
                        .arg(request.decisionId)
                        .arg(reversedBy.toLongLong()),
                    version);

    // The reversal repeats the verdict it overturns and carries no penalty of its own.
    const QString now = nowStoredTime();
    QSqlQuery insert(m_db);
    insert.prepare(QStringLiteral(
        "INSERT INTO decisions (conversation_id, subject_id, moderator_id, verdict, basis, penalty, note, "
        "decided_at, case_version, reverses_decision_id, is_training) VALUES (?, ?, ?, ?, '', NULL, ?, ?, ?, ?, 0)"));
    insert.addBindValue(caseId);
    insert.addBindValue(subjectId);
    insert.addBindValue(lead->id);
    insert.addBindValue(verdict);
    insert.addBindValue(sqlText(request.note));
    insert.addBindValue(now);
    insert.addBindValue(version);
    insert.addBindValue(request.decisionId);
    if (!insert.exec())
        return fail(DecisionOutcome::Status::Failed, insert.lastError().text());
    const qint64 reversalId = insert.lastInsertId().toLongLong();

    QSqlQuery lift(m_db);
    lift.prepare(QStringLiteral("UPDATE penalties SET lifted_by_decision_id = ?, lifted_at = ? "
                                "WHERE decision_id = ? AND lifted_by_decision_id IS NULL"));
    lift.addBindValue(reversalId);
    lift.addBindValue(now);
    lift.addBindValue(request.decisionId);
    if (!lift.exec())
        return fail(DecisionOutcome::Status::Failed, lift.lastError().text());
    const bool liftedPenalty = lift.numRowsAffected() > 0;

    // The case goes back to the queue for a new decision.
    QSqlQuery update(m_db);
    update.prepare(QStringLiteral("UPDATE conversations SET status = 'new', version = version + 1, updated_at = ? "
                                  "WHERE id = ? AND version = ?"));
    update.addBindValue(now);
    update.addBindValue(caseId);
    update.addBindValue(version);
    if (!update.exec() || update.numRowsAffected() != 1)
        return fail(DecisionOutcome::Status::Failed, update.lastError().text());
    const QString staleError = markSubjectSuggestionsStale(m_db, caseId);
    if (!staleError.isEmpty())
        return fail(DecisionOutcome::Status::Failed, staleError);

    const QString rowHash = AuditLog::decisionFingerprint(m_db, reversalId, &error);
    if (rowHash.isEmpty())
        return fail(DecisionOutcome::Status::Failed, error);
    error = AuditLog::appendAndCommit(transaction, m_db, request.moderator, QStringLiteral("reversal"), QStringLiteral("conversation"),
                             QString::number(caseId),
                             QJsonObject{{QStringLiteral("decision_id"), reversalId},
                                         {QStringLiteral("row_hash"), rowHash},
                                         {QStringLiteral("reverses_decision_id"), request.decisionId},
                                         {QStringLiteral("penalty_lifted"), liftedPenalty},
                                         {QStringLiteral("case_version"), version}});
    if (!error.isEmpty())
        return fail(DecisionOutcome::Status::Failed, error);
    return recorded(reversalId, version + 1);
}

QString DecisionService::describeChangesSince(qint64 caseId, int version) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "SELECT d.verdict, d.penalty, m.name, d.decided_at FROM decisions d JOIN moderators m ON m.id = d.moderator_id "
        "WHERE d.conversation_id = ? AND d.case_version >= ? AND d.is_training = 0 ORDER BY d.id"));
    query.addBindValue(caseId);
    query.addBindValue(version);
    QStringList changes;
    if (query.exec()) {
        while (query.next()) {
            const QString penalty = query.value(1).toString();
            changes.append(QStringLiteral("%1 decided \"%2\"%3 at %4")
                               .arg(query.value(2).toString(), query.value(0).toString(),
                                    penalty.isEmpty() ? QString() : QStringLiteral(" with %1").arg(penalty),
                                    query.value(3).toString()));
        }
    }
    return changes.isEmpty() ? QStringLiteral("the case was updated by another session.")
                             : changes.join(QStringLiteral("; ")) + QLatin1Char('.');
}

} // namespace cg
