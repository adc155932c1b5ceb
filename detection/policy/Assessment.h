#pragma once

#include "DetectedSpan.h"
#include "PolicyBasis.h"
#include "PolicyTerms.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace cg {

// A piece of a message that supports one basis of the verdict.
struct AssessmentEvidence
{
    QString messageId;
    qsizetype start = 0; // code points of the message text, end exclusive
    qsizetype end = 0;
    QString text;
    Basis supports = Basis::BeforeContract;
};

// A contact detail found in one message of the conversation.
struct AssessmentSpan
{
    QString messageId;
    DetectedSpan span;
    int joinedDetail = -1; // index into Assessment::joinedDetails when it is part of a split detail
};

// A contact detail one sender split over several messages ("my number starts 0917 55"
// ... "then 51234"), joined back together.
struct JoinedDetail
{
    ContactType type = ContactType::Phone;
    QString value;            // the joined, normalised detail
    QList<AssessmentSpan> parts;
};

// An earlier decision that moved the recommended penalty up the ladder.
struct CountedDecision
{
    int historyIndex = 0; // into context.history
    QString decidedAt;    // ISO date as given, or empty
    QString penalty;
};

// What the assessment concluded about one conversation, as `assess` reports it.
struct Assessment
{
    Verdict verdict = Verdict::NoContact;
    QList<Basis> basis;          // primary first
    double confidence = 0.0;
    QList<AssessmentEvidence> evidence;
    QList<AssessmentSpan> spans; // in message order
    QList<JoinedDetail> joinedDetails;
    QString recommendedPenalty;  // violations only; empty otherwise
    QList<CountedDecision> countedDecisions;
    QStringList rulesFired;      // names of the rules that decided, in the order they fired
    QString explanation;
};

} // namespace cg
