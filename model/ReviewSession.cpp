#include "ReviewSession.h"

#include "Assessment.h"
#include "CaseQueueModel.h"
#include "CaseRecordLoader.h"
#include "ContactPolicy.h"
#include "ConversationModel.h"
#include "Detector.h"
#include "ModeratorDirectory.h"
#include "PolicyAssessor.h"

namespace cg {

ReviewSession::ReviewSession(QString moderator, Mode mode, QObject *parent)
    : QObject(parent)
    , m_moderator(std::move(moderator))
    , m_mode(mode)
    , m_queue(new CaseQueueModel(this))
    , m_conversation(new ConversationModel(this))
    , m_detector(std::make_unique<Detector>())
{
    connect(m_queue, &CaseQueueModel::queryFailed, this, &ReviewSession::errorOccurred);
    // The built-in policy is checked by the tests; a team's override could be broken,
    // and then cases are still reviewable, only without a suggestion.
    const ContactPolicyLoad loaded = ContactPolicy::builtIn();
    if (loaded.policy)
        m_assessor = std::make_unique<PolicyAssessor>(loaded.policy, *m_detector);
}

ReviewSession::~ReviewSession()
{
    // The models hold copies of the connection; release them before the database goes.
    m_queue->clear();
    m_conversation->clear();
}

OpenResult ReviewSession::openDatabase(const QString &path)
{
    OpenResult result;
    auto database = CaseDatabase::open(path, OpenMode::ExistingOnly, &result);
    if (!database)
        return result;
    closeDatabase();
    m_database = std::move(database);
    m_queue->setDatabase(m_database->connection());
    emit databaseOpened(m_database->path());
    return result;
}

void ReviewSession::closeDatabase()
{
    if (!m_database)
        return;
    m_currentCase.reset();
    m_assessment.reset();
    m_suggestion.reset();
    m_queue->clear();
    m_conversation->clear();
    m_database.reset();
    emit currentCaseChanged(0);
    emit databaseClosed();
}

QString ReviewSession::databasePath() const
{
    return m_database ? m_database->path() : QString();
}

const ContactPolicy *ReviewSession::policy() const
{
    return m_assessor ? &m_assessor->policy() : nullptr;
}

void ReviewSession::assessCurrentCase()
{
    m_assessment.reset();
    m_suggestion.reset();
    m_fullyScanned = true;
    if (!m_currentCase || !m_assessor)
        return;
    QString error;
    const std::optional<LoadedCase> loaded = CaseRecordLoader::load(m_database->connection(), m_currentCase->id, &error);
    if (!loaded) {
        emit errorOccurred(error);
        return;
    }
    m_fullyScanned = loaded->fullyScanned;
    m_assessment = std::make_unique<Assessment>(m_assessor->assess(loaded->record, loaded->spans));

    DecisionSuggestion suggestion;
    suggestion.verdict = verdictName(m_assessment->verdict);
    for (const Basis basis : m_assessment->basis)
        suggestion.basis.append(basisName(basis));
    suggestion.penalty = m_assessment->recommendedPenalty;
    for (const CountedDecision &counted : m_assessment->countedDecisions) {
        const qint64 caseId = loaded->record.history.value(counted.historyIndex).caseId;
        if (caseId != 0)
            suggestion.countedCases.append(caseId);
    }
    m_suggestion = suggestion;
}

ModeratorRole ReviewSession::moderatorRole() const
{
    if (!m_database)
        return ModeratorRole::Moderator;
    const auto moderator = ModeratorDirectory(m_database->connection()).find(m_moderator);
    return moderator ? moderator->role : ModeratorRole::Moderator;
}

DecisionOutcome ReviewSession::reverseDecision(qint64 decisionId, const QString &note)
{
    if (!m_database) {
        DecisionOutcome outcome;
        outcome.status = DecisionOutcome::Status::Rejected;
        outcome.message = tr("No case database is open.");
        return outcome;
    }
    ReversalRequest request;
    request.decisionId = decisionId;
    request.moderator = m_moderator;
    request.note = note;
    const DecisionOutcome outcome = DecisionService(m_database->connection()).reverse(request);
    if (outcome.recorded()) {
        reloadCurrentCase();
        m_queue->refresh(); // the reversed case is open again
        emit decisionRecorded(currentCaseId(), outcome.decisionId);
    }
    return outcome;
}

QSqlDatabase ReviewSession::connection() const
{
    return m_database ? m_database->connection() : QSqlDatabase();
}

void ReviewSession::selectCase(qint64 caseId)
{
    if (!m_database || caseId == currentCaseId())
        return;
    if (caseId == 0) {
        m_currentCase.reset();
        m_assessment.reset();
        m_suggestion.reset();
        m_conversation->clear();
        emit currentCaseChanged(0);
        return;
    }
    QString error;
    m_currentCase = CaseRepository::load(m_database->connection(), caseId, &error);
    if (!m_currentCase) {
        m_assessment.reset();
        m_suggestion.reset();
        m_conversation->clear();
        emit errorOccurred(error);
        emit currentCaseChanged(0);
        return;
    }
    m_conversation->setCase(m_database->connection(), caseId);
    assessCurrentCase();
    emit currentCaseChanged(caseId);
}

void ReviewSession::reloadCurrentCase()
{
    if (!m_currentCase)
        return;
    QString error;
    if (auto fresh = CaseRepository::load(m_database->connection(), m_currentCase->id, &error))
        m_currentCase = std::move(fresh);
    else
        emit errorOccurred(error);
    assessCurrentCase();
}

DecisionOutcome ReviewSession::decideCurrentCase(const QString &verdict, const QString &note, const QString &penalty,
                                                 const QStringList &basis)
{
    DecisionOutcome outcome;
    if (!m_database || !m_currentCase) {
        outcome.status = DecisionOutcome::Status::Rejected;
        outcome.message = tr("No case is selected.");
        return outcome;
    }
    DecisionRequest request;
    request.caseId = m_currentCase->id;
    request.verdict = verdict;
    request.note = note;
    request.penalty = penalty;
    request.basis = basis;
    request.moderator = m_moderator;
    request.expectedVersion = m_currentCase->version;
    request.training = m_mode == Mode::Training;
    outcome = DecisionService(m_database->connection()).record(request);

    const qint64 caseId = m_currentCase->id;
    if (outcome.recorded() || outcome.status == DecisionOutcome::Status::Conflict) {
        reloadCurrentCase();
        m_queue->refreshCase(caseId);
    }
    if (outcome.recorded())
        emit decisionRecorded(caseId, outcome.decisionId);
    else if (outcome.status == DecisionOutcome::Status::Conflict)
        emit decisionConflicted(caseId, outcome.message);
    return outcome;
}

} // namespace cg
