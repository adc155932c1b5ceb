#include "PolicyAssessor.h"

#include "ConversationFacts.h"
#include "Detector.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <optional>

namespace cg {

namespace {

// What each basis means in one phrase, for the explanation.
QString describe(Basis basis)
{
    switch (basis) {
    case Basis::ContractActive: return QStringLiteral("the details were shared while the contract was active");
    case Basis::ContractClosed: return QStringLiteral("the details were shared after the contract closed");
    case Basis::PreExistingRelationship:
        return QStringLiteral("the two have a pre-existing relationship off the platform");
    case Basis::WebsiteLink: return QStringLiteral("only a website or portfolio link was shared");
    case Basis::Enterprise: return QStringLiteral("the client is on an Enterprise plan");
    case Basis::LegalNda: return QStringLiteral("contact details were needed for a non-disclosure agreement");
    case Basis::LegalBusinessLicense: return QStringLiteral("contact details were needed to check a business license");
    case Basis::LegalAuthorityVerification:
        return QStringLiteral("identifying details were needed to confirm the right to do business with local authorities");
    case Basis::LegalBackgroundCheck: return QStringLiteral("contact details were needed for a background check");
    case Basis::AccessCodeRepo: return QStringLiteral("an e-mail address was shared to get access to a code repository");
    case Basis::AccessAnalytics: return QStringLiteral("an e-mail address was shared to get access to ad analytics");
    case Basis::AccessBookkeeping:
        return QStringLiteral("an e-mail address was shared to get access to a bookkeeping program");
    case Basis::AccessCloudDrive: return QStringLiteral("an e-mail address was shared to get access to a cloud drive folder");
    case Basis::AccessEsignature: return QStringLiteral("an e-mail address was shared for an e-signature program");
    case Basis::AccessWebsiteHost:
        return QStringLiteral("an e-mail address was shared to get access to a website host or builder");
    case Basis::Accessibility: return QStringLiteral("contact details were shared because of an accessibility need");
    case Basis::BeforeContract: return QStringLiteral("contact details were shared before the contract started");
    case Basis::AskedForContact: return QStringLiteral("contact details were asked for before the contract started");
    case Basis::ExceptionMisused:
        return QStringLiteral("details obtained under an exception were then used to talk about the job or payment off the platform");
    case Basis::OffPlatformPayment: return QStringLiteral("payment outside the platform was proposed");
    case Basis::CircumventionAfterClose:
        return QStringLiteral("new work was proposed off the platform after the contract, without the conversion fee");
    case Basis::ContactInJobPost: return QStringLiteral("the job post contains contact details");
    }
    return {};
}

// The bases found so far, with their evidence, confidence and the rules that fired.
class Findings
{
public:
    void add(Basis basis, double confidence)
    {
        if (!m_found.contains(int(basis))) {
            m_found.insert(int(basis));
            m_order.append(basis);
        }
        m_confidence[int(basis)] = std::max(m_confidence.value(int(basis)), confidence);
    }

    void evidence(Basis basis, const MessageFacts &facts, qsizetype start, qsizetype end)
    {
        for (const AssessmentEvidence &existing : std::as_const(m_evidence)) {
            if (existing.supports == basis && existing.messageId == facts.message().externalId
                && existing.start == start && existing.end == end)
                return;
        }
        AssessmentEvidence item;
        item.messageId = facts.message().externalId;
        item.start = start;
        item.end = end;
        std::u32string part;
        for (qsizetype k = start; k < end && k < facts.text().codePointCount(); ++k)
            part.push_back(facts.text().codePointAt(k));
        item.text = QString::fromStdU32String(part);
        item.supports = basis;
        m_evidence.append(item);
    }

    void evidence(Basis basis, const MessageFacts &facts, const QList<CueHit> &hits)
    {
        for (const CueHit &hit : hits)
            evidence(basis, facts, hit.start, hit.end);
    }

    void evidence(Basis basis, const MessageFacts &facts, const DetectedSpans &spans)
    {
        for (const DetectedSpan &span : spans)
            evidence(basis, facts, span.start, span.end);
    }

    void fired(const char *rule)
    {
        const QString name = QString::fromLatin1(rule);
        if (!m_rules.contains(name))
            m_rules.append(name);
    }

    bool has(Basis basis) const { return m_found.contains(int(basis)); }
    double confidence(Basis basis) const { return m_confidence.value(int(basis)); }
    const QList<Basis> &order() const { return m_order; }
    const QList<AssessmentEvidence> &allEvidence() const { return m_evidence; }
    const QStringList &rules() const { return m_rules; }

    // Where a basis was first seen in the conversation, to list exceptions as they came up.
    std::pair<int, qsizetype> firstSeen(Basis basis, const ConversationRecord &record) const
    {
        std::pair<int, qsizetype> first{INT_MAX, 0};
        for (const AssessmentEvidence &item : m_evidence) {
            if (item.supports != basis)
                continue;
            for (int i = 0; i < record.messages.size() && i <= first.first; ++i) {
                if (record.messages.at(i).externalId == item.messageId) {
                    first = std::min(first, std::pair<int, qsizetype>{i, item.start});
                    break;
                }
            }
        }
        return first;
    }

private:
    QSet<int> m_found;
    QList<Basis> m_order;
    QHash<int, double> m_confidence;
    QList<AssessmentEvidence> m_evidence;
    QStringList m_rules;
};

double strongest(const DetectedSpans &spans, double floor = 0.0)
{
    double best = floor;
    for (const DetectedSpan &span : spans)
        best = std::max(best, span.confidence);
    return best;
}

// The rules below read the facts and add findings; each returns whether it fired.
struct RuleContext
{
    const ConversationFacts &facts;
    const ContactPolicy &policy;
    Findings &findings;
    QSet<int> paymentMessages;       // messages proposing payment off the platform
    QSet<int> circumventionMessages; // messages proposing new work off the platform after the contract
    int firstCoveredEvent = -1;      // first message whose contact an exception covered
    QList<Basis> coveredBy;          // the exceptions that covered it (and later ones)

    const ConversationRecord &record() const { return facts.record(); }
    bool feePaidAfterClose(const MessageFacts &m) const
    {
        return m.time() == ContractTime::Closed && record().contract.conversionFeePaid;
    }
};

// Off-platform payment: a payment identifier, or a proposal to pay outside the platform,
// in any phase (after a closed contract only when the conversion fee was not paid).
bool ruleOffPlatformPayment(RuleContext &context)
{
    bool fired = false;
    for (const MessageFacts &m : context.facts.messages()) {
        if (context.feePaidAfterClose(m))
            continue;
        DetectedSpans payments;
        for (const DetectedSpan &span : m.details()) {
            if (span.type == ContactType::Payment)
                payments.append(span);
        }
        const QList<CueHit> &cues = m.cues(CueList::OffPlatformPayment);
        if (payments.isEmpty() && cues.isEmpty())
            continue;
        context.findings.add(Basis::OffPlatformPayment, payments.isEmpty() ? 0.8 : strongest(payments));
        context.findings.evidence(Basis::OffPlatformPayment, m, payments);
        context.findings.evidence(Basis::OffPlatformPayment, m, cues);
        context.paymentMessages.insert(m.index());
        fired = true;
    }
    if (fired)
        context.findings.fired("payment.off_platform");
    return fired;
}

// After a closed contract, future work still goes through the platform unless the
// conversion fee was paid: proposing new work off the platform is circumvention.
bool ruleCircumventionAfterClose(RuleContext &context)
{
    if (context.record().contract.conversionFeePaid)
        return false;
    bool fired = false;
    for (const MessageFacts &m : context.facts.messages()) {
        if (m.time() != ContractTime::Closed || !m.has(CueList::NewWork))
            continue;
        const bool offPlatform = m.has(CueList::OffPlatformWork) || context.paymentMessages.contains(m.index());
        if (!offPlatform)
            continue;
        context.findings.add(Basis::CircumventionAfterClose, m.hasContact() ? 0.9 : 0.8);
        context.findings.evidence(Basis::CircumventionAfterClose, m, m.cues(CueList::NewWork));
        context.findings.evidence(Basis::CircumventionAfterClose, m, m.cues(CueList::OffPlatformWork));
        context.findings.evidence(Basis::CircumventionAfterClose, m, m.details());
        context.circumventionMessages.insert(m.index());
        fired = true;
    }
    if (fired)
        context.findings.fired("contract.circumvention_after_close");
    return fired;
}

// Once a contract has started, contact details may be shared; after it closed too.
bool ruleContractState(RuleContext &context)
{
    bool fired = false;
    for (const MessageFacts &m : context.facts.messages()) {
        if (!m.hasContact() || m.time() == ContractTime::BeforeContract
            || context.circumventionMessages.contains(m.index()))
            continue;
        const Basis basis = m.time() == ContractTime::Active ? Basis::ContractActive : Basis::ContractClosed;
        context.findings.add(basis, 0.95);
        context.findings.evidence(basis, m, m.details());
        context.findings.evidence(basis, m, m.requests());
        fired = true;
    }
    if (fired)
        context.findings.fired("contract.started");
    return fired;
}

bool isWebsiteLink(const DetectedSpan &span)
{
    return span.type == ContactType::Url;
}

// A link to a site or portfolio is allowed, unless it is offered as a way to get in touch
// off the platform ("contact me through my site") without a reminder to stay on it.
bool linkInvitesContact(const MessageFacts &m)
{
    return m.has(CueList::ContactInvitation) && !m.has(CueList::OnPlatform);
}

// Job posts must not carry contact details; links to the client's own site are fine.
bool ruleJobPost(RuleContext &context)
{
    bool fired = false;
    for (const MessageFacts &m : context.facts.messages()) {
        if (!m.inJobPost() || m.time() != ContractTime::BeforeContract || !m.hasContact())
            continue;
        DetectedSpans contact;
        for (const DetectedSpan &span : m.details()) {
            if (!isWebsiteLink(span) || linkInvitesContact(m))
                contact.append(span);
        }
        if (contact.isEmpty() && m.requests().isEmpty())
            continue;
        const double confidence = strongest(contact + m.requests(), 0.8);
        context.findings.add(Basis::ContactInJobPost, confidence);
        context.findings.add(Basis::BeforeContract, confidence);
        context.findings.evidence(Basis::ContactInJobPost, m, contact);
        context.findings.evidence(Basis::ContactInJobPost, m, m.requests());
        context.findings.evidence(Basis::BeforeContract, m, contact);
        if (!m.requests().isEmpty()) {
            context.findings.add(Basis::AskedForContact, strongest(m.requests()));
            context.findings.evidence(Basis::AskedForContact, m, m.requests());
        }
        fired = true;
    }
    if (fired)
        context.findings.fired("job_post.contact");
    return fired;
}

// The kind of detail a request asks for: an e-mail address, a phone or messenger ID, or unknown.
std::optional<ContactType> requestedType(const MessageFacts &m, const DetectedSpan &request, const ContactPolicy &policy)
{
    const CueText text(request.text);
    if (policy.cues(CueList::PhoneWords).contains(text))
        return ContactType::Phone;
    if (policy.cues(CueList::EmailWords).contains(text))
        return ContactType::Email;
    Q_UNUSED(m);
    return std::nullopt;
}

bool statedRelationship(const ConversationFacts &facts)
{
    return std::any_of(facts.messages().begin(), facts.messages().end(),
                       [](const MessageFacts &m) { return m.has(CueList::PreExistingRelationship); });
}

// Contact before the contract (outside job posts): allowed with a pre-existing relationship
// or for a website link; an exception when the client is on Enterprise or a legal, access or
// accessibility reason covers every detail shared or asked for; a violation otherwise.
bool ruleBeforeContract(RuleContext &context)
{
    const ConversationFacts &facts = context.facts;
    const QList<PolicyException> &exceptions = context.policy.exceptions();
    const bool recordedRelationship = context.record().preExistingRelationship;
    const bool relationship = recordedRelationship || statedRelationship(facts);
    const bool enterprise = context.record().client.plan == QLatin1String("enterprise");
    bool fired = false;
    // Per exception, the messages that talk about it, in order, found once: looking them up
    // again for every message with a detail made a conversation of many messages quadratic.
    QList<std::optional<QList<int>>> exceptionMessages(exceptions.size());
    const auto talkedAbout = [&](int e) -> const QList<int> & {
        if (!exceptionMessages[e]) {
            QList<int> indexes;
            for (const MessageFacts &said : facts.messages()) {
                if (!said.exceptionCues(e).isEmpty())
                    indexes.append(said.index());
            }
            exceptionMessages[e] = indexes;
        }
        return *exceptionMessages[e];
    };
    std::optional<QList<int>> relationshipMessages;

    for (const MessageFacts &m : facts.messages()) {
        if (!m.hasContact() || m.time() != ContractTime::BeforeContract)
            continue;
        fired = true;
        DetectedSpans links;
        DetectedSpans others;
        for (const DetectedSpan &span : m.details())
            (isWebsiteLink(span) && !linkInvitesContact(m) ? links : others).append(span);
        if (!links.isEmpty()) {
            context.findings.add(Basis::WebsiteLink, m.has(CueList::OnPlatform) ? 0.85 : 0.7);
            context.findings.evidence(Basis::WebsiteLink, m, links);
            context.findings.evidence(Basis::WebsiteLink, m, m.cues(CueList::OnPlatform));
            context.findings.fired("link.website");
        }
        if ((others.isEmpty() && m.requests().isEmpty()) || m.inJobPost()) // job posts: ruleJobPost
            continue;

        if (relationship) {
            context.findings.add(Basis::PreExistingRelationship, recordedRelationship ? 0.9 : 0.7);
            context.findings.evidence(Basis::PreExistingRelationship, m, others);
            if (!relationshipMessages) {
                relationshipMessages.emplace();
                for (const MessageFacts &stated : facts.messages()) {
                    if (!stated.cues(CueList::PreExistingRelationship).isEmpty())
                        relationshipMessages->append(stated.index());
                }
            }
            for (int i : std::as_const(*relationshipMessages))
                context.findings.evidence(Basis::PreExistingRelationship, facts.messages().at(i),
                                          facts.messages().at(i).cues(CueList::PreExistingRelationship));
            context.findings.fired("relationship.pre_existing");
            continue;
        }

        // The exceptions talked about up to this message and the reply to it.
        QList<int> applicable;
        for (int e = 0; e < exceptions.size(); ++e) {
            for (int i : talkedAbout(e)) {
                if (i > m.index() + 1)
                    break;
                if (facts.messages().at(i).time() == ContractTime::BeforeContract) {
                    applicable.append(e);
                    break;
                }
            }
        }
        const auto covering = [&](std::optional<ContactType> type) {
            QList<int> result;
            for (int e : applicable) {
                if (!type || exceptions.at(e).covers.contains(*type))
                    result.append(e);
            }
            return result;
        };
        QSet<int> used;
        DetectedSpans uncoveredDetails;
        DetectedSpans uncoveredRequests;
        for (const DetectedSpan &span : others) {
            const QList<int> by = covering(span.type);
            if (by.isEmpty() && !enterprise)
                uncoveredDetails.append(span);
            for (int e : by)
                used.insert(e);
        }
        for (const DetectedSpan &request : m.requests()) {
            const QList<int> by = covering(requestedType(m, request, context.policy));
            if (by.isEmpty() && !enterprise)
                uncoveredRequests.append(request);
            for (int e : by)
                used.insert(e);
        }

        if (uncoveredDetails.isEmpty() && uncoveredRequests.isEmpty()) {
            if (context.firstCoveredEvent < 0)
                context.firstCoveredEvent = m.index();
            if (enterprise) {
                context.findings.add(Basis::Enterprise, 0.85);
                context.findings.evidence(Basis::Enterprise, m, others);
                context.findings.fired("exception.enterprise");
                if (!context.coveredBy.contains(Basis::Enterprise))
                    context.coveredBy.append(Basis::Enterprise);
            }
            for (int e : std::as_const(applicable)) {
                if (!used.contains(e))
                    continue;
                const PolicyException &exception = exceptions.at(e);
                context.findings.add(exception.basis, exception.group == QLatin1String("accessibility") ? 0.75 : 0.8);
                for (int i : talkedAbout(e)) {
                    if (i > m.index() + 1)
                        break;
                    context.findings.evidence(exception.basis, facts.messages().at(i),
                                              facts.messages().at(i).exceptionCues(e));
                }
                context.findings.fired(exception.group == QLatin1String("legal")    ? "exception.legal"
                                       : exception.group == QLatin1String("access") ? "exception.access"
                                                                                     : "exception.accessibility");
                if (!context.coveredBy.contains(exception.basis))
                    context.coveredBy.append(exception.basis);
            }
            continue;
        }

        if (!uncoveredDetails.isEmpty()) {
            context.findings.add(Basis::BeforeContract, strongest(uncoveredDetails));
            context.findings.evidence(Basis::BeforeContract, m, uncoveredDetails);
            context.findings.fired("before_contract.shared");
        }
        if (!uncoveredRequests.isEmpty()) {
            context.findings.add(Basis::AskedForContact, strongest(uncoveredRequests));
            context.findings.add(Basis::BeforeContract, strongest(uncoveredRequests));
            context.findings.evidence(Basis::AskedForContact, m, uncoveredRequests);
            context.findings.evidence(Basis::BeforeContract, m, uncoveredRequests);
            context.findings.fired("before_contract.asked");
        }
    }
    return fired;
}

// Details obtained under an exception must not be used to talk about the job or payment
// off the platform before the contract starts.
bool ruleExceptionMisused(RuleContext &context)
{
    if (context.firstCoveredEvent < 0)
        return false;
    bool fired = false;
    for (const MessageFacts &m : context.facts.messages()) {
        if (m.index() < context.firstCoveredEvent || m.time() != ContractTime::BeforeContract)
            continue;
        bool talksOffPlatform = false;
        if (m.index() == context.firstCoveredEvent) {
            // The message that shared the detail names its channel for the exception's
            // sake ("could we do the interview over email?"); only taking the job
            // itself off the platform there ("email me there about the price, we can
            // agree outside upwork") misuses the detail at once.
            talksOffPlatform = m.has(CueList::OffPlatformWork) && m.has(CueList::JobTopic);
            if (!talksOffPlatform)
                continue;
        } else {
            talksOffPlatform = (m.has(CueList::MisuseChannel) || m.has(CueList::OffPlatformWork))
                && m.has(CueList::JobTopic);
            if (!talksOffPlatform && !context.paymentMessages.contains(m.index()))
                continue;
        }
        context.findings.add(Basis::ExceptionMisused, talksOffPlatform ? 0.8 : 0.75);
        context.findings.evidence(Basis::ExceptionMisused, m, m.cues(CueList::MisuseChannel));
        context.findings.evidence(Basis::ExceptionMisused, m, m.cues(CueList::OffPlatformWork));
        context.findings.evidence(Basis::ExceptionMisused, m, m.cues(CueList::JobTopic));
        fired = true;
    }
    if (fired)
        context.findings.fired("exception.misused");
    return fired;
}

} // namespace

PolicyAssessor::PolicyAssessor(std::shared_ptr<const ContactPolicy> policy, const Detector &detector)
    : m_policy(std::move(policy))
    , m_detector(detector)
{
}

Assessment PolicyAssessor::assess(const ConversationRecord &record) const
{
    QStringList texts;
    texts.reserve(record.messages.size());
    for (const MessageRecord &message : record.messages)
        texts.append(message.text);
    return assess(record, m_detector.detect(texts));
}

Assessment PolicyAssessor::assess(const ConversationRecord &record, const QList<DetectedSpans> &spans) const
{
    const ConversationFacts facts(record, spans, *m_policy, m_detector);
    Findings findings;
    RuleContext context{facts, *m_policy, findings, {}, {}, -1, {}};

    ruleOffPlatformPayment(context);
    ruleCircumventionAfterClose(context);
    ruleContractState(context);
    ruleJobPost(context);
    ruleBeforeContract(context);
    const bool misused = ruleExceptionMisused(context);

    Assessment assessment;
    for (const MessageFacts &m : facts.messages()) {
        for (qsizetype d = 0; d < m.details().size(); ++d)
            assessment.spans.append({m.message().externalId, m.details().at(d), m.joinedDetailOf(d)});
        for (const DetectedSpan &request : m.requests())
            assessment.spans.append({m.message().externalId, request, -1});
    }
    // Message positions looked up once, not by a search in every comparison.
    QHash<QString, int> position;
    position.reserve(record.messages.size());
    for (int i = record.messages.size() - 1; i >= 0; --i)
        position.insert(record.messages.at(i).externalId, i);
    std::stable_sort(assessment.spans.begin(), assessment.spans.end(), [&position](const AssessmentSpan &a, const AssessmentSpan &b) {
        const int ia = position.value(a.messageId, -1);
        const int ib = position.value(b.messageId, -1);
        return ia != ib ? ia < ib : a.span.start < b.span.start;
    });
    assessment.joinedDetails = facts.joinedDetails();

    QList<Basis> basis;
    const auto take = [&](Basis b) {
        if (findings.has(b) && !basis.contains(b))
            basis.append(b);
    };
    const bool violation = std::any_of(findings.order().begin(), findings.order().end(),
                                       [](Basis b) { return verdictOfBasis(b) == Verdict::Violation; });
    if (violation) {
        assessment.verdict = Verdict::Violation;
        take(Basis::OffPlatformPayment);
        take(Basis::ExceptionMisused);
        if (misused) {
            for (Basis b : std::as_const(context.coveredBy))
                take(b);
        }
        take(Basis::CircumventionAfterClose);
        take(Basis::ContactInJobPost);
        take(Basis::AskedForContact);
        take(Basis::BeforeContract);
    } else if (std::any_of(findings.order().begin(), findings.order().end(),
                           [](Basis b) { return verdictOfBasis(b) == Verdict::Exception; })) {
        assessment.verdict = Verdict::Exception;
        take(Basis::Enterprise);
        QList<Basis> others;
        for (Basis b : findings.order()) {
            if (verdictOfBasis(b) == Verdict::Exception && b != Basis::Enterprise)
                others.append(b);
        }
        std::stable_sort(others.begin(), others.end(), [&](Basis a, Basis b) {
            return findings.firstSeen(a, record) < findings.firstSeen(b, record);
        });
        for (Basis b : std::as_const(others))
            take(b);
    } else if (!findings.order().isEmpty()) {
        assessment.verdict = Verdict::Allowed;
        take(Basis::ContractActive);
        take(Basis::ContractClosed);
        take(Basis::PreExistingRelationship);
        take(Basis::WebsiteLink);
    } else {
        assessment.verdict = Verdict::NoContact;
    }
    assessment.basis = basis;

    double confidence = basis.isEmpty() ? 0.9 : findings.confidence(basis.constFirst());
    if (assessment.verdict == Verdict::NoContact && !assessment.spans.isEmpty())
        confidence = 0.6; // details were found but none counted: worth a look
    assessment.confidence = std::clamp(confidence, 0.05, 0.99);

    for (const AssessmentEvidence &item : findings.allEvidence()) {
        if (basis.contains(item.supports))
            assessment.evidence.append(item);
    }
    assessment.rulesFired = findings.rules();
    if (assessment.verdict == Verdict::Violation)
        assessment.recommendedPenalty = recommendedPenalty(record.history, basis.contains(Basis::OffPlatformPayment),
                                                           &assessment.countedDecisions);
    assessment.explanation = explanation(assessment);
    return assessment;
}

QString PolicyAssessor::recommendedPenalty(const QList<PriorDecisionRecord> &history, bool offPlatformPayment,
                                           QList<CountedDecision> *counted) const
{
    const QStringList &ladder = m_policy->ladder();
    int step = 0;
    for (int i = 0; i < history.size(); ++i) {
        const PriorDecisionRecord &decision = history.at(i);
        if (decision.verdict != QLatin1String("violation") || decision.reversed)
            continue;
        ++step;
        if (counted)
            counted->append({i, decision.decidedAt.isValid() ? decision.decidedAt.date().toString(Qt::ISODate) : QString(),
                             decision.penalty});
    }
    if (offPlatformPayment)
        ++step;
    return ladder.at(std::min(step, int(ladder.size()) - 1));
}

QString PolicyAssessor::explanation(const Assessment &assessment) const
{
    if (assessment.verdict == Verdict::NoContact)
        return assessment.spans.isEmpty()
            ? QStringLiteral("No contact details were shared or asked for.")
            : QStringLiteral("Contact details were found, but none that the policy counts.");
    QStringList reasons;
    for (Basis basis : assessment.basis)
        reasons.append(describe(basis));
    QString lead;
    switch (assessment.verdict) {
    case Verdict::Violation: lead = QStringLiteral("Violation: "); break;
    case Verdict::Exception: lead = QStringLiteral("An exception may apply (a moderator confirms it): "); break;
    case Verdict::Allowed: lead = QStringLiteral("Allowed: "); break;
    case Verdict::NoContact: break;
    }
    const PolicyClause clause = m_policy->clause(assessment.basis.constFirst());
    QString text = lead + reasons.join(QStringLiteral("; ")) + QStringLiteral(". Policy, %1: \"%2\"")
                                                                   .arg(clause.label, clause.text);
    if (!assessment.recommendedPenalty.isEmpty())
        text += QStringLiteral(" Recommended penalty: %1 (%2 earlier violation(s) counted%3).")
                    .arg(assessment.recommendedPenalty)
                    .arg(assessment.countedDecisions.size())
                    .arg(assessment.basis.contains(Basis::OffPlatformPayment)
                             ? QStringLiteral(", one step up for off-platform payment")
                             : QString());
    text += QStringLiteral(" Rules: %1.").arg(assessment.rulesFired.join(QStringLiteral(", ")));
    return text;
}

} // namespace cg
