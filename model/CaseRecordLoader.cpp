#include "CaseRecordLoader.h"

#include "StoredSpans.h"
#include "Timestamps.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace cg {

namespace {

bool loadContext(const QSqlDatabase &db, qint64 caseId, ConversationRecord &record, qint64 *subjectId, QString *error)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "SELECT c.external_id, c.job_title, c.phase, c.pre_existing_relationship, c.flag_source, c.flag_reason, "
        "c.flagged_at, c.subject_id, s.role, cl.external_id, cl.display_name, COALESCE(cl.plan, ''), cl.country, "
        "fl.external_id, fl.display_name, fl.country, COALESCE(k.status, 'none'), k.starts_on, k.ends_on, "
        "COALESCE(k.conversion_fee_paid, 0) "
        "FROM conversations c JOIN people s ON s.id = c.subject_id JOIN people cl ON cl.id = c.client_id "
        "JOIN people fl ON fl.id = c.freelancer_id LEFT JOIN contracts k ON k.conversation_id = c.id WHERE c.id = ?"));
    query.addBindValue(caseId);
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    if (!query.next()) {
        *error = QStringLiteral("case %1 does not exist").arg(caseId);
        return false;
    }
    record.externalId = query.value(0).toString();
    record.jobTitle = query.value(1).toString();
    record.phase = query.value(2).toString();
    record.preExistingRelationship = query.value(3).toBool();
    record.flagSource = query.value(4).toString();
    record.flagReason = query.value(5).toString();
    record.flaggedAt = fromStoredTime(query.value(6).toString());
    *subjectId = query.value(7).toLongLong();
    record.subjectRole = query.value(8).toString();
    record.client = {query.value(9).toString(), query.value(10).toString(), QStringLiteral("client"),
                     query.value(11).toString(), query.value(12).toString()};
    record.freelancer = {query.value(13).toString(), query.value(14).toString(), QStringLiteral("freelancer"),
                         QString(), query.value(15).toString()};
    record.contract.status = query.value(16).toString();
    record.contract.start = QDate::fromString(query.value(17).toString(), Qt::ISODate);
    record.contract.end = QDate::fromString(query.value(18).toString(), Qt::ISODate);
    record.contract.conversionFeePaid = query.value(19).toBool();
    return true;
}

// The subject's decisions on other cases, oldest first, as the assess input's history.
bool loadHistory(const QSqlDatabase &db, qint64 caseId, qint64 subjectId, ConversationRecord &record, QString *error)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "SELECT d.decided_at, d.verdict, COALESCE(d.penalty, ''), m.name, d.note, "
        "EXISTS (SELECT 1 FROM decisions r WHERE r.reverses_decision_id = d.id), d.conversation_id "
        "FROM decisions d JOIN moderators m ON m.id = d.moderator_id "
        "WHERE d.subject_id = ? AND d.conversation_id <> ? AND d.is_training = 0 AND d.reverses_decision_id IS NULL "
        "ORDER BY d.decided_at, d.id"));
    query.addBindValue(subjectId);
    query.addBindValue(caseId);
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    while (query.next()) {
        PriorDecisionRecord decision;
        decision.decidedAt = fromStoredTime(query.value(0).toString());
        decision.verdict = query.value(1).toString();
        decision.penalty = query.value(2).toString();
        decision.moderator = query.value(3).toString();
        decision.note = query.value(4).toString();
        decision.reversed = query.value(5).toBool();
        decision.caseId = query.value(6).toLongLong();
        record.history.append(decision);
    }
    return true;
}

} // namespace

std::optional<LoadedCase> CaseRecordLoader::load(const QSqlDatabase &db, qint64 caseId, QString *error)
{
    LoadedCase loaded;
    qint64 subjectId = 0;
    if (!loadContext(db, caseId, loaded.record, &subjectId, error)
        || !loadHistory(db, caseId, subjectId, loaded.record, error))
        return std::nullopt;

    QSqlQuery messages(db);
    messages.setForwardOnly(true);
    messages.prepare(QStringLiteral("SELECT id, external_id, sender_role, phase, sent_at, body, scanned_with "
                                    "FROM messages WHERE conversation_id = ? ORDER BY seq"));
    messages.addBindValue(caseId);
    if (!messages.exec()) {
        *error = messages.lastError().text();
        return std::nullopt;
    }
    QHash<qint64, int> indexOfMessage;
    while (messages.next()) {
        indexOfMessage.insert(messages.value(0).toLongLong(), static_cast<int>(loaded.record.messages.size()));
        loaded.record.messages.append({messages.value(1).toString(), messages.value(2).toString(),
                                       messages.value(3).toString(), fromStoredTime(messages.value(4).toString()),
                                       messages.value(5).toString()});
        if (messages.value(6).isNull())
            loaded.fullyScanned = false;
    }
    loaded.spans.resize(loaded.record.messages.size());

    QSqlQuery spans(db);
    spans.setForwardOnly(true);
    spans.prepare(QStringLiteral("SELECT d.message_id, %1 FROM detections d JOIN messages m ON m.id = d.message_id "
                                 "WHERE m.conversation_id = ? AND d.detector_version = m.scanned_with "
                                 "ORDER BY m.seq, d.start_pos")
                      .arg(QLatin1String(kStoredSpanColumns)));
    spans.addBindValue(caseId);
    if (!spans.exec()) {
        *error = spans.lastError().text();
        return std::nullopt;
    }
    while (spans.next()) {
        const auto index = indexOfMessage.constFind(spans.value(0).toLongLong());
        const auto span = spanFromQuery(spans, 1);
        if (index != indexOfMessage.constEnd() && span)
            loaded.spans[*index].append(*span);
    }
    return loaded;
}

} // namespace cg
