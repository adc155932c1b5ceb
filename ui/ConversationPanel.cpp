#include "ConversationPanel.h"

#include "Assessment.h"
#include "ConversationModel.h"
#include "MessageDelegate.h"
#include "SpanStyle.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QTimer>
#include <QToolTip>
#include <QVBoxLayout>

namespace cg {

ConversationPanel::ConversationPanel(ConversationModel *model, QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_context(new QLabel(this))
    , m_model(model)
    , m_messages(new QListView(this))
    , m_delegate(new MessageDelegate(m_messages))
{
    setObjectName(QStringLiteral("conversationPanel"));
    setAccessibleName(tr("Conversation"));
    m_title->setObjectName(QStringLiteral("caseTitleLabel"));
    m_title->setAccessibleName(tr("Case title"));
    m_title->setWordWrap(true);
    styleTitle();
    m_context->setObjectName(QStringLiteral("caseContextLabel"));
    m_context->setAccessibleName(tr("Case context"));
    m_context->setWordWrap(true);
    m_context->setTextFormat(Qt::RichText);

    m_messages->setObjectName(QStringLiteral("messageListView"));
    m_messages->setAccessibleName(tr("Messages"));
    m_messages->setModel(model);
    m_messages->setItemDelegate(m_delegate);
    m_messages->setResizeMode(QListView::Adjust);
    m_messages->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_messages->setUniformItemSizes(false);
    m_messages->setWordWrap(true);
    m_messages->setMouseTracking(true);
    m_messages->setSelectionMode(QAbstractItemView::SingleSelection);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_context);
    m_legend = createLegend();
    layout->addWidget(m_legend);
    layout->addWidget(m_messages, 1);
    showCase(std::nullopt);
}

QWidget *ConversationPanel::createLegend()
{
    auto *legend = new QWidget(this);
    legend->setObjectName(QStringLiteral("spanLegendWidget"));
    legend->setAccessibleName(tr("Highlight legend"));
    auto *row = new QHBoxLayout(legend);
    row->setContentsMargins(0, 2, 0, 2);
    row->setSpacing(4);
    for (ContactType type : allContactTypes()) {
        auto *chip = new QLabel(contactTypeLabel(type), legend);
        chip->setObjectName(QStringLiteral("legend_%1_Label").arg(contactTypeName(type)));
        chip->setProperty("contactType", contactTypeName(type));
        row->addWidget(chip);
    }
    row->addStretch(1);
    m_legend = legend;
    styleLegend();
    return legend;
}

// The chips use the same colours as the highlights, which follow the palette.
void ConversationPanel::styleLegend()
{
    const QPalette pal = palette();
    for (QLabel *chip : m_legend->findChildren<QLabel *>()) {
        const auto type = contactTypeFromName(chip->property("contactType").toString());
        if (!type)
            continue;
        const SpanStyle style = spanStyle(*type, pal);
        const char *lineStyle = style.underlineStyle == QTextCharFormat::DotLine ? "dotted"
            : style.underlineStyle == QTextCharFormat::SingleUnderline         ? "solid"
                                                                               : "dashed";
        chip->setStyleSheet(
            QStringLiteral("QLabel { background: %1; color: %2; border-bottom: 2px %3 %4; padding: 1px 4px; }")
                .arg(style.background.name(), pal.color(QPalette::Text).name(), QString::fromLatin1(lineStyle),
                     style.underline.name()));
    }
}

void ConversationPanel::styleTitle()
{
    QFont titleFont = font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
}

void ConversationPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange && m_legend)
        styleLegend();
    else if (event->type() == QEvent::FontChange)
        styleTitle();
    QWidget::changeEvent(event);
}

bool ConversationPanel::revealSpan(const QString &messageId, qsizetype start, qsizetype end)
{
    int row = 0;
    for (;; ++row) {
        if (row >= m_model->rowCount()) {
            if (!m_model->canFetchMore({}))
                return false;
            m_model->fetchMore({}); // a long conversation: the evidence may not be paged in yet
        }
        if (m_model->index(row, 0).data(ConversationModel::ExternalIdRole).toString() == messageId)
            break;
    }
    const QModelIndex index = m_model->index(row, 0);
    m_messages->scrollTo(index, QAbstractItemView::PositionAtCenter);
    m_messages->setCurrentIndex(index);
    m_delegate->setFlashedSpan(row, start, end);
    QTimer::singleShot(1500, m_delegate, [delegate = m_delegate, row] {
        if (delegate->flashedRow() == row)
            delegate->clearFlash();
    });
    return true;
}

void ConversationPanel::showJoinedDetails(const QList<JoinedDetail> &joined)
{
    QHash<QString, QList<MessageDelegate::JoinedPart>> parts;
    for (const JoinedDetail &detail : joined) {
        const QString whole = tr("%1, over %n message(s)", nullptr, static_cast<int>(detail.parts.size())).arg(detail.value);
        for (const AssessmentSpan &part : detail.parts)
            parts[part.messageId].append({part.span, whole});
    }
    m_delegate->setJoinedParts(std::move(parts));
    m_messages->viewport()->update();
}

bool ConversationPanel::focusNextSpan()
{
    const int rows = m_model->rowCount();
    if (rows == 0)
        return false;
    // Look from just after the focused span; once round the whole loaded conversation.
    int row = std::max(m_spanRow, 0);
    int index = m_spanRow < 0 ? 0 : m_spanIndex + 1;
    for (int visited = 0; visited <= rows; ++visited) {
        const DetectedSpans spans = m_delegate->spansOf(m_model->index(row, 0));
        if (index < spans.size()) {
            const DetectedSpan &span = spans.at(index);
            m_spanRow = row;
            m_spanIndex = index;
            revealSpan(m_model->index(row, 0).data(ConversationModel::ExternalIdRole).toString(), span.start, span.end);
            const QModelIndex modelIndex = m_model->index(row, 0);
            const QRect where = m_delegate->spanRect(modelIndex, m_messages->visualRect(modelIndex), span.start, span.end);
            QToolTip::showText(m_messages->viewport()->mapToGlobal(where.bottomLeft()),
                               m_delegate->describeSpanInContext(modelIndex, span), m_messages->viewport(), where);
            return true;
        }
        row = (row + 1) % rows;
        index = 0;
    }
    return false;
}

QString ConversationPanel::contractText(const CaseDetails &details)
{
    const QString status = details.contractStatus;
    if (status == QLatin1String("active"))
        return tr("contract active since %1").arg(details.contractStart.toString(Qt::ISODate));
    if (status == QLatin1String("closed")) {
        return tr("contract closed %1 (ran from %2)%3")
            .arg(details.contractEnd.toString(Qt::ISODate), details.contractStart.toString(Qt::ISODate),
                 details.conversionFeePaid ? tr(", conversion fee paid") : QString());
    }
    if (status == QLatin1String("offered"))
        return tr("contract offered, not started");
    return tr("no contract");
}

void ConversationPanel::showCase(const std::optional<CaseDetails> &details)
{
    m_spanRow = m_spanIndex = -1;
    if (!details) {
        m_title->setText(tr("No case selected"));
        m_context->setText(tr("Open a case database (Ctrl+O) and pick a case from the queue (J / K)."));
        return;
    }
    m_title->setText(tr("Case %1 · %2").arg(details->id).arg(details->jobTitle.toHtmlEscaped()));
    QStringList lines;
    const bool clientUnderReview = details->subjectRole == QLatin1String("client");
    const QString plan = details->clientPlan.isEmpty() ? tr("unknown") : details->clientPlan;
    lines << (clientUnderReview
                  ? tr("<b>Under review:</b> %1, the client (%2 plan) · freelancer %3")
                        .arg(details->clientName.toHtmlEscaped(), plan, details->freelancerName.toHtmlEscaped())
                  : tr("<b>Under review:</b> %1, the freelancer · client %2 (%3 plan)")
                        .arg(details->freelancerName.toHtmlEscaped(), details->clientName.toHtmlEscaped(), plan));
    lines << tr("<b>Context:</b> %1 · %2%3 · status %4")
                 .arg(details->phase, contractText(*details),
                      details->preExistingRelationship ? tr(" · pre-existing relationship") : QString(),
                      details->status);
    lines << tr("<b>Flagged:</b> %1 (%2) on %3")
                 .arg(details->flagReason.toHtmlEscaped(), details->flagSource.toHtmlEscaped(),
                      details->flaggedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")));
    if (!details->decisionsOnCase.isEmpty()) {
        const PastDecision &latest = details->decisionsOnCase.constFirst();
        lines << tr("<b>Decided:</b> %1%2 by %3 on %4")
                     .arg(latest.verdict,
                          latest.penalty.isEmpty() ? QString() : tr(" (%1)").arg(latest.penalty),
                          latest.moderator.toHtmlEscaped(), latest.decidedAt.toString(Qt::ISODate));
    }
    m_context->setText(lines.join(QStringLiteral("<br>")));
}

} // namespace cg
