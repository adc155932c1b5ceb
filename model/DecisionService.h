#pragma once

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

namespace cg {

struct DecisionRequest
{
    qint64 caseId = 0;
    QString verdict;                  // a Verdict name
    QStringList basis;                // basis kinds of the CLI contract, primary first
    QString penalty;                  // a Penalty name, only with a violation; "" for none
    QString moderator;
    QString note;
    std::optional<int> expectedVersion; // the case version the moderator looked at
    bool training = false;            // a trainee's practice decision: changes no case
    QDateTime decidedAt;              // default: now (set explicitly when importing history)
};

// A lead overturns an earlier decision: a new decision row pointing at the old one.
struct ReversalRequest
{
    qint64 decisionId = 0;
    QString moderator; // must be a lead
    QString note;      // why; required
};

struct DecisionOutcome
{
    enum class Status { Recorded, Conflict, Rejected, Failed };
    Status status = Status::Failed;
    qint64 decisionId = 0;
    int caseVersion = 0;  // the case's version after the decision (or the current one on conflict)
    QString message;      // what went wrong, for the moderator

    bool recorded() const { return status == Status::Recorded; }
};

// Records moderators' decisions. A decision, its penalty and its audit entry are
// written in one transaction or not at all. Decisions are never changed: a lead's
// reversal is a new decision pointing at the old one. A decision made on an older
// version of the case is refused with a conflict naming who changed it.
class DecisionService final
{
public:
    explicit DecisionService(QSqlDatabase db);

    DecisionOutcome record(const DecisionRequest &request);
    // Records the reversal, lifts the reversed decision's penalty and puts the case
    // back in the queue (status new, version + 1), with its audit entry, all at once.
    DecisionOutcome reverse(const ReversalRequest &request);

    static QString validate(const DecisionRequest &request);

private:
    QString describeChangesSince(qint64 caseId, int version) const;

    QSqlDatabase m_db;
};

} // namespace cg
