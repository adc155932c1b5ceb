#include "DecisionLogPanel.h"

#include "AuditLogModel.h"
#include "DateBoundEdit.h"
#include "DecisionLogModel.h"
#include "PolicyTerms.h"

#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSqlQuery>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTabWidget>
#include <QVBoxLayout>

namespace cg {

namespace {

// Strikes through decisions that a later decision reversed.
class ReversedDecisionDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.data(DecisionLogModel::ReversedRole).toBool() && index.column() != DecisionLogModel::ReversalColumn)
            option->font.setStrikeOut(true);
    }
};

QTableView *createLogTable(QWidget *parent, const QString &objectName, QAbstractItemModel *model)
{
    auto *table = new QTableView(parent);
    table->setObjectName(objectName);
    table->setModel(model);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

} // namespace

DecisionLogPanel::DecisionLogPanel(QWidget *parent)
    : QWidget(parent)
    , m_decisions(new DecisionLogModel(this))
    , m_audit(new AuditLogModel(this))
{
    setObjectName(QStringLiteral("decisionLogPanel"));
    setAccessibleName(tr("Decision and audit log"));
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("logTabWidget"));
    m_tabs->setAccessibleName(tr("Decision log and audit log"));
    m_tabs->addTab(createDecisionsPage(), tr("&Decisions"));
    m_tabs->addTab(createAuditPage(), tr("A&udit log"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
}

QWidget *DecisionLogPanel::createDecisionsPage()
{
    auto *page = new QWidget(this);
    m_moderator = new QComboBox(page);
    m_moderator->setObjectName(QStringLiteral("logModeratorComboBox"));
    m_moderator->setAccessibleName(tr("Moderator filter"));
    m_verdict = new QComboBox(page);
    m_verdict->setObjectName(QStringLiteral("logVerdictComboBox"));
    m_verdict->setAccessibleName(tr("Verdict filter"));
    m_verdict->addItem(tr("Every verdict"), QString());
    for (const QString &name : verdictNames())
        m_verdict->addItem(name, name);
    m_from = new DateBoundEdit(QStringLiteral("logFromDateEdit"), tr("Decided from"), page);
    m_to = new DateBoundEdit(QStringLiteral("logToDateEdit"), tr("Decided until"), page);
    m_decisionTable = createLogTable(page, QStringLiteral("decisionLogTableView"), m_decisions);
    m_decisionTable->setAccessibleName(tr("Decisions"));
    m_decisionTable->setItemDelegate(new ReversedDecisionDelegate(m_decisionTable));

    m_reverse = new QPushButton(tr("&Reverse…"), page);
    m_reverse->setObjectName(QStringLiteral("reversePushButton"));
    m_reverse->setAccessibleName(tr("Reverse the selected decision (leads)"));
    m_reverse->setEnabled(false);
    connect(m_reverse, &QPushButton::clicked, this, [this] {
        if (const qint64 decision = selectedDecision())
            emit reverseRequested(decision);
    });
    connect(m_decisionTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &DecisionLogPanel::updateReverseButton);
    connect(m_decisions, &QAbstractItemModel::modelReset, this, &DecisionLogPanel::updateReverseButton);

    auto *exportButton = new QPushButton(tr("E&xport…"), page);
    exportButton->setObjectName(QStringLiteral("exportPushButton"));
    exportButton->setAccessibleName(tr("Export the decisions shown"));
    connect(exportButton, &QPushButton::clicked, this, &DecisionLogPanel::exportRequested);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_moderator);
    filters->addWidget(m_verdict);
    filters->addWidget(new QLabel(tr("from"), page));
    filters->addWidget(m_from);
    filters->addWidget(new QLabel(tr("to"), page));
    filters->addWidget(m_to);
    filters->addStretch(1);
    filters->addWidget(m_reverse);
    filters->addWidget(exportButton);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(filters);
    layout->addWidget(m_decisionTable, 1);

    connect(m_moderator, &QComboBox::currentIndexChanged, this, &DecisionLogPanel::applyDecisionFilter);
    connect(m_verdict, &QComboBox::currentIndexChanged, this, &DecisionLogPanel::applyDecisionFilter);
    connect(m_from, &QDateEdit::dateChanged, this, &DecisionLogPanel::applyDecisionFilter);
    connect(m_to, &QDateEdit::dateChanged, this, &DecisionLogPanel::applyDecisionFilter);
    connect(m_decisionTable, &QTableView::activated, this, [this](const QModelIndex &index) {
        emit caseActivated(m_decisions->rowValues(index.row()).value(DecisionLogModel::FieldCase).toLongLong());
    });
    return page;
}

QWidget *DecisionLogPanel::createAuditPage()
{
    auto *page = new QWidget(this);
    m_action = new QComboBox(page);
    m_action->setObjectName(QStringLiteral("auditActionComboBox"));
    m_action->setAccessibleName(tr("Action filter"));
    m_action->addItem(tr("Every action"), QString());
    for (const char *action : {"decision", "reversal", "import", "scan", "export", "claim", "gold", "training_decision"})
        m_action->addItem(QString::fromLatin1(action), QString::fromLatin1(action));
    auto *verify = new QPushButton(tr("&Verify chain"), page);
    verify->setObjectName(QStringLiteral("verifyAuditPushButton"));
    verify->setAccessibleName(tr("Verify the audit log's hash chain"));
    m_auditResult = new QLabel(page);
    m_auditResult->setObjectName(QStringLiteral("auditResultLabel"));
    m_auditResult->setWordWrap(true);
    m_auditTable = createLogTable(page, QStringLiteral("auditLogTableView"), m_audit);
    m_auditTable->setAccessibleName(tr("Audit log entries"));

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_action);
    filters->addWidget(verify);
    filters->addWidget(m_auditResult, 1);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(filters);
    layout->addWidget(m_auditTable, 1);

    connect(m_action, &QComboBox::currentIndexChanged, this,
            [this] { m_audit->setActionFilter(m_action->currentData().toString()); });
    connect(verify, &QPushButton::clicked, this, &DecisionLogPanel::verifyAuditRequested);
    return page;
}

void DecisionLogPanel::setDatabase(const QSqlDatabase &db)
{
    const QSignalBlocker blocker(m_moderator);
    m_moderator->clear();
    m_moderator->addItem(tr("Every moderator"), QString());
    QSqlQuery query(db);
    if (query.exec(QStringLiteral("SELECT name FROM moderators ORDER BY name"))) {
        while (query.next())
            m_moderator->addItem(query.value(0).toString(), query.value(0).toString());
    }
    m_auditResult->clear();
    m_decisions->setDatabase(db);
    m_audit->setDatabase(db);
    applyDecisionFilter();
}

void DecisionLogPanel::clear()
{
    m_decisions->clear();
    m_audit->clear();
}

void DecisionLogPanel::reload()
{
    m_decisions->reload();
    m_audit->reload();
}

void DecisionLogPanel::applyDecisionFilter()
{
    DecisionLogFilter filter;
    filter.moderator = m_moderator->currentData().toString();
    filter.verdict = m_verdict->currentData().toString();
    filter.from = m_from->bound();
    filter.to = m_to->bound();
    m_decisions->setFilter(filter);
}

void DecisionLogPanel::setCanReverse(bool canReverse)
{
    m_canReverse = canReverse;
    updateReverseButton();
}

qint64 DecisionLogPanel::selectedDecision() const
{
    const QModelIndex current = m_decisionTable->currentIndex();
    return current.isValid() ? m_decisions->rowValues(current.row()).value(DecisionLogModel::FieldId).toLongLong() : 0;
}

// A decision can be reversed once, and a reversal is not reversed again.
void DecisionLogPanel::updateReverseButton()
{
    const QModelIndex current = m_decisionTable->currentIndex();
    const QVariantList row = current.isValid() ? m_decisions->rowValues(current.row()) : QVariantList();
    const bool reversible = !row.isEmpty() && row.value(DecisionLogModel::FieldReverses).isNull()
        && row.value(DecisionLogModel::FieldReversedBy).isNull();
    m_reverse->setVisible(m_canReverse);
    m_reverse->setEnabled(m_canReverse && reversible);
}

void DecisionLogPanel::showAuditResult(bool intact, const QString &text)
{
    m_auditResult->setText(intact ? tr("✔ %1").arg(text) : tr("✘ %1").arg(text));
}

} // namespace cg
