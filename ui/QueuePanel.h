#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

namespace cg {

class CaseQueueModel;
class DateBoundEdit;

// The case queue: search, status filter and the paged table. Tells the window
// which case the moderator moved to; knows nothing about deciding.
class QueuePanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueuePanel)

public:
    explicit QueuePanel(CaseQueueModel *model, QWidget *parent = nullptr);

    void selectNext();
    void selectPrevious();
    void selectCase(qint64 caseId);
    void focusSearch();
    void focusTable();

    qint64 currentCaseId() const;
    bool isAtFirst() const;
    bool isAtLast() const;

    QTableView *tableView() const { return m_table; }

signals:
    void currentCaseChanged(qint64 caseId);

private:
    void applyFilter();
    void selectRow(int row);
    void onModelReset();
    void onRowsInserted();
    void updateSummary();

    CaseQueueModel *m_model;
    QLineEdit *m_search;
    QComboBox *m_statusFilter;
    QComboBox *m_typeFilter;
    QComboBox *m_suggestedFilter;
    DateBoundEdit *m_flaggedFrom;
    DateBoundEdit *m_flaggedTo;
    QTableView *m_table;
    QLabel *m_summary;
    QTimer *m_searchDelay;
    int m_pendingRow = -1; // asked for (J past the loaded rows) but still loading
};

} // namespace cg
