#pragma once

#include "CaseDatabase.h"
#include "CaseDetails.h"
#include "CaseTerms.h"
#include "DecisionService.h"

#include <QObject>

#include <memory>
#include <optional>

namespace cg {

class CaseQueueModel;
class ContactPolicy;
class ConversationModel;
class Detector;
class PolicyAssessor;
struct Assessment;

// What the policy suggests the moderator decides, in the decision's own terms.
struct DecisionSuggestion
{
    QString verdict;           // a Verdict name
    QStringList basis;         // Basis names, primary first
    QString penalty;           // a ladder step for violations, else ""
    QList<qint64> countedCases; // the earlier cases whose violations moved the penalty up
};

// One moderator's sitting in front of a case database: which file is open, which
// case is selected, and how decisions are recorded. Training is a mode of the
// session (decisions are practice and change no case), not a flag in the widgets.
class ReviewSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReviewSession)

public:
    enum class Mode { Review, Training };

    explicit ReviewSession(QString moderator, Mode mode = Mode::Review, QObject *parent = nullptr);
    ~ReviewSession() override;

    OpenResult openDatabase(const QString &path);
    void closeDatabase();
    bool hasDatabase() const { return m_database != nullptr; }
    QString databasePath() const;
    QSqlDatabase connection() const; // the session's own (GUI-thread) connection

    QString moderator() const { return m_moderator; }
    void setModerator(const QString &moderator) { m_moderator = moderator; }
    Mode mode() const { return m_mode; }

    CaseQueueModel *queue() const { return m_queue; }
    ConversationModel *conversation() const { return m_conversation; }

    void selectCase(qint64 caseId);
    qint64 currentCaseId() const { return m_currentCase ? m_currentCase->id : 0; }
    const std::optional<CaseDetails> &currentCase() const { return m_currentCase; }
    // What the policy suggests for the selected case, from its stored spans; null
    // when no case is selected or the policy could not be loaded.
    const Assessment *currentAssessment() const { return m_assessment.get(); }
    const std::optional<DecisionSuggestion> &suggestion() const { return m_suggestion; }
    // False when some message of the selected case has not been scanned yet.
    bool currentCaseFullyScanned() const { return m_fullyScanned; }
    const ContactPolicy *policy() const;

    // The moderator's role in the open database; a name it does not know yet decides
    // as a moderator (it is added on the first decision).
    ModeratorRole moderatorRole() const;
    bool canReverse() const { return moderatorRole() == ModeratorRole::Lead; }
    // A lead overturns a decision; the case goes back to the queue.
    DecisionOutcome reverseDecision(qint64 decisionId, const QString &note);

    // Decides the selected case on the version the moderator has been looking at.
    DecisionOutcome decideCurrentCase(const QString &verdict, const QString &note, const QString &penalty = {},
                                      const QStringList &basis = {});

signals:
    void databaseOpened(const QString &path);
    void databaseClosed();
    void currentCaseChanged(qint64 caseId);
    void decisionRecorded(qint64 caseId, qint64 decisionId);
    void decisionConflicted(qint64 caseId, const QString &message);
    void errorOccurred(const QString &message);

private:
    void reloadCurrentCase();
    void assessCurrentCase();

    QString m_moderator;
    Mode m_mode;
    std::unique_ptr<CaseDatabase> m_database;
    CaseQueueModel *m_queue;
    ConversationModel *m_conversation;
    std::optional<CaseDetails> m_currentCase;
    std::unique_ptr<Detector> m_detector;
    std::unique_ptr<PolicyAssessor> m_assessor;
    std::unique_ptr<Assessment> m_assessment;
    std::optional<DecisionSuggestion> m_suggestion;
    bool m_fullyScanned = true;
};

} // namespace cg
