#include "AssessmentPanel.h"

#include "Assessment.h"
#include "ContactPolicy.h"

#include <QUrl>

namespace cg {

namespace {

QString humanBasis(Basis basis)
{
    return basisName(basis).replace(QLatin1Char('_'), QLatin1Char(' '));
}

QString verdictColour(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Violation: return QStringLiteral("#c0392b");
    case Verdict::Exception: return QStringLiteral("#d68910");
    case Verdict::Allowed: return QStringLiteral("#1e8449");
    case Verdict::NoContact: return QStringLiteral("#5d6d7e");
    }
    return {};
}

} // namespace

AssessmentPanel::AssessmentPanel(QWidget *parent)
    : LinkedTextPanel(QStringLiteral("assessmentPanel"), tr("Suggested assessment"),
                      tr("What the policy suggests and why"), parent)
{
    showAssessment(nullptr, nullptr, true);
}

void AssessmentPanel::onLinkActivated(const QUrl &url)
{
    if (url.scheme() == QLatin1String("evidence"))
        activateEvidence(url.path().toInt());
}

void AssessmentPanel::activateEvidence(int index)
{
    if (index < 0 || index >= m_evidence.size())
        return;
    const auto &[messageId, start, end] = m_evidence.at(index);
    emit evidenceActivated(messageId, start, end);
}

QString AssessmentPanel::describe(const Assessment &assessment, const ContactPolicy *policy, bool fullyScanned) const
{
    QStringList html;
    html << tr("<h3>Suggested: <span style=\"color:%1\">%2</span></h3>")
                .arg(verdictColour(assessment.verdict), verdictName(assessment.verdict).replace(QLatin1Char('_'), QLatin1Char(' ')))
         << tr("<p>Confidence %1%</p>").arg(qRound(assessment.confidence * 100));
    // With bases, each is shown with its clause below; the prose explanation
    // would only repeat them. Without, it is all there is to say.
    if (assessment.basis.isEmpty())
        html << QStringLiteral("<p>%1</p>").arg(assessment.explanation.toHtmlEscaped());
    if (!fullyScanned)
        html << tr("<p><b>Some messages are not scanned yet</b>: run a scan for a complete suggestion.</p>");

    for (const Basis basis : assessment.basis) {
        html << tr("<p><b>%1</b>").arg(humanBasis(basis));
        if (policy) {
            const PolicyClause clause = policy->clause(basis);
            if (!clause.label.isEmpty())
                html << tr(" — %1").arg(clause.label.toHtmlEscaped());
            if (!clause.text.isEmpty())
                html << tr("<br><i>“%1”</i>").arg(clause.text.toHtmlEscaped());
        }
        QStringList links;
        for (int i = 0; i < assessment.evidence.size(); ++i) {
            const AssessmentEvidence &evidence = assessment.evidence.at(i);
            if (evidence.supports == basis)
                links << QStringLiteral("<a href=\"evidence:%1\">“%2”</a>").arg(i).arg(evidence.text.toHtmlEscaped());
        }
        if (!links.isEmpty())
            html << tr("<br>Evidence: %1").arg(links.join(QStringLiteral(", ")));
        html << QStringLiteral("</p>");
    }

    if (assessment.basis.contains(Basis::ExceptionMisused)) {
        html << tr("<p><b>Why no exception applies:</b> contact details obtained under an exception were used, "
                   "or offered, to talk about the job or payment off the platform, which the policy forbids "
                   "even when sharing was allowed.</p>");
    }
    for (const JoinedDetail &joined : assessment.joinedDetails) {
        html << tr("<p><b>Split over %n message(s):</b> %1</p>", nullptr, static_cast<int>(joined.parts.size()))
                    .arg(joined.value.toHtmlEscaped());
    }
    if (!assessment.recommendedPenalty.isEmpty()) {
        QStringList counted;
        for (const CountedDecision &decision : assessment.countedDecisions)
            counted << decision.decidedAt.left(10);
        html << tr("<p><b>Recommended penalty:</b> %1%2</p>")
                    .arg(QString(assessment.recommendedPenalty).replace(QLatin1Char('_'), QLatin1Char(' ')),
                         counted.isEmpty() ? tr(" (no earlier violation counts)")
                                           : tr(" (%n earlier violation(s) counted: %1)", nullptr,
                                                static_cast<int>(counted.size()))
                                                 .arg(counted.join(QStringLiteral(", "))));
    }
    if (!assessment.rulesFired.isEmpty())
        html << tr("<p style=\"color:gray\">Rules: %1</p>").arg(assessment.rulesFired.join(QStringLiteral(", ")).toHtmlEscaped());
    return html.join(QString());
}

void AssessmentPanel::showAssessment(const Assessment *assessment, const ContactPolicy *policy, bool fullyScanned)
{
    m_evidence.clear();
    if (!assessment) {
        setHtml(tr("<p>No suggestion: select a case.</p>"));
        return;
    }
    for (const AssessmentEvidence &evidence : assessment->evidence)
        m_evidence.append({evidence.messageId, evidence.start, evidence.end});
    setHtml(describe(*assessment, policy, fullyScanned));
}

} // namespace cg
