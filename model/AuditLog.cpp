#include "AuditLog.h"

#include "SqlTransaction.h"
#include "SqlValues.h"
#include "Timestamps.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <map>

namespace cg {

namespace {

// Length-prefixed fields make the hashed text unambiguous whatever the fields hold.
void addField(QCryptographicHash &hash, const QString &field)
{
    const QByteArray bytes = field.toUtf8();
    hash.addData(QByteArray::number(bytes.size()));
    hash.addData(QByteArrayView(":"));
    hash.addData(bytes);
}

AuditEntry readEntry(const QSqlQuery &query)
{
    AuditEntry entry;
    entry.seq = query.value(0).toLongLong();
    entry.recordedAt = query.value(1).toString();
    entry.actor = query.value(2).toString();
    entry.action = query.value(3).toString();
    entry.entity = query.value(4).toString();
    entry.entityId = query.value(5).toString();
    entry.details = query.value(6).toString();
    entry.prevHash = query.value(7).toString();
    entry.hash = query.value(8).toString();
    return entry;
}

// The decision columns a fingerprint covers, in a fixed order; NULLs read as "".
const QString kDecisionRowSql = QStringLiteral(
    "SELECT id, conversation_id, subject_id, moderator_id, verdict, basis, COALESCE(penalty, ''), note, "
    "decided_at, case_version, COALESCE(reverses_decision_id, 0), is_training FROM decisions");
constexpr int kDecisionRowColumns = 12;

QString rowFingerprint(const QSqlQuery &query)
{
    QStringList fields;
    for (int i = 0; i < kDecisionRowColumns; ++i)
        fields.append(query.value(i).toString());
    return AuditLog::hashFields(fields);
}

// Each decision's audit entry: where it is and the fingerprint it recorded.
struct DecisionEntry
{
    qint64 seq = 0;
    QString rowHash; // empty for entries written before fingerprints existed (schema 1)
};

AuditVerification broken(AuditVerification result, qint64 seq, const QString &problem)
{
    result.intact = false;
    result.firstBadSeq = seq;
    result.problem = problem;
    return result;
}

bool containsHash(const QSqlDatabase &db, const QString &hash)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT 1 FROM audit_log WHERE hash = ?"));
    query.addBindValue(hash);
    return query.exec() && query.next();
}

} // namespace

QString AuditLog::hashFields(const QStringList &fields)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString &field : fields)
        addField(hash, field);
    return QString::fromLatin1(hash.result().toHex());
}

QString AuditLog::computeHash(const AuditEntry &entry)
{
    return hashFields({QString::number(entry.seq), entry.recordedAt, entry.actor, entry.action, entry.entity,
                       entry.entityId, entry.details, entry.prevHash});
}

QString AuditLog::decisionFingerprint(const QSqlDatabase &db, qint64 decisionId, QString *error)
{
    QSqlQuery query(db);
    query.prepare(kDecisionRowSql + QStringLiteral(" WHERE id = ?"));
    query.addBindValue(decisionId);
    if (!query.exec()) {
        *error = query.lastError().text();
        return {};
    }
    return query.next() ? rowFingerprint(query) : QString();
}

QString AuditLog::append(QSqlDatabase &db, const QString &actor, const QString &action, const QString &entity,
                         const QString &entityId, const QJsonObject &details)
{
    QSqlQuery last(db);
    if (!last.exec(QStringLiteral("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")))
        return last.lastError().text();
    AuditEntry entry;
    entry.prevHash = QString::fromLatin1(kGenesisHash);
    entry.seq = 1;
    if (last.next()) {
        entry.seq = last.value(0).toLongLong() + 1;
        entry.prevHash = last.value(1).toString();
    }
    entry.recordedAt = nowStoredTime();
    entry.actor = actor;
    entry.action = action;
    entry.entity = entity;
    entry.entityId = entityId;
    entry.details = QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact));
    entry.hash = computeHash(entry);

    QSqlQuery insert(db);
    insert.prepare(QStringLiteral(
        "INSERT INTO audit_log (seq, recorded_at, actor, action, entity, entity_id, details, prev_hash, hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const QVariant &value : {QVariant(entry.seq), sqlText(entry.recordedAt), sqlText(entry.actor),
                                  sqlText(entry.action), sqlText(entry.entity), sqlText(entry.entityId),
                                  sqlText(entry.details), sqlText(entry.prevHash), sqlText(entry.hash)})
        insert.addBindValue(value);
    if (!insert.exec())
        return insert.lastError().text();

    QSqlQuery head(db);
    head.prepare(QStringLiteral("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1"));
    head.addBindValue(entry.seq);
    head.addBindValue(entry.hash);
    if (!head.exec())
        return head.lastError().text();
    if (head.numRowsAffected() == 0) {
        head.prepare(QStringLiteral("INSERT INTO audit_head (id, seq, hash) VALUES (1, ?, ?)"));
        head.addBindValue(entry.seq);
        head.addBindValue(entry.hash);
        if (!head.exec())
            return head.lastError().text();
    }
    return {};
}

QString AuditLog::appendAndCommit(SqlTransaction &transaction, QSqlDatabase &db, const QString &actor,
                                  const QString &action, const QString &entity, const QString &entityId,
                                  const QJsonObject &details)
{
    const QString error = append(db, actor, action, entity, entityId, details);
    if (!error.isEmpty())
        return error;
    return transaction.commit() ? QString() : transaction.error();
}

AuditVerification AuditLog::verify(const QSqlDatabase &db)
{
    AuditVerification result;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT seq, recorded_at, actor, action, entity, entity_id, details, "
                                   "prev_hash, hash FROM audit_log ORDER BY seq"))) {
        return broken(result, 0, QStringLiteral("The audit log could not be read: %1").arg(query.lastError().text()));
    }
    qint64 expectedSeq = 1;
    QString expectedPrev = QString::fromLatin1(kGenesisHash);
    const auto fail = [&result](qint64 seq, const QString &problem) { return broken(result, seq, problem); };
    while (query.next()) {
        const AuditEntry entry = readEntry(query);
        ++result.entries;
        if (computeHash(entry) != entry.hash)
            return fail(entry.seq, QStringLiteral("Audit entry %1 was edited: its content no longer matches its hash.")
                                       .arg(entry.seq));
        if (entry.seq != expectedSeq || entry.prevHash != expectedPrev) {
            // A gap whose predecessor is nowhere in the log was deleted; one whose
            // predecessor stands elsewhere was moved.
            if (entry.seq > expectedSeq && !containsHash(db, entry.prevHash))
                return fail(expectedSeq, QStringLiteral("Audit entry %1 is missing: it was deleted (entry %2 follows %3).")
                                             .arg(expectedSeq)
                                             .arg(entry.seq)
                                             .arg(expectedSeq - 1));
            return fail(entry.seq, QStringLiteral("Audit entry %1 does not follow entry %2: an entry was inserted or "
                                                  "the entries were reordered.")
                                       .arg(entry.seq)
                                       .arg(expectedSeq - 1));
        }
        expectedPrev = entry.hash;
        expectedSeq = entry.seq + 1;
    }
    const qint64 lastSeq = expectedSeq - 1;

    QSqlQuery head(db);
    if (!head.exec(QStringLiteral("SELECT seq, hash FROM audit_head WHERE id = 1")))
        return fail(0, QStringLiteral("The audit chain head could not be read: %1").arg(head.lastError().text()));
    if (!head.next()) {
        if (lastSeq > 0)
            return fail(1, QStringLiteral("The audit chain head is missing: it was deleted (the log has %1 entries).")
                               .arg(lastSeq));
    } else {
        const qint64 headSeq = head.value(0).toLongLong();
        if (headSeq > lastSeq)
            return fail(lastSeq + 1, QStringLiteral("Audit entries %1 to %2 are missing: they were deleted from the end "
                                                    "of the log.")
                                         .arg(lastSeq + 1)
                                         .arg(headSeq));
        if (headSeq < lastSeq)
            return fail(headSeq + 1, QStringLiteral("Audit entry %1 was inserted after the recorded end of the log "
                                                    "(entry %2).")
                                         .arg(headSeq + 1)
                                         .arg(headSeq));
        if (head.value(1).toString() != expectedPrev)
            return fail(lastSeq, QStringLiteral("Audit entry %1 was replaced: it is not the entry recorded as the end "
                                                "of the log.")
                                     .arg(lastSeq));
    }
    return verifyDecisions(db, result);
}

AuditVerification AuditLog::verifyDecisions(const QSqlDatabase &db, AuditVerification result)
{
    const auto fail = [&result](qint64 seq, const QString &problem) { return broken(result, seq, problem); };
    QSqlQuery entries(db);
    entries.setForwardOnly(true);
    if (!entries.exec(QStringLiteral("SELECT seq, details FROM audit_log "
                                     "WHERE action IN ('decision', 'training_decision', 'reversal') ORDER BY seq")))
        return fail(0, QStringLiteral("The audit log could not be read: %1").arg(entries.lastError().text()));
    std::map<qint64, DecisionEntry> byDecision;
    while (entries.next()) {
        const QJsonObject details = QJsonDocument::fromJson(entries.value(1).toString().toUtf8()).object();
        const qint64 decisionId = details.value(QLatin1String("decision_id")).toInteger();
        byDecision[decisionId] = {entries.value(0).toLongLong(), details.value(QLatin1String("row_hash")).toString()};
    }

    QSqlQuery rows(db);
    rows.setForwardOnly(true);
    if (!rows.exec(kDecisionRowSql + QStringLiteral(" ORDER BY id")))
        return fail(0, QStringLiteral("The decisions could not be read: %1").arg(rows.lastError().text()));
    while (rows.next()) {
        const qint64 decisionId = rows.value(0).toLongLong();
        ++result.decisions;
        const auto found = byDecision.find(decisionId);
        if (found == byDecision.end())
            return fail(0, QStringLiteral("Decision %1 has no audit entry: it was added outside ContactGuard, or its "
                                          "entry was removed.")
                               .arg(decisionId));
        const DecisionEntry entry = found->second;
        byDecision.erase(found);
        if (!entry.rowHash.isEmpty() && entry.rowHash != rowFingerprint(rows))
            return fail(entry.seq, QStringLiteral("Decision %1 was edited after it was recorded: it no longer matches "
                                                  "the fingerprint in audit entry %2.")
                                       .arg(decisionId)
                                       .arg(entry.seq));
    }
    if (!byDecision.empty()) {
        const auto &[decisionId, entry] = *byDecision.begin();
        return fail(entry.seq, QStringLiteral("Decision %1, recorded in audit entry %2, is missing: it was deleted.")
                                   .arg(decisionId)
                                   .arg(entry.seq));
    }
    return result;
}

} // namespace cg
