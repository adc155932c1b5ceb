#include "AuditLog.h"

#include "SqlValues.h"
#include "Timestamps.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

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

bool containsHash(const QSqlDatabase &db, const QString &hash)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT 1 FROM audit_log WHERE hash = ?"));
    query.addBindValue(hash);
    return query.exec() && query.next();
}

} // namespace

QString AuditLog::computeHash(const AuditEntry &entry)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    addField(hash, QString::number(entry.seq));
    addField(hash, entry.recordedAt);
    addField(hash, entry.actor);
    addField(hash, entry.action);
    addField(hash, entry.entity);
    addField(hash, entry.entityId);
    addField(hash, entry.details);
    addField(hash, entry.prevHash);
    return QString::fromLatin1(hash.result().toHex());
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
    return {};
}

AuditVerification AuditLog::verify(const QSqlDatabase &db)
{
    AuditVerification result;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT seq, recorded_at, actor, action, entity, entity_id, details, "
                                   "prev_hash, hash FROM audit_log ORDER BY seq"))) {
        result.intact = false;
        result.problem = QStringLiteral("The audit log could not be read: %1").arg(query.lastError().text());
        return result;
    }
    qint64 expectedSeq = 1;
    QString expectedPrev = QString::fromLatin1(kGenesisHash);
    auto fail = [&result](qint64 seq, QString problem) {
        result.intact = false;
        result.firstBadSeq = seq;
        result.problem = std::move(problem);
        return result;
    };
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
    return result;
}

} // namespace cg
