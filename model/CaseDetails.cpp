#include "CaseDetails.h"

#include "Timestamps.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace cg {

namespace {

QList<PastDecision> loadDecisions(const QSqlDatabase &db, const QString &condition, const QVariantList &values,
                                  QString *error)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "SELECT d.id, d.conversation_id, d.verdict, COALESCE(d.penalty, ''), m.name, d.decided_at, "
        "EXISTS (SELECT 1 FROM decisions r WHERE r.reverses_decision_id = d.id) "
        "FROM decisions d JOIN moderators m ON m.id = d.moderator_id "
        "WHERE d.is_training = 0 AND d.reverses_decision_id IS NULL AND ")
        + condition + QStringLiteral(" ORDER BY d.decided_at DESC, d.id DESC"));
    for (const QVariant &value : values)
        query.addBindValue(value);
    QList<PastDecision> decisions;
    if (!query.exec()) {
        *error = query.lastError().text();
        return decisions;
    }
    while (query.next()) {
        PastDecision decision;
        decision.decisionId = query.value(0).toLongLong();
        decision.caseId = query.value(1).toLongLong();
        decision.verdict = query.value(2).toString();
        decision.penalty = query.value(3).toString();
        decision.moderator = query.value(4).toString();
        decision.decidedAt = fromStoredTime(query.value(5).toString());
        decision.reversed = query.value(6).toBool();
        decisions.append(decision);
    }
    return decisions;
}

QList<PenaltyRecord> loadPenalties(const QSqlDatabase &db, qint64 personId, QString *error)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "SELECT p.decision_id, d.conversation_id, p.kind, p.starts_at, p.ends_at, p.lifted_by_decision_id IS NOT NULL "
        "FROM penalties p JOIN decisions d ON d.id = p.decision_id WHERE p.person_id = ? "
        "ORDER BY p.starts_at DESC, p.id DESC"));
    query.addBindValue(personId);
    QList<PenaltyRecord> penalties;
    if (!query.exec()) {
        *error = query.lastError().text();
        return penalties;
    }
    while (query.next()) {
        PenaltyRecord penalty;
        penalty.decisionId = query.value(0).toLongLong();
        penalty.caseId = query.value(1).toLongLong();
        penalty.kind = query.value(2).toString();
        penalty.startsAt = fromStoredTime(query.value(3).toString());
        if (!query.value(4).isNull())
            penalty.endsAt = fromStoredTime(query.value(4).toString());
        penalty.lifted = query.value(5).toBool();
        penalties.append(penalty);
    }
    return penalties;
}

} // namespace

int CaseDetails::countedViolations() const
{
    int count = 0;
    for (const PastDecision &decision : subjectHistory) {
        if (decision.verdict == QLatin1String("violation") && !decision.reversed)
            ++count;
    }
    return count;
}

std::optional<CaseDetails> CaseRepository::load(const QSqlDatabase &db, qint64 caseId, QString *error)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "SELECT c.external_id, c.job_title, c.phase, c.status, c.version, cl.display_name, COALESCE(cl.plan, ''), "
        "fl.display_name, s.display_name, s.role, COALESCE(k.status, 'none'), k.starts_on, k.ends_on, "
        "COALESCE(k.conversion_fee_paid, 0), c.pre_existing_relationship, c.flag_source, c.flag_reason, "
        "c.flagged_at, c.subject_id, s.country "
        "FROM conversations c JOIN people cl ON cl.id = c.client_id JOIN people fl ON fl.id = c.freelancer_id "
        "JOIN people s ON s.id = c.subject_id LEFT JOIN contracts k ON k.conversation_id = c.id WHERE c.id = ?"));
    query.addBindValue(caseId);
    if (!query.exec()) {
        *error = query.lastError().text();
        return std::nullopt;
    }
    if (!query.next()) {
        *error = QStringLiteral("case %1 does not exist").arg(caseId);
        return std::nullopt;
    }
    CaseDetails details;
    details.id = caseId;
    details.externalId = query.value(0).toString();
    details.jobTitle = query.value(1).toString();
    details.phase = query.value(2).toString();
    details.status = query.value(3).toString();
    details.version = query.value(4).toInt();
    details.clientName = query.value(5).toString();
    details.clientPlan = query.value(6).toString();
    details.freelancerName = query.value(7).toString();
    details.subjectName = query.value(8).toString();
    details.subjectRole = query.value(9).toString();
    details.contractStatus = query.value(10).toString();
    details.contractStart = QDate::fromString(query.value(11).toString(), Qt::ISODate);
    details.contractEnd = QDate::fromString(query.value(12).toString(), Qt::ISODate);
    details.conversionFeePaid = query.value(13).toBool();
    details.preExistingRelationship = query.value(14).toBool();
    details.flagSource = query.value(15).toString();
    details.flagReason = query.value(16).toString();
    details.flaggedAt = fromStoredTime(query.value(17).toString());
    const qint64 subjectId = query.value(18).toLongLong();
    details.subjectCountry = query.value(19).toString();

    details.decisionsOnCase = loadDecisions(db, QStringLiteral("d.conversation_id = ?"), {caseId}, error);
    details.subjectHistory =
        loadDecisions(db, QStringLiteral("d.subject_id = ? AND d.conversation_id <> ?"), {subjectId, caseId}, error);
    details.subjectPenalties = loadPenalties(db, subjectId, error);
    if (!error->isEmpty())
        return std::nullopt;
    return details;
}

} // namespace cg
