#pragma once

#include "ReviewSession.h"

#include <QHash>
#include <QWidget>

class QButtonGroup;
class QCheckBox;
class QGroupBox;
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
    QStringList basis() const; // checked basis names, in the policy's order

    // What the policy suggests for the case: pre-checks its basis and penalty when
    // the moderator picks its verdict. Nothing when there is no suggestion.
    void setSuggestion(const std::optional<DecisionSuggestion> &suggestion);
    bool overridesSuggestion() const;

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
    QWidget *createBasisBox();

    QButtonGroup *m_verdicts;
    QLabel *m_suggestionLabel;
    QGroupBox *m_basisBox;
    QHash<QString, QCheckBox *> m_basisChecks; // by basis name
    QComboBox *m_penalty;
    QLabel *m_penaltyReason;
    std::optional<DecisionSuggestion> m_suggestion;
    QPlainTextEdit *m_note;
    QPushButton *m_submit;
    QLabel *m_outcome;
};

} // namespace cg
