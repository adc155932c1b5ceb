#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

namespace cg {

// Plain values describing one flagged conversation as it arrives from outside: the
// `assess` input shape of the CLI contract, plus the people involved and why it was
// flagged. The assessment reads it; the importer writes it into a case database;
// the demo generator produces it. It lives in detection/ so all three share it.

struct PersonRecord
{
    QString externalId;  // stable platform account id, e.g. "fl-0042"
    QString displayName;
    QString role;        // "client" or "freelancer"
    QString plan;        // clients: "basic", "plus", "business", "enterprise"; empty for freelancers
    QString country;     // ISO 3166 alpha-2, e.g. "PH"
};

struct MessageRecord
{
    QString externalId;
    QString sender;      // "client" or "freelancer"
    QString phase;       // "job_post", "proposal", "interview", "messages"
    QDateTime sentAt;    // UTC
    QString text;
};

struct ContractRecord
{
    QString status = QStringLiteral("none"); // "none", "offered", "active", "closed"
    QDate start;                             // set for active and closed
    QDate end;                               // set for closed
    bool conversionFeePaid = false;
};

// An earlier decision about the person under review, as it arrives with an imported case.
struct PriorDecisionRecord
{
    QDateTime decidedAt;
    QString verdict;    // "no_contact", "allowed", "exception", "violation"
    QString penalty;    // empty, or a ladder step
    QString moderator;  // who decided it
    QString note;
    bool reversed = false; // overturned on appeal: does not count towards the penalty ladder
    qint64 caseId = 0;     // the case it was decided on, when it comes from a case database
};

struct ConversationRecord
{
    QString externalId;
    QString jobTitle;
    QString phase;                 // furthest phase reached: "job_post" .. "messages"
    PersonRecord client;
    PersonRecord freelancer;
    QString subjectRole;           // whose conduct is under review: "client" or "freelancer"
    ContractRecord contract;
    bool preExistingRelationship = false;
    QString flagSource;            // "auto_filter", "user_report", "job_post_review", ...
    QString flagReason;
    QDateTime flaggedAt;           // UTC
    QList<PriorDecisionRecord> history; // earlier decided cases of the person under review, oldest first
    QList<MessageRecord> messages; // in the order they were sent
};

} // namespace cg
