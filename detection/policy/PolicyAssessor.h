#pragma once

#include "Assessment.h"
#include "ContactPolicy.h"
#include "ConversationRecord.h"
#include "DetectedSpan.h"

#include <memory>

namespace cg {

class Detector;

// Decides whether a conversation breaks the contact-sharing policy, clause by clause:
// when each message was sent against the contract, whether an exception covers what
// was shared, whether it was misused, payment off the platform, new work after a
// closed contract, job posts. Each rule is small and named; the assessment lists the
// rules that fired and quotes the clause of its primary basis.
//
// assess() is const and safe to call from many threads; the detector is shared.
class PolicyAssessor final
{
public:
    PolicyAssessor(std::shared_ptr<const ContactPolicy> policy, const Detector &detector);

    // Runs the detector over every message, then the rules.
    Assessment assess(const ConversationRecord &record) const;
    // The rules over spans found beforehand: `spans` holds one list per message.
    Assessment assess(const ConversationRecord &record, const QList<DetectedSpans> &spans) const;

    const ContactPolicy &policy() const { return *m_policy; }

    // The ladder step for a violation: one up per earlier counted violation, one more
    // for off-platform payment, never past the top. Reversed and non-violation
    // decisions do not count.
    QString recommendedPenalty(const QList<PriorDecisionRecord> &history, bool offPlatformPayment,
                               QList<CountedDecision> *counted = nullptr) const;

private:
    QString explanation(const Assessment &assessment) const;

    std::shared_ptr<const ContactPolicy> m_policy;
    const Detector &m_detector;
};

} // namespace cg
