#pragma once

#include "DetectedSpan.h"

#include <QPointer>
#include <QStyledItemDelegate>

#include <memory>

class QAbstractItemView;
class QTextLayout;

namespace cg {

// Paints one message of a conversation: a header (sender, role, phase, time) and
// the text with each detected span highlighted in its type's style. Hovering a
// span shows what was found and why.
class MessageDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageDelegate)

public:
    explicit MessageDelegate(QAbstractItemView *view);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

    // The tooltip text for a span (also used by tests and accessibility).
    static QString describeSpan(const DetectedSpan &span);
    // With what the assessment joined it to, when the span is a part of a detail
    // split over several messages.
    QString describeSpanInContext(const QModelIndex &index, const DetectedSpan &span) const;

    // Parts of details the assessment joined across messages: drawn like the stored
    // spans, and described with the whole they belong to.
    struct JoinedPart
    {
        DetectedSpan span;
        QString whole; // "value, over N messages"
    };
    void setJoinedParts(QHash<QString, QList<JoinedPart>> partsByMessage);
    // What is highlighted in a message: its stored spans and any joined parts.
    DetectedSpans spansOf(const QModelIndex &index) const;
    // Outlines a span (code points of the message in `row`) until clearFlash().
    void setFlashedSpan(int row, qsizetype start, qsizetype end);
    void clearFlash();
    int flashedRow() const { return m_flashRow; }

    // Where a span of the item at `rect` is drawn (its first line), in view coordinates.
    QRect spanRect(const QModelIndex &index, const QRect &rect, qsizetype start, qsizetype end) const;

    // The span under a point of the item at `rect`, if any.
    std::optional<DetectedSpan> spanAt(const QModelIndex &index, const QRect &rect, const QPoint &point) const;

private:
    struct Layout;
    std::unique_ptr<Layout> layoutFor(const QModelIndex &index, int width) const;
    QString headerText(const QModelIndex &index) const;
    int contentWidth(int itemWidth) const;

    QPointer<QAbstractItemView> m_view;
    QHash<QString, QList<JoinedPart>> m_joinedParts; // by message id
    int m_flashRow = -1;
    qsizetype m_flashStart = 0;
    qsizetype m_flashEnd = 0;
};

} // namespace cg
