#pragma once

#include "Assessment.h"
#include "ContactPolicy.h"
#include "ConversationRecord.h"
#include "CueMatcher.h"
#include "DetectedSpan.h"

#include <QHash>
#include <QList>

#include <array>
#include <optional>

namespace cg {

class Detector;

// Where a message falls against the contract: the policy allows contact details once a
// contract has started, and judges new work after it closed.
enum class ContractTime {
    BeforeContract,
    Active,
    Closed,
};

ContractTime contractTimeOf(const ContractRecord &contract, const QDateTime &sentAt);

// What the rules read about one message: when it was sent against the contract, the
// contact details and requests in it, and (computed on first use) the policy's cues.
class MessageFacts final
{
public:
    MessageFacts(int index, const MessageRecord &message, ContractTime time, const ContactPolicy &policy);

    int index() const { return m_index; }
    const MessageRecord &message() const { return *m_message; }
    ContractTime time() const { return m_time; }
    bool inJobPost() const { return m_message->phase == QLatin1String("job_post"); }
    const CueText &text() const { return m_text; }

    // Contact details shared (every type but contact_request), with the joined detail each is part of.
    const DetectedSpans &details() const { return m_details; }
    int joinedDetailOf(qsizetype detail) const { return m_joinedOf.at(detail); }
    // Phrases asking for contact details or proposing to move off the platform.
    const DetectedSpans &requests() const { return m_requests; }
    bool hasContact() const { return !m_details.isEmpty() || !m_requests.isEmpty(); }

    const QList<CueHit> &cues(CueList list) const;
    bool has(CueList list) const { return !cues(list).isEmpty(); }
    // Hits of the policy's exception number `exception` (its cue words and tools).
    const QList<CueHit> &exceptionCues(int exception) const;

    void addSpan(const DetectedSpan &span, int joinedDetail = -1);

private:
    int m_index = 0;
    const MessageRecord *m_message = nullptr;
    ContractTime m_time = ContractTime::BeforeContract;
    const ContactPolicy *m_policy = nullptr;
    CueText m_text;
    DetectedSpans m_details;
    QList<int> m_joinedOf;
    DetectedSpans m_requests;
    mutable std::array<std::optional<QList<CueHit>>, kCueListCount> m_cueHits;
    mutable QHash<int, QList<CueHit>> m_exceptionHits;
};

// The facts of a whole conversation: one MessageFacts per message, spans from the
// detector (the platform's own links dropped), and details split over messages joined.
class ConversationFacts final
{
public:
    // `spans` has one entry per message of `record`; `detector` checks joined details.
    ConversationFacts(const ConversationRecord &record, const QList<DetectedSpans> &spans,
                      const ContactPolicy &policy, const Detector &detector);

    const ConversationRecord &record() const { return *m_record; }
    const QList<MessageFacts> &messages() const { return m_messages; }
    const QList<JoinedDetail> &joinedDetails() const { return m_joined; }

private:
    static void addAskedContact(MessageFacts &facts);
    void joinSplitPhones(const Detector &detector);
    void joinSplitEmails(const Detector &detector);
    void addJoined(JoinedDetail joined, const QList<int> &messages);

    const ConversationRecord *m_record = nullptr;
    QList<MessageFacts> m_messages;
    QList<JoinedDetail> m_joined;
};

} // namespace cg
