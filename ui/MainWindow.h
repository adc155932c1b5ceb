#pragma once

#include "ActionRegistry.h"

#include <QMainWindow>

class QDockWidget;
class QLabel;
class QMenu;
class QSplitter;

namespace cg {

class AppSettings;
class AssessmentPanel;
class ConversationPanel;
class DecisionLogPanel;
class DecisionPanel;
class MessageBar;
class PersonPanel;
class QueuePanel;
class ReviewSession;

// The shell: menus, the message bar, the status bar and the splitter holding the
// queue, conversation and decision panels. The panels own their logic; the window
// wires them to the review session and persists its own layout.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    MainWindow(ReviewSession *session, AppSettings *settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    bool openDatabase(const QString &path);

    ActionRegistry *actions() const { return m_actions; }
    MessageBar *messageBar() const { return m_messageBar; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void connectActions();
    void restoreLayout();
    void rebuildRecentMenu();
    void updateActions();
    void updateTitle();

    void onOpenRequested();
    void onCurrentCaseChanged(qint64 caseId);
    void onSubmitRequested();
    void onShortcutSheetRequested();
    void onPreferencesRequested();
    void startAuditCheck();
    void onExportRequested();
    void onReverseRequested(qint64 decisionId);
    void updateModeratorLabel();

    ReviewSession *m_session;
    AppSettings *m_settings;
    ActionRegistry *m_actions;
    MessageBar *m_messageBar;
    QSplitter *m_splitter;
    QueuePanel *m_queuePanel;
    ConversationPanel *m_conversationPanel;
    QSplitter *m_sideSplitter;
    AssessmentPanel *m_assessmentPanel;
    PersonPanel *m_personPanel;
    DecisionPanel *m_decisionPanel;
    DecisionLogPanel *m_logPanel;
    QDockWidget *m_logDock;
    QMenu *m_recentMenu = nullptr;
    QLabel *m_databaseLabel;
    QLabel *m_moderatorLabel;
};

} // namespace cg
