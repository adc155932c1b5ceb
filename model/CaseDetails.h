#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace cg {

struct PastDecision
{
    qint64 decisionId = 0;
    qint64 caseId = 0;
    QString verdict;
    QString penalty;
    QString moderator;
    QDateTime decidedAt;
    bool reversed = false;
};

struct PenaltyRecord
{
    qint64 decisionId = 0;
    qint64 caseId = 0;
    QString kind;
    QDateTime startsAt;
    QDateTime endsAt;   // invalid when open-ended
    bool lifted = false;

    bool isActive(const QDateTime &now) const { return !lifted && (!endsAt.isValid() || endsAt > now); }
};

// What a moderator needs to know about a case besides its messages.
struct CaseDetails
{
    qint64 id = 0;
    QString externalId;
    QString jobTitle;
    QString phase;
    QString status;
    int version = 0;
    QString clientName;
    QString clientPlan;
    QString freelancerName;
    QString subjectName;
    QString subjectRole;
    QString contractStatus;
    QDate contractStart;
    QDate contractEnd;
    bool conversionFeePaid = false;
    bool preExistingRelationship = false;
    QString flagSource;
    QString flagReason;
    QDateTime flaggedAt;
    QList<PastDecision> decisionsOnCase;     // newest first
    QList<PastDecision> subjectHistory;      // the subject's decisions on other cases, newest first
    QList<PenaltyRecord> subjectPenalties;   // every penalty the subject has had, newest first
    QString subjectCountry;

    // Violations that count on the penalty ladder: not reversed.
    int countedViolations() const;
};

class CaseRepository final
{
public:
    static std::optional<CaseDetails> load(const QSqlDatabase &db, qint64 caseId, QString *error);
};

} // namespace cg
