#pragma once

#include <QWidget>

class QButtonGroup;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace cg {

// The moderator's decision on the selected case: verdict, penalty (violations
// only) and a note. It only collects the decision; the window records it.
class DecisionPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DecisionPanel)

public:
    explicit DecisionPanel(QWidget *parent = nullptr);

    QString verdict() const; // wire name, "" when none is chosen
    void setVerdict(const QString &verdict);
    QString penalty() const; // wire name, "" for none
    void setPenalty(const QString &penalty);
    QString note() const;

    void reset();
    void setCaseAvailable(bool available);
    void focusNote();
    // Opens the penalty list; false when no penalty applies (the verdict is not a violation).
    bool openPenaltyMenu();
    void showOutcome(const QString &text);

signals:
    void submitRequested();
    void leaveRequested(); // Esc in the note: back to the queue
    void verdictChanged(const QString &verdict);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onVerdictToggled();

    QButtonGroup *m_verdicts;
    QComboBox *m_penalty;
    QPlainTextEdit *m_note;
    QPushButton *m_submit;
    QLabel *m_outcome;
};

} // namespace cg
