#pragma once

#include "CaseDetails.h"

#include <QWidget>

class QLabel;
class QListView;

namespace cg {

class ConversationModel;
class MessageDelegate;
struct JoinedDetail;

// The selected case: who is involved, the contract and flag context, a legend of
// span styles, and the messages as a chat with the detected spans highlighted.
class ConversationPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConversationPanel)

public:
    explicit ConversationPanel(ConversationModel *model, QWidget *parent = nullptr);

    void showCase(const std::optional<CaseDetails> &details);
    // Scrolls to a span of a message and outlines it for a moment; false if the
    // message is not in this conversation.
    bool revealSpan(const QString &messageId, qsizetype start, qsizetype end);
    // Moves to the next highlighted span (after the current one, wrapping) and shows
    // what was found there, as hovering it would; false when there is none.
    bool focusNextSpan();
    // Links the parts of details the assessment joined across messages.
    void showJoinedDetails(const QList<JoinedDetail> &joined);
    QListView *messageView() const { return m_messages; }
    MessageDelegate *delegate() const { return m_delegate; }

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *createLegend();
    void styleLegend();
    void styleTitle();
    static QString contractText(const CaseDetails &details);

    QWidget *m_legend = nullptr;
    QLabel *m_title;
    QLabel *m_context;
    ConversationModel *m_model;
    int m_spanRow = -1;   // the span focused with focusNextSpan()
    int m_spanIndex = -1;
    QListView *m_messages;
    MessageDelegate *m_delegate;
};

} // namespace cg
