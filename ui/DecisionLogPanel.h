#pragma once

#include <QSqlDatabase>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;
class QTabWidget;

namespace cg {

class AuditLogModel;
class DateBoundEdit;
class DecisionLogModel;

// The decision log and the audit log, each filtered in SQL; lives in a dock. The
// audit tab checks the hash chain on request.
class DecisionLogPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DecisionLogPanel)

public:
    explicit DecisionLogPanel(QWidget *parent = nullptr);

    DecisionLogModel *decisions() const { return m_decisions; }
    AuditLogModel *audit() const { return m_audit; }

    // A new database: fills the moderator filter and reloads both logs.
    void setDatabase(const QSqlDatabase &db);
    void clear();
    void reload();
    void showAuditResult(bool intact, const QString &text);
    // Leads may reverse decisions; the button follows the selected row.
    void setCanReverse(bool canReverse);
    qint64 selectedDecision() const;

signals:
    void verifyAuditRequested();
    void exportRequested();
    void reverseRequested(qint64 decisionId);
    void caseActivated(qint64 caseId);

private:
    QWidget *createDecisionsPage();
    QWidget *createAuditPage();
    void applyDecisionFilter();
    void updateReverseButton();

    DecisionLogModel *m_decisions;
    AuditLogModel *m_audit;
    QTabWidget *m_tabs = nullptr;
    QComboBox *m_moderator = nullptr;
    QComboBox *m_verdict = nullptr;
    DateBoundEdit *m_from = nullptr;
    DateBoundEdit *m_to = nullptr;
    QTableView *m_decisionTable = nullptr;
    QPushButton *m_reverse = nullptr;
    bool m_canReverse = false;
    QComboBox *m_action = nullptr;
    QTableView *m_auditTable = nullptr;
    QLabel *m_auditResult = nullptr;
};

} // namespace cg
