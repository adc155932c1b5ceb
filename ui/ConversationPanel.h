#pragma once

#include "CaseDetails.h"

#include <QWidget>

class QLabel;
class QListView;

namespace cg {

class ConversationModel;
class MessageDelegate;

// The selected case: who is involved, the contract and flag context, a legend of
// span styles, and the messages as a chat with the detected spans highlighted.
class ConversationPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConversationPanel)

public:
    explicit ConversationPanel(ConversationModel *model, QWidget *parent = nullptr);

    void showCase(const std::optional<CaseDetails> &details);
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
    QListView *m_messages;
    MessageDelegate *m_delegate;
};

} // namespace cg
