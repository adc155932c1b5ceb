#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

namespace cg {

// An inline bar above the panels for recoverable problems and confirmations, in
// place of modal boxes: the moderator reads it and keeps working.
class MessageBar final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageBar)

public:
    enum class Kind { Information, Positive, Warning, Error };

    explicit MessageBar(QWidget *parent = nullptr);

    void showMessage(Kind kind, const QString &text);
    QString text() const;
    Kind kind() const { return m_kind; }

private:
    QLabel *m_label;
    QToolButton *m_closeButton;
    Kind m_kind = Kind::Information;
};

} // namespace cg
