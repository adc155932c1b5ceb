#include "QueuePanel.h"

#include "CaseQueueModel.h"
#include "ContactType.h"
#include "DateBoundEdit.h"
#include "PolicyTerms.h"
#include "SpanStyle.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace cg {

namespace {
constexpr int kSearchDelayMs = 250;
}

QueuePanel::QueuePanel(CaseQueueModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_search(new QLineEdit(this))
    , m_statusFilter(new QComboBox(this))
    , m_typeFilter(new QComboBox(this))
    , m_suggestedFilter(new QComboBox(this))
    , m_flaggedFrom(new DateBoundEdit(QStringLiteral("flaggedFromDateEdit"), tr("Flagged from"), this))
    , m_flaggedTo(new DateBoundEdit(QStringLiteral("flaggedToDateEdit"), tr("Flagged until"), this))
    , m_table(new QTableView(this))
    , m_summary(new QLabel(this))
    , m_searchDelay(new QTimer(this))
{
    setObjectName(QStringLiteral("queuePanel"));
    setAccessibleName(tr("Case queue"));

    m_search->setObjectName(QStringLiteral("searchLineEdit"));
    m_search->setAccessibleName(tr("Search cases"));
    m_search->setPlaceholderText(tr("Search job, people or case id  (/)"));
    m_search->setClearButtonEnabled(true);

    m_statusFilter->setObjectName(QStringLiteral("statusFilterComboBox"));
    m_statusFilter->setAccessibleName(tr("Status filter"));
    m_statusFilter->addItem(tr("Open cases"), QStringList{QStringLiteral("new"), QStringLiteral("claimed"),
                                                         QStringLiteral("escalated")});
    m_statusFilter->addItem(tr("All cases"), QStringList());
    m_statusFilter->addItem(tr("New"), QStringList{QStringLiteral("new")});
    m_statusFilter->addItem(tr("Claimed"), QStringList{QStringLiteral("claimed")});
    m_statusFilter->addItem(tr("Escalated"), QStringList{QStringLiteral("escalated")});
    m_statusFilter->addItem(tr("Decided"), QStringList{QStringLiteral("decided")});

    m_typeFilter->setObjectName(QStringLiteral("typeFilterComboBox"));
    m_typeFilter->setAccessibleName(tr("Contact detail filter"));
    m_typeFilter->addItem(tr("Any detail"), QString());
    for (ContactType type : allContactTypes())
        m_typeFilter->addItem(contactTypeLabel(type), contactTypeName(type));
    m_suggestedFilter->setObjectName(QStringLiteral("suggestedFilterComboBox"));
    m_suggestedFilter->setAccessibleName(tr("Suggested verdict filter"));
    m_suggestedFilter->addItem(tr("Any suggestion"), QString());
    for (const QString &verdict : verdictNames())
        m_suggestedFilter->addItem(QString(verdict).replace(QLatin1Char('_'), QLatin1Char(' ')), verdict);

    m_table->setObjectName(QStringLiteral("queueTableView"));
    m_table->setAccessibleName(tr("Cases"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(CaseQueueModel::RiskColumn, Qt::DescendingOrder);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->hideColumn(CaseQueueModel::AssigneeColumn); // nobody claims cases on a local file
    // What the policy suggests is read with the risk it drives.
    m_table->horizontalHeader()->moveSection(CaseQueueModel::SuggestedColumn, CaseQueueModel::StatusColumn);
    const QFontMetrics metrics(m_table->font());
    const auto fit = [&metrics](const char *sample) { return metrics.horizontalAdvance(QLatin1String(sample)) + 18; };
    QHeaderView *header = m_table->horizontalHeader();
    header->resizeSection(CaseQueueModel::IdColumn, fit("00000"));
    header->resizeSection(CaseQueueModel::RiskColumn, fit("100%"));
    header->resizeSection(CaseQueueModel::StatusColumn, fit("escalated"));
    header->resizeSection(CaseQueueModel::AgeColumn, fit("000 d"));
    header->resizeSection(CaseQueueModel::ClientColumn, fit("Maria Fernanda G."));
    header->resizeSection(CaseQueueModel::FreelancerColumn, fit("Maria Fernanda G."));
    header->resizeSection(CaseQueueModel::TypesColumn, fit("phone, email, url"));
    header->resizeSection(CaseQueueModel::SuggestedColumn, fit("no_contact"));

    m_summary->setObjectName(QStringLiteral("queueSummaryLabel"));

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_search, 1);
    filters->addWidget(m_statusFilter);
    auto *moreFilters = new QHBoxLayout;
    moreFilters->addWidget(m_typeFilter);
    moreFilters->addWidget(m_suggestedFilter);
    moreFilters->addWidget(new QLabel(tr("flagged"), this));
    moreFilters->addWidget(m_flaggedFrom);
    moreFilters->addWidget(new QLabel(tr("to"), this));
    moreFilters->addWidget(m_flaggedTo);
    moreFilters->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filters);
    layout->addLayout(moreFilters);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_summary);

    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(kSearchDelayMs);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, &QueuePanel::applyFilter);
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_searchDelay->stop();
        applyFilter();
        focusTable();
    });
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, &QueuePanel::applyFilter);
    connect(m_typeFilter, &QComboBox::currentIndexChanged, this, &QueuePanel::applyFilter);
    connect(m_suggestedFilter, &QComboBox::currentIndexChanged, this, &QueuePanel::applyFilter);
    connect(m_flaggedFrom, &QDateEdit::dateChanged, this, &QueuePanel::applyFilter);
    connect(m_flaggedTo, &QDateEdit::dateChanged, this, &QueuePanel::applyFilter);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { emit currentCaseChanged(m_model->caseIdAt(current.row())); });
    connect(m_model, &QAbstractItemModel::modelReset, this, &QueuePanel::onModelReset);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &QueuePanel::onRowsInserted);
    connect(m_model, &CaseQueueModel::loadingChanged, this, &QueuePanel::updateSummary);
    connect(m_model, &CaseQueueModel::statusCountsChanged, this, &QueuePanel::updateSummary);
    applyFilter();
}

void QueuePanel::applyFilter()
{
    QueueFilter filter;
    filter.statuses = m_statusFilter->currentData().toStringList();
    filter.text = m_search->text();
    filter.contactType = m_typeFilter->currentData().toString();
    filter.suggested = m_suggestedFilter->currentData().toString();
    filter.flaggedFrom = m_flaggedFrom->bound();
    filter.flaggedTo = m_flaggedTo->bound();
    m_model->setFilter(filter);
}

void QueuePanel::onModelReset()
{
    m_pendingRow = -1;
    updateSummary();
}

void QueuePanel::onRowsInserted()
{
    if (m_pendingRow >= 0 && m_pendingRow < m_model->rowCount())
        selectRow(std::exchange(m_pendingRow, -1));
    updateSummary();
}

void QueuePanel::updateSummary()
{
    const int loaded = m_model->rowCount();
    QString shown = m_model->isLoading() ? tr("Loading…")
        : m_model->canFetchMore({})       ? tr("Showing %1 (more as you scroll)").arg(loaded)
                                           : tr("Showing %n case(s)", nullptr, loaded);
    const QMap<QString, int> counts = m_model->statusCounts();
    QStringList parts;
    const std::pair<const char *, QString> statuses[] = {
        {"new", tr("new")}, {"claimed", tr("claimed")}, {"escalated", tr("escalated")}, {"decided", tr("decided")}};
    for (const auto &[key, label] : statuses)
        parts.append(QStringLiteral("%1 %2").arg(counts.value(QString::fromLatin1(key))).arg(label));
    m_summary->setText(counts.isEmpty() ? shown : shown + QStringLiteral("  ·  ") + parts.join(QStringLiteral(" · ")));
}

void QueuePanel::selectRow(int row)
{
    if (row < 0)
        return;
    if (row >= m_model->rowCount()) {
        // Walking past the loaded rows: page in more and select when they arrive.
        if (m_model->canFetchMore({})) {
            m_pendingRow = row;
            m_model->fetchMore({});
        }
        return;
    }
    const QModelIndex index = m_model->index(row, CaseQueueModel::IdColumn);
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
}

void QueuePanel::selectNext()
{
    // The view parks its current index on row 0 when it gains focus without
    // selecting it; the first J must select that row, not skip it.
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid() || !m_table->selectionModel()->isSelected(current))
        selectRow(current.isValid() ? current.row() : 0);
    else
        selectRow(current.row() + 1);
}

void QueuePanel::selectPrevious()
{
    const QModelIndex current = m_table->currentIndex();
    if (current.isValid() && current.row() > 0)
        selectRow(current.row() - 1);
}

void QueuePanel::selectCase(qint64 caseId)
{
    selectRow(m_model->rowOfCase(caseId));
}

void QueuePanel::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void QueuePanel::focusTable()
{
    m_table->setFocus(Qt::OtherFocusReason);
}

qint64 QueuePanel::currentCaseId() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? m_model->caseIdAt(current.row()) : 0;
}

bool QueuePanel::isAtFirst() const
{
    const QModelIndex current = m_table->currentIndex();
    return !current.isValid() || current.row() == 0;
}

bool QueuePanel::isAtLast() const
{
    const QModelIndex current = m_table->currentIndex();
    const int rows = m_model->rowCount();
    if (rows == 0)
        return true;
    return current.isValid() && current.row() == rows - 1 && !m_model->canFetchMore({});
}

} // namespace cg
