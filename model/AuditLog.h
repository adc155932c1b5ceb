#pragma once

#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

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
    qint64 decisions = 0;   // decision rows checked against their entries
    qint64 firstBadSeq = 0; // 0 when intact
    QString problem;        // names the entry and what was done to it
};

// The append-only, hash-chained log of every change. Each entry's SHA-256 covers
// its own fields and the previous entry's hash, so editing, deleting, inserting or
// reordering rows breaks the chain at the first entry touched.
class SqlTransaction;

class AuditLog final
{
public:
    // Appends one entry. Call inside the write transaction of the change it records,
    // so the change and its entry are kept or lost together. Returns an error or "".
    static QString append(QSqlDatabase &db, const QString &actor, const QString &action, const QString &entity,
                          const QString &entityId, const QJsonObject &details);
    // How every audited change ends: its entry, then the commit of both together.
    static QString appendAndCommit(SqlTransaction &transaction, QSqlDatabase &db, const QString &actor,
                                   const QString &action, const QString &entity, const QString &entityId,
                                   const QJsonObject &details);

    static QString computeHash(const AuditEntry &entry);

    // Checks, in this order, and stops at the first problem:
    // 1. the chain: each entry's hash and its link to the one before (edit, delete,
    //    insert, reorder);
    // 2. the chain head kept in audit_head: entries deleted from the end;
    // 3. the decisions table against the log: every decision has its entry, every
    //    decision entry its decision, and each decision row still hashes to the
    //    fingerprint its entry recorded (rows edited, deleted or slipped in).
    static AuditVerification verify(const QSqlDatabase &db);

    // SHA-256 (hex) over length-prefixed fields: unambiguous whatever they hold.
    static QString hashFields(const QStringList &fields);

    // The fingerprint of one decision row, recorded in its audit entry as "row_hash".
    // Reads the row back, so it hashes what was stored. Returns "" if there is no such row.
    static QString decisionFingerprint(const QSqlDatabase &db, qint64 decisionId, QString *error);

    static constexpr const char *kGenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

private:
    static AuditVerification verifyDecisions(const QSqlDatabase &db, AuditVerification result);
};

} // namespace cg
