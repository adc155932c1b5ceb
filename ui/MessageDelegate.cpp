#include "MessageDelegate.h"

#include "ConversationModel.h"
#include "SpanStyle.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHelpEvent>
#include <QPainter>
#include <QTextLayout>
#include <QToolTip>

namespace cg {

namespace {
constexpr int kOuterMargin = 6;
constexpr int kPadding = 8;
constexpr int kIndent = 48;  // the other party's bubbles start further right
constexpr int kHeaderGap = 4;

QString phaseLabel(const QString &phase)
{
    if (phase == QLatin1String("job_post"))
        return MessageDelegate::tr("job post");
    if (phase == QLatin1String("proposal"))
        return MessageDelegate::tr("proposal");
    if (phase == QLatin1String("interview"))
        return MessageDelegate::tr("interview");
    return MessageDelegate::tr("messages");
}

bool isFreelancer(const QModelIndex &index)
{
    return index.data(ConversationModel::SenderRoleRole).toString() == QLatin1String("freelancer");
}
} // namespace

struct MessageDelegate::Layout
{
    QString marker;   // a contract event drawn as a rule above the bubble
    QRect markerRect;
    QRect bubble;     // relative to the item's top-left
    QPoint bodyOrigin;
    QString header;
    QTextLayout body;
    DetectedSpans spans;
    int height = 0;
};

MessageDelegate::MessageDelegate(QAbstractItemView *view)
    : QStyledItemDelegate(view)
    , m_view(view)
{
}

int MessageDelegate::contentWidth(int itemWidth) const
{
    return std::max(80, itemWidth - 2 * kOuterMargin - kIndent - 2 * kPadding);
}

QString MessageDelegate::headerText(const QModelIndex &index) const
{
    const QString role = isFreelancer(index) ? tr("freelancer") : tr("client");
    const QDateTime sent = index.data(ConversationModel::SentAtRole).toDateTime();
    return tr("%1 (%2) · %3 · %4")
        .arg(index.data(ConversationModel::SenderNameRole).toString(), role,
             phaseLabel(index.data(ConversationModel::PhaseRole).toString()),
             sent.toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")));
}

std::unique_ptr<MessageDelegate::Layout> MessageDelegate::layoutFor(const QModelIndex &index, int width) const
{
    auto layout = std::make_unique<Layout>();
    const QPalette palette = m_view ? m_view->palette() : QApplication::palette();
    const QFont font = m_view ? m_view->font() : QApplication::font();
    const QString text = index.data(Qt::DisplayRole).toString();
    layout->spans = spansOf(index);
    layout->header = headerText(index);

    QList<QTextLayout::FormatRange> ranges;
    for (const DetectedSpan &span : std::as_const(layout->spans)) {
        const qsizetype start = codePointToUtf16(text, span.start);
        const qsizetype end = codePointToUtf16(text, span.end);
        if (end > start)
            ranges.append({static_cast<int>(start), static_cast<int>(end - start), spanFormat(span.type, palette)});
    }
    layout->body.setText(text);
    layout->body.setFont(font);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout->body.setTextOption(option);
    layout->body.setFormats(ranges);

    const int lineWidth = contentWidth(width);
    const QFontMetrics metrics(font);
    layout->body.beginLayout();
    qreal y = 0;
    while (true) {
        QTextLine line = layout->body.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(lineWidth);
        line.setPosition(QPointF(0, y));
        y += line.height();
    }
    layout->body.endLayout();

    layout->marker = index.data(ConversationModel::ContractMarkerRole).toString();
    const int markerHeight = layout->marker.isEmpty() ? 0 : metrics.height() + 2 * kOuterMargin;
    layout->markerRect = QRect(kOuterMargin, kOuterMargin, width - 2 * kOuterMargin, markerHeight);

    const int headerHeight = metrics.height();
    const int bubbleHeight = kPadding + headerHeight + kHeaderGap + qCeil(y) + kPadding;
    const int left = kOuterMargin + (isFreelancer(index) ? kIndent : 0);
    const int top = kOuterMargin + markerHeight;
    layout->bubble = QRect(left, top, lineWidth + 2 * kPadding, bubbleHeight);
    layout->bodyOrigin = QPoint(left + kPadding, top + kPadding + headerHeight + kHeaderGap);
    layout->height = markerHeight + bubbleHeight + 2 * kOuterMargin;
    return layout;
}

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const int width = m_view ? m_view->viewport()->width() : option.rect.width();
    return QSize(width, layoutFor(index, width)->height);
}

void MessageDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const std::unique_ptr<Layout> layout = layoutFor(index, option.rect.width());
    const QPalette &palette = option.palette;
    painter->save();
    painter->translate(option.rect.topLeft());
    painter->setRenderHint(QPainter::Antialiasing);

    if (!layout->marker.isEmpty()) {
        // A rule across the timeline: before it the contract had not started.
        const QRect rect = layout->markerRect;
        const int textWidth = option.fontMetrics.horizontalAdvance(layout->marker) + 16;
        const int middle = rect.center().y();
        painter->setPen(QPen(palette.color(QPalette::Highlight), 1, Qt::DashLine));
        painter->drawLine(rect.left(), middle, rect.center().x() - textWidth / 2, middle);
        painter->drawLine(rect.center().x() + textWidth / 2, middle, rect.right(), middle);
        painter->setPen(palette.color(QPalette::Highlight));
        painter->drawText(rect, Qt::AlignCenter, layout->marker);
    }

    const bool selected = option.state & QStyle::State_Selected;
    QColor fill = isFreelancer(index) ? palette.color(QPalette::AlternateBase) : palette.color(QPalette::Base);
    painter->setPen(QPen(selected ? palette.color(QPalette::Highlight) : palette.color(QPalette::Mid),
                         selected ? 2 : 1));
    painter->setBrush(fill);
    painter->drawRoundedRect(layout->bubble, 6, 6);

    QFont headerFont = option.font;
    headerFont.setBold(true);
    headerFont.setPointSizeF(std::max(6.0, headerFont.pointSizeF() * 0.9));
    painter->setFont(headerFont);
    painter->setPen(palette.color(QPalette::PlaceholderText));
    const QRect headerRect(layout->bubble.left() + kPadding, layout->bubble.top() + kPadding,
                           layout->bubble.width() - 2 * kPadding, QFontMetrics(headerFont).height());
    painter->drawText(headerRect, Qt::AlignLeft | Qt::AlignVCenter, layout->header);

    painter->setPen(palette.color(QPalette::Text));
    layout->body.draw(painter, layout->bodyOrigin);

    if (index.row() == m_flashRow) {
        const QString text = layout->body.text();
        const int from = static_cast<int>(codePointToUtf16(text, m_flashStart));
        const int to = static_cast<int>(codePointToUtf16(text, m_flashEnd));
        painter->setPen(QPen(palette.color(QPalette::Highlight), 2));
        painter->setBrush(Qt::NoBrush);
        for (int i = 0; i < layout->body.lineCount(); ++i) {
            const QTextLine line = layout->body.lineAt(i);
            const int lineStart = line.textStart();
            const int lineEnd = lineStart + line.textLength();
            if (to <= lineStart || from >= lineEnd)
                continue;
            const qreal x1 = line.cursorToX(std::max(from, lineStart));
            const qreal x2 = line.cursorToX(std::min(to, lineEnd));
            painter->drawRoundedRect(QRectF(layout->bodyOrigin.x() + x1 - 2, layout->bodyOrigin.y() + line.y() - 1,
                                            x2 - x1 + 4, line.height() + 2),
                                     3, 3);
        }
    }
    painter->restore();
}

void MessageDelegate::setFlashedSpan(int row, qsizetype start, qsizetype end)
{
    m_flashRow = row;
    m_flashStart = start;
    m_flashEnd = end;
    if (m_view)
        m_view->viewport()->update();
}

void MessageDelegate::clearFlash()
{
    m_flashRow = -1;
    if (m_view)
        m_view->viewport()->update();
}

QRect MessageDelegate::spanRect(const QModelIndex &index, const QRect &rect, qsizetype start, qsizetype end) const
{
    const std::unique_ptr<Layout> layout = layoutFor(index, rect.width());
    const QString text = layout->body.text();
    const int from = static_cast<int>(codePointToUtf16(text, start));
    const int to = static_cast<int>(codePointToUtf16(text, end));
    const QTextLine line = layout->body.lineForTextPosition(from);
    if (!line.isValid())
        return {};
    const qreal x1 = line.cursorToX(from);
    const qreal x2 = line.cursorToX(std::min(to, line.textStart() + line.textLength()));
    return QRectF(rect.topLeft() + layout->bodyOrigin + QPointF(x1, line.y()), QSizeF(x2 - x1, line.height()))
        .toAlignedRect();
}

std::optional<DetectedSpan> MessageDelegate::spanAt(const QModelIndex &index, const QRect &rect,
                                                    const QPoint &point) const
{
    const std::unique_ptr<Layout> layout = layoutFor(index, rect.width());
    const QPointF local = QPointF(point - rect.topLeft() - layout->bodyOrigin);
    for (int i = 0; i < layout->body.lineCount(); ++i) {
        const QTextLine line = layout->body.lineAt(i);
        if (local.y() < line.y() || local.y() >= line.y() + line.height())
            continue;
        if (local.x() < 0 || local.x() > line.naturalTextWidth())
            return std::nullopt;
        const int utf16 = line.xToCursor(local.x(), QTextLine::CursorOnCharacter);
        const QString text = layout->body.text();
        for (const DetectedSpan &span : std::as_const(layout->spans)) {
            if (utf16 >= codePointToUtf16(text, span.start) && utf16 < codePointToUtf16(text, span.end))
                return span;
        }
        return std::nullopt;
    }
    return std::nullopt;
}

QString MessageDelegate::describeSpan(const DetectedSpan &span)
{
    QString description = tr("<b>%1</b> — %2<br>Value: <code>%3</code><br>Confidence: %4%<br>Rule: %5")
                              .arg(contactTypeLabel(span.type).toHtmlEscaped(), span.explanation.toHtmlEscaped(),
                                   span.value.toHtmlEscaped())
                              .arg(qRound(span.confidence * 100))
                              .arg(span.rule.toHtmlEscaped());
    if (span.obfuscated)
        description += tr("<br>Disguised: written as “%1”, decoded as “%2”")
                           .arg(span.text.toHtmlEscaped(), span.value.toHtmlEscaped());
    return description;
}

DetectedSpans MessageDelegate::spansOf(const QModelIndex &index) const
{
    DetectedSpans spans = index.data(ConversationModel::SpansRole).value<DetectedSpans>();
    for (const JoinedPart &part : m_joinedParts.value(index.data(ConversationModel::ExternalIdRole).toString())) {
        const bool stored = std::any_of(spans.cbegin(), spans.cend(), [&part](const DetectedSpan &span) {
            return span.start < part.span.end && part.span.start < span.end;
        });
        if (!stored)
            spans.append(part.span);
    }
    std::sort(spans.begin(), spans.end(), [](const DetectedSpan &a, const DetectedSpan &b) { return a.start < b.start; });
    return spans;
}

void MessageDelegate::setJoinedParts(QHash<QString, QList<JoinedPart>> partsByMessage)
{
    m_joinedParts = std::move(partsByMessage);
}

QString MessageDelegate::describeSpanInContext(const QModelIndex &index, const DetectedSpan &span) const
{
    QString description = describeSpan(span);
    for (const JoinedPart &part : m_joinedParts.value(index.data(ConversationModel::ExternalIdRole).toString())) {
        if (part.span.start < span.end && span.start < part.span.end) {
            description += tr("<br><b>Part of a detail split over messages:</b> %1").arg(part.whole.toHtmlEscaped());
            break;
        }
    }
    return description;
}

bool MessageDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                                const QModelIndex &index)
{
    if (event->type() == QEvent::ToolTip && index.isValid()) {
        if (const auto span = spanAt(index, option.rect, event->pos())) {
            QToolTip::showText(event->globalPos(), describeSpanInContext(index, *span), view);
            return true;
        }
        QToolTip::hideText();
        event->ignore();
        return true;
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}

} // namespace cg
