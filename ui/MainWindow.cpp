#include "MainWindow.h"

#include "AppSettings.h"
#include "Assessment.h"
#include "AssessmentPanel.h"
#include "CaseQueueModel.h"
#include "AuditLog.h"
#include "ConversationPanel.h"
#include "DecisionLogPanel.h"
#include "DecisionLogModel.h"
#include "DecisionPanel.h"
#include "ExportDialog.h"
#include "FileDialog.h"
#include "MessageBar.h"
#include "PersonPanel.h"
#include "PolicyTerms.h"
#include "QueuePanel.h"
#include "ReadConnection.h"
#include "ReviewSession.h"
#include "SettingsDialog.h"
#include "ShortcutSheet.h"
#include "TextPrompt.h"
#include "Appearance.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFuture>
#include <QtConcurrent/QtConcurrentRun>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QVBoxLayout>

namespace cg {

MainWindow::MainWindow(ReviewSession *session, AppSettings *settings, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_settings(settings)
    , m_actions(new ActionRegistry(this))
    , m_messageBar(new MessageBar(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_queuePanel(new QueuePanel(session->queue(), m_splitter))
    , m_conversationPanel(new ConversationPanel(session->conversation(), m_splitter))
    , m_sideSplitter(new QSplitter(Qt::Vertical, m_splitter))
    , m_assessmentPanel(new AssessmentPanel(m_sideSplitter))
    , m_personPanel(new PersonPanel(m_sideSplitter))
    , m_decisionPanel(new DecisionPanel(m_sideSplitter))
    , m_logPanel(new DecisionLogPanel(this))
    , m_logDock(new QDockWidget(tr("Decision log"), this))
    , m_databaseLabel(new QLabel(this))
    , m_moderatorLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 4);
    m_splitter->setStretchFactor(2, 1);
    m_sideSplitter->setObjectName(QStringLiteral("sideSplitter"));
    m_sideSplitter->setChildrenCollapsible(false);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_messageBar);
    layout->addWidget(m_splitter, 1);
    setCentralWidget(central);

    m_logDock->setObjectName(QStringLiteral("decisionLogDock"));
    m_logDock->setWidget(m_logPanel);
    addDockWidget(Qt::BottomDockWidgetArea, m_logDock);
    m_logDock->hide();

    m_databaseLabel->setObjectName(QStringLiteral("databaseStatusLabel"));
    m_moderatorLabel->setObjectName(QStringLiteral("moderatorStatusLabel"));
    updateModeratorLabel();
    statusBar()->addWidget(m_databaseLabel, 1);
    statusBar()->addPermanentWidget(m_moderatorLabel);

    m_actions->applyShortcuts(*m_settings);
    createMenus();
    connectActions();

    connect(m_queuePanel, &QueuePanel::currentCaseChanged, m_session, &ReviewSession::selectCase);
    // Rows arrive from a worker thread after opening or filtering; what J and K can do follows them.
    connect(m_session->queue(), &QAbstractItemModel::rowsInserted, this, &MainWindow::updateActions);
    connect(m_session->queue(), &QAbstractItemModel::modelReset, this, &MainWindow::updateActions);
    connect(m_session, &ReviewSession::currentCaseChanged, this, &MainWindow::onCurrentCaseChanged);
    connect(m_session, &ReviewSession::errorOccurred, this,
            [this](const QString &message) { m_messageBar->showMessage(MessageBar::Kind::Error, message); });
    connect(m_decisionPanel, &DecisionPanel::submitRequested, this, &MainWindow::onSubmitRequested);
    connect(m_decisionPanel, &DecisionPanel::leaveRequested, m_queuePanel, &QueuePanel::focusTable);
    connect(m_assessmentPanel, &AssessmentPanel::evidenceActivated, m_conversationPanel,
            &ConversationPanel::revealSpan);
    connect(m_personPanel, &PersonPanel::caseLinkActivated, this, [this](qint64 caseId) {
        m_queuePanel->selectCase(caseId);
        if (m_session->currentCaseId() != caseId) // not in the loaded queue: open it directly
            m_session->selectCase(caseId);
    });
    connect(m_decisionPanel, &DecisionPanel::verdictChanged, this, [this](const QString &verdict) {
        const QHash<QString, ActionId> ids{{verdictName(Verdict::Violation), ActionId::VerdictViolation},
                                           {verdictName(Verdict::Exception), ActionId::VerdictException},
                                           {verdictName(Verdict::Allowed), ActionId::VerdictAllowed},
                                           {verdictName(Verdict::NoContact), ActionId::VerdictNoContact}};
        for (auto it = ids.cbegin(); it != ids.cend(); ++it)
            m_actions->action(it.value())->setChecked(it.key() == verdict);
    });

    restoreLayout();
    onCurrentCaseChanged(0);
    updateTitle();
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    file->addAction(m_actions->action(ActionId::Open));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentFilesMenu"));
    file->addSeparator();
    file->addAction(m_actions->action(ActionId::Export));
    file->addSeparator();
    file->addAction(m_actions->action(ActionId::Preferences));
    file->addSeparator();
    file->addAction(m_actions->action(ActionId::Quit));
    rebuildRecentMenu();

    QMenu *review = menuBar()->addMenu(tr("&Case"));
    review->setObjectName(QStringLiteral("caseMenu"));
    review->addAction(m_actions->action(ActionId::NextCase));
    review->addAction(m_actions->action(ActionId::PreviousCase));
    review->addAction(m_actions->action(ActionId::Search));
    review->addAction(m_actions->action(ActionId::NextSpan));
    review->addSeparator();
    for (ActionId id : {ActionId::VerdictViolation, ActionId::VerdictException, ActionId::VerdictAllowed,
                        ActionId::VerdictNoContact})
        review->addAction(m_actions->action(id));
    review->addSeparator();
    review->addAction(m_actions->action(ActionId::PenaltyMenu));
    review->addAction(m_actions->action(ActionId::FocusNote));
    review->addAction(m_actions->action(ActionId::Submit));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    view->addAction(m_actions->action(ActionId::ShowDecisionLog));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    help->addAction(m_actions->action(ActionId::ShortcutSheet));
}

void MainWindow::connectActions()
{
    connect(m_actions->action(ActionId::Open), &QAction::triggered, this, &MainWindow::onOpenRequested);
    connect(m_actions->action(ActionId::Quit), &QAction::triggered, this, &QWidget::close);
    connect(m_actions->action(ActionId::NextCase), &QAction::triggered, m_queuePanel, &QueuePanel::selectNext);
    connect(m_actions->action(ActionId::PreviousCase), &QAction::triggered, m_queuePanel,
            &QueuePanel::selectPrevious);
    connect(m_actions->action(ActionId::Search), &QAction::triggered, m_queuePanel, &QueuePanel::focusSearch);
    connect(m_actions->action(ActionId::FocusNote), &QAction::triggered, m_decisionPanel, &DecisionPanel::focusNote);
    connect(m_actions->action(ActionId::NextSpan), &QAction::triggered, this, [this] {
        if (!m_conversationPanel->focusNextSpan())
            m_messageBar->showMessage(MessageBar::Kind::Information, tr("No contact details were found in this case."));
    });
    connect(m_actions->action(ActionId::Submit), &QAction::triggered, this, &MainWindow::onSubmitRequested);
    connect(m_actions->action(ActionId::ShortcutSheet), &QAction::triggered, this,
            &MainWindow::onShortcutSheetRequested);
    connect(m_actions->action(ActionId::Preferences), &QAction::triggered, this, &MainWindow::onPreferencesRequested);
    connect(m_actions->action(ActionId::ShowDecisionLog), &QAction::toggled, m_logDock, &QDockWidget::setVisible);
    connect(m_logDock, &QDockWidget::visibilityChanged, m_actions->action(ActionId::ShowDecisionLog),
            &QAction::setChecked);
    connect(m_logPanel, &DecisionLogPanel::verifyAuditRequested, this, &MainWindow::startAuditCheck);
    connect(m_logPanel, &DecisionLogPanel::exportRequested, this, &MainWindow::onExportRequested);
    connect(m_logPanel, &DecisionLogPanel::reverseRequested, this, &MainWindow::onReverseRequested);
    connect(m_actions->action(ActionId::Export), &QAction::triggered, this, &MainWindow::onExportRequested);
    connect(m_logPanel, &DecisionLogPanel::caseActivated, this, [this](qint64 caseId) {
        m_queuePanel->selectCase(caseId);
        if (m_session->currentCaseId() != caseId)
            m_session->selectCase(caseId);
    });
    connect(m_actions->action(ActionId::PenaltyMenu), &QAction::triggered, this, [this] {
        if (!m_decisionPanel->openPenaltyMenu())
            m_messageBar->showMessage(MessageBar::Kind::Information,
                                      tr("A penalty goes with a violation: press 1 first, then P."));
    });
    const std::pair<ActionId, Verdict> verdictActions[] = {
        {ActionId::VerdictViolation, Verdict::Violation},
        {ActionId::VerdictException, Verdict::Exception},
        {ActionId::VerdictAllowed, Verdict::Allowed},
        {ActionId::VerdictNoContact, Verdict::NoContact},
    };
    for (const auto &[id, verdict] : verdictActions) {
        connect(m_actions->action(id), &QAction::triggered, this,
                [this, verdict = verdict] { m_decisionPanel->setVerdict(verdictName(verdict)); });
    }
}

void MainWindow::restoreLayout()
{
    const QByteArray geometry = m_settings->windowGeometry();
    if (geometry.isEmpty() || !restoreGeometry(geometry))
        resize(1400, 860);
    restoreState(m_settings->windowState());
    if (!m_splitter->restoreState(m_settings->splitterState()))
        m_splitter->setSizes({480, 600, 380});
    m_sideSplitter->setSizes({300, 160, 440});
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_settings->setWindowGeometry(saveGeometry());
    m_settings->setWindowState(saveState());
    m_settings->setSplitterState(m_splitter->saveState());
    m_settings->sync();
    QMainWindow::closeEvent(event);
}

bool MainWindow::openDatabase(const QString &path)
{
    const OpenResult result = m_session->openDatabase(path);
    if (!result.ok()) {
        m_messageBar->showMessage(MessageBar::Kind::Error, result.message);
        if (result.error == OpenError::NotFound)
            m_settings->removeRecentFile(path);
        rebuildRecentMenu();
        return false;
    }
    m_messageBar->hide();
    m_logPanel->setDatabase(m_session->connection());
    m_logPanel->setCanReverse(m_session->canReverse());
    startAuditCheck();
    m_settings->addRecentFile(path);
    rebuildRecentMenu();
    m_decisionPanel->reset();
    updateTitle();
    m_queuePanel->focusTable();
    updateActions();
    return true;
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = m_settings->recentFiles();
    for (int i = 0; i < files.size(); ++i) {
        const QString &path = files.at(i);
        QAction *action = m_recentMenu->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(path));
        action->setObjectName(QStringLiteral("recentFileAction%1").arg(i + 1));
        connect(action, &QAction::triggered, this, [this, path] { openDatabase(path); });
    }
    m_recentMenu->setEnabled(!files.isEmpty());
}

void MainWindow::updateActions()
{
    ActionContext context;
    context.hasDatabase = m_session->hasDatabase();
    context.hasCase = m_session->currentCaseId() != 0;
    context.caseIsFirst = m_queuePanel->isAtFirst();
    context.caseIsLast = m_queuePanel->isAtLast();
    m_actions->updateEnabled(context);
    m_decisionPanel->setCaseAvailable(context.hasCase);
}

void MainWindow::updateTitle()
{
    const QString path = m_session->databasePath();
    setWindowTitle(path.isEmpty() ? tr("ContactGuard")
                                  : tr("%1 — ContactGuard").arg(QFileInfo(path).fileName()));
    m_databaseLabel->setText(path.isEmpty() ? tr("No case database open") : path);
}

void MainWindow::onOpenRequested()
{
    const QStringList recent = m_settings->recentFiles();
    const QString start = recent.isEmpty()
        ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        : QFileInfo(recent.constFirst()).absolutePath();
    const QString path = FileDialog::instance().getOpenFileName(
        this, tr("Open Case Database"), start, tr("Case databases (*.sqlite *.db);;All files (*)"));
    if (!path.isEmpty())
        openDatabase(path);
}

void MainWindow::onCurrentCaseChanged(qint64 caseId)
{
    m_conversationPanel->showCase(m_session->currentCase());
    m_personPanel->showCase(m_session->currentCase());
    m_assessmentPanel->showAssessment(m_session->currentAssessment(), m_session->policy(),
                                      m_session->currentCaseFullyScanned());
    m_conversationPanel->showJoinedDetails(m_session->currentAssessment() ? m_session->currentAssessment()->joinedDetails
                                                                          : QList<JoinedDetail>());
    m_decisionPanel->setSuggestion(m_session->suggestion());
    if (caseId != 0) {
        m_decisionPanel->reset();
        m_decisionPanel->showOutcome({});
    }
    updateActions();
}

void MainWindow::onSubmitRequested()
{
    if (m_session->currentCaseId() == 0)
        return;
    const QString verdict = m_decisionPanel->verdict();
    if (verdict.isEmpty()) {
        m_messageBar->showMessage(MessageBar::Kind::Warning,
                                  tr("Choose a verdict first: 1 violation, 2 exception, 3 allowed, 4 no contact."));
        return;
    }
    // A reason is asked for where the decision needs one: a basis for every verdict
    // but "no contact", and a note when the moderator differs from the suggestion.
    const QStringList basis = m_decisionPanel->basis();
    if (basis.isEmpty() && verdict != verdictName(Verdict::NoContact)) {
        m_messageBar->showMessage(MessageBar::Kind::Warning,
                                  tr("Tick the basis of this verdict: which part of the policy it rests on."));
        return;
    }
    if (m_decisionPanel->overridesSuggestion() && m_decisionPanel->note().isEmpty()) {
        m_messageBar->showMessage(MessageBar::Kind::Warning,
                                  tr("Your verdict differs from the suggestion: say why in a note (N)."));
        return;
    }
    const qint64 caseId = m_session->currentCaseId();
    const DecisionOutcome outcome =
        m_session->decideCurrentCase(verdict, m_decisionPanel->note(), m_decisionPanel->penalty(), basis);
    switch (outcome.status) {
    case DecisionOutcome::Status::Recorded:
        m_messageBar->showMessage(MessageBar::Kind::Positive,
                                  tr("Case %1 decided: %2 (decision %3).").arg(caseId).arg(verdict).arg(outcome.decisionId));
        m_decisionPanel->reset();
        m_conversationPanel->showCase(m_session->currentCase());
        m_personPanel->showCase(m_session->currentCase());
        m_assessmentPanel->showAssessment(m_session->currentAssessment(), m_session->policy(),
                                          m_session->currentCaseFullyScanned());
        m_queuePanel->selectNext();
        m_queuePanel->focusTable();
        m_logPanel->reload();
        break;
    case DecisionOutcome::Status::Conflict:
        m_messageBar->showMessage(MessageBar::Kind::Warning,
                                  tr("%1 The case has been reloaded; review it and submit again.").arg(outcome.message));
        m_conversationPanel->showCase(m_session->currentCase());
        break;
    case DecisionOutcome::Status::Rejected:
    case DecisionOutcome::Status::Failed:
        m_messageBar->showMessage(MessageBar::Kind::Error, tr("The decision was not saved: %1").arg(outcome.message));
        break;
    }
    updateActions();
}

void MainWindow::updateModeratorLabel()
{
    m_moderatorLabel->setText(tr("Moderator: %1%2")
                                  .arg(m_session->moderator(), m_session->mode() == ReviewSession::Mode::Training
                                                                   ? tr(" (training)")
                                                                   : QString()));
}

void MainWindow::onPreferencesRequested()
{
    SettingsDialog dialog(m_settings, m_actions, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_actions->applyShortcuts(*m_settings);
    m_session->setModerator(m_settings->moderatorName());
    updateModeratorLabel();
    if (auto *app = qobject_cast<QApplication *>(QCoreApplication::instance()))
        Appearance::apply(*app, m_settings->theme(), m_settings->fontPointSize());
}

// Recomputes the whole hash chain on a worker thread; a broken chain is shown as
// soon as it is found, so evidence that was tampered with is never reviewed unawares.
void MainWindow::startAuditCheck()
{
    const QString path = m_session->databasePath();
    if (path.isEmpty())
        return;
    QtConcurrent::run([path] {
        ReadConnection connection(path);
        if (!connection.isOpen()) {
            AuditVerification failed;
            failed.intact = false;
            failed.problem = connection.error();
            return failed;
        }
        return AuditLog::verify(connection.database());
    }).then(this, [this, path](const AuditVerification &result) {
        if (path != m_session->databasePath())
            return; // another file was opened meanwhile
        if (result.intact) {
            m_logPanel->showAuditResult(true, tr("The audit log's %n entry(ies) are intact.", nullptr,
                                                 static_cast<int>(result.entries)));
            return;
        }
        m_logPanel->showAuditResult(false, result.problem);
        m_messageBar->showMessage(MessageBar::Kind::Warning,
                                  tr("This file's audit log was changed outside ContactGuard: %1 Treat its "
                                     "decisions with care and report it to a lead.")
                                      .arg(result.problem));
    });
}

void MainWindow::onReverseRequested(qint64 decisionId)
{
    const std::optional<QString> note = TextPrompt::instance().ask(
        this, tr("Reverse Decision %1").arg(decisionId),
        tr("Why is decision %1 overturned? The reason is kept with the reversal.").arg(decisionId));
    if (!note)
        return;
    if (note->trimmed().isEmpty()) {
        m_messageBar->showMessage(MessageBar::Kind::Warning, tr("A reversal needs a reason; nothing was changed."));
        return;
    }
    const DecisionOutcome outcome = m_session->reverseDecision(decisionId, note->trimmed());
    if (!outcome.recorded()) {
        m_messageBar->showMessage(MessageBar::Kind::Error, tr("The reversal was not saved: %1").arg(outcome.message));
        return;
    }
    m_messageBar->showMessage(MessageBar::Kind::Positive,
                              tr("Decision %1 reversed (reversal %2); its penalty is lifted and the case is open again.")
                                  .arg(decisionId)
                                  .arg(outcome.decisionId));
    m_logPanel->reload();
    m_conversationPanel->showCase(m_session->currentCase());
    m_personPanel->showCase(m_session->currentCase());
}

// Exports what the decision log shows: its filter is the export's.
void MainWindow::onExportRequested()
{
    if (!m_session->hasDatabase())
        return;
    ExportDialog dialog(m_session->databasePath(), m_logPanel->decisions()->filter(), m_session->moderator(), this);
    connect(&dialog, &ExportDialog::exportFinished, this, [this](const ExportJobResult &result) {
        if (result.ok)
            m_logPanel->reload(); // shows the export's audit entry
    });
    dialog.exec();
}

void MainWindow::onShortcutSheetRequested()
{
    ShortcutSheet sheet(m_actions->allActions(), this);
    sheet.exec();
}

} // namespace cg
