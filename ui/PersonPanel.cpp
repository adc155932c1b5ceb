#include "PersonPanel.h"

#include <QUrl>

namespace cg {

namespace {

QString caseLink(qint64 caseId)
{
    return QStringLiteral("<a href=\"case:%1\">%2</a>").arg(caseId).arg(PersonPanel::tr("case %1").arg(caseId));
}

QString penaltyText(const PenaltyRecord &penalty)
{
    QString text = PersonPanel::tr("%1 since %2 (%3)")
                       .arg(QString(penalty.kind).replace(QLatin1Char('_'), QLatin1Char(' ')),
                            penalty.startsAt.date().toString(Qt::ISODate), caseLink(penalty.caseId));
    if (penalty.endsAt.isValid())
        text += PersonPanel::tr(", until %1").arg(penalty.endsAt.date().toString(Qt::ISODate));
    return text;
}

} // namespace

PersonPanel::PersonPanel(QWidget *parent)
    : LinkedTextPanel(QStringLiteral("personPanel"), tr("Person and history"),
                      tr("Person under review and their history"), parent)
{
    showCase(std::nullopt);
}

void PersonPanel::onLinkActivated(const QUrl &url)
{
    if (url.scheme() == QLatin1String("case"))
        emit caseLinkActivated(url.path().toLongLong());
}

QString PersonPanel::describe(const CaseDetails &details)
{
    const bool client = details.subjectRole == QLatin1String("client");
    QStringList html;
    html << tr("<h3>%1</h3>").arg(details.subjectName.toHtmlEscaped());
    QStringList facts{client ? tr("client") : tr("freelancer")};
    if (client && !details.clientPlan.isEmpty())
        facts << tr("%1 plan").arg(details.clientPlan);
    if (!details.subjectCountry.isEmpty())
        facts << details.subjectCountry.toHtmlEscaped();
    html << facts.join(QStringLiteral(" · "));
    if (details.preExistingRelationship)
        html << tr("<p>A relationship outside the platform that predates this conversation is on record.</p>");

    const QDateTime now = QDateTime::currentDateTimeUtc();
    QStringList active;
    for (const PenaltyRecord &penalty : details.subjectPenalties) {
        if (penalty.isActive(now))
            active << penaltyText(penalty);
    }
    html << tr("<p><b>Active penalties:</b> %1</p>")
                .arg(active.isEmpty() ? tr("none") : active.join(QStringLiteral("; ")));

    html << tr("<p><b>Earlier decisions</b> (%n violation(s) count on the ladder):</p>", nullptr,
               details.countedViolations());
    if (details.subjectHistory.isEmpty()) {
        html << tr("<p>None.</p>");
    } else {
        // The most recent ones; a long history would make every case slow to show.
        constexpr int kShown = 15;
        html << QStringLiteral("<ul>");
        for (const PastDecision &past : details.subjectHistory.mid(0, kShown)) {
            QString line = tr("%1 · %2 · %3%4 · %5")
                               .arg(past.decidedAt.date().toString(Qt::ISODate), caseLink(past.caseId), past.verdict,
                                    past.penalty.isEmpty() ? QString() : tr(" (%1)").arg(past.penalty),
                                    past.moderator.toHtmlEscaped());
            if (past.reversed)
                line = tr("<s>%1</s> reversed").arg(line);
            html << QStringLiteral("<li>%1</li>").arg(line);
        }
        html << QStringLiteral("</ul>");
        if (details.subjectHistory.size() > kShown)
            html << tr("<p>… and %1 earlier decision(s), in the decision log (Ctrl+L).</p>")
                        .arg(details.subjectHistory.size() - kShown);
    }
    return html.join(QLatin1Char('\n'));
}

void PersonPanel::showCase(const std::optional<CaseDetails> &details)
{
    setHtml(details ? describe(*details) : tr("<p>No case selected.</p>"));
}

} // namespace cg
