#pragma once

#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>

namespace cg {

struct AuditEntry
{
    qint64 seq = 0;
    QString recordedAt;
    QString actor;
    QString action;   // "import", "scan", "claim", "decision", "reversal", "export", "gold"
    QString entity;   // "conversation", "decision", "database", ...
    QString entityId;
    QString details;  // compact JSON
    QString prevHash;
    QString hash;
};

struct AuditVerification
{
    bool intact = true;
    qint64 entries = 0;
    qint64 firstBadSeq = 0; // 0 when intact
    QString problem;        // names the entry and what was done to it
};

// The append-only, hash-chained log of every change. Each entry's SHA-256 covers
// its own fields and the previous entry's hash, so editing, deleting, inserting or
// reordering rows breaks the chain at the first entry touched.
class AuditLog final
{
public:
    // Appends one entry. Call inside the write transaction of the change it records,
    // so the change and its entry are kept or lost together. Returns an error or "".
    static QString append(QSqlDatabase &db, const QString &actor, const QString &action, const QString &entity,
                          const QString &entityId, const QJsonObject &details);

    static QString computeHash(const AuditEntry &entry);
    static AuditVerification verify(const QSqlDatabase &db);

    static constexpr const char *kGenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";
};

} // namespace cg
