#pragma once

#include "AsyncSqlReader.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QMap>
#include <QSqlDatabase>
#include <QStringList>
#include <QVector>

namespace cg {

struct QueueFilter
{
    QStringList statuses; // empty: every status
    QString text;         // matched against job title, people and case ids
    QString contactType;  // a ContactType name found in the case, "" for any
    QString suggested;    // a suggested verdict name, "" for any
    QString assignee;     // a moderator's name, "" for anyone
    QDate flaggedFrom;    // flagged on or after this day (UTC), invalid for no bound
    QDate flaggedTo;      // flagged on or before this day

    friend bool operator==(const QueueFilter &a, const QueueFilter &b)
    {
        return a.statuses == b.statuses && a.text == b.text && a.contactType == b.contactType
            && a.suggested == b.suggested && a.assignee == b.assignee && a.flaggedFrom == b.flaggedFrom
            && a.flaggedTo == b.flaggedTo;
    }
};

// The case queue. Rows are paged in from SQL as the view scrolls (keyset queries on
// the sort column and id, so page N costs the same as page 1); filters, search and
// sorting run in SQL and reset the model. Nothing is loaded up front, and queries
// run on a worker thread with their own read-only connection, so a search over a
// million cases never freezes the window; results of superseded queries are dropped.
class CaseQueueModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CaseQueueModel)

public:
    enum Column {
        IdColumn,
        RiskColumn,
        StatusColumn,
        AgeColumn,
        ClientColumn,
        FreelancerColumn,
        TypesColumn,
        SuggestedColumn,
        AssigneeColumn,
        JobColumn,
        ColumnCount
    };
    enum Role {
        CaseIdRole = Qt::UserRole + 1,
        RawValueRole,  // the value the column sorts by
        VersionRole,
        StatusNameRole,
    };

    static constexpr int kPageSize = 200;

    explicit CaseQueueModel(QObject *parent = nullptr);

    void setDatabase(const QSqlDatabase &db);
    void clear();
    void setFilter(const QueueFilter &filter);
    QueueFilter filter() const { return m_filter; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    qint64 caseIdAt(int row) const;
    int rowOfCase(qint64 caseId) const;
    // Re-reads one case (after a decision) without disturbing the loaded rows.
    void refreshCase(qint64 caseId);
    // Runs the queue's query again (after changes that add or remove rows).
    void refresh() { reload(); }
    QString lastError() const { return m_lastError; }
    bool isLoading() const { return m_loading; }
    // Cases per status in the whole database, refreshed on every reload.
    QMap<QString, int> statusCounts() const { return m_statusCounts; }

signals:
    void queryFailed(const QString &message);
    void loadingChanged(bool loading);
    void statusCountsChanged();

private:
    struct Row
    {
        qint64 id = 0;
        QString externalId;
        double risk = 0;
        QString status;
        QDateTime flaggedAt;
        QString flaggedAtText;
        QString client;
        QString freelancer;
        QString contactTypes;
        QString suggested;
        QString assignee;
        QString jobTitle;
        int version = 0;
    };

    enum class Scope { Filtered, AnyCase };

    void reload();
    void startPage(const AsyncSqlReader::Query &query);
    void startStatusCounts();
    void setLoading(bool loading);
    AsyncSqlReader::Query buildQuery(Scope scope, const QString &extraCondition, const QVariantList &extraValues,
                                     int limit) const;
    static Row toRow(const QVariantList &values);
    static QVariant columnValue(const Row &row, int column); // what the column sorts by
    QString displayText(const Row &row, int column) const;
    void reportError(const QString &message);

    AsyncSqlReader *m_reader;
    bool m_loading = false;
    QMap<QString, int> m_statusCounts;
    QueueFilter m_filter;
    int m_sortColumn = RiskColumn;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
    QVector<Row> m_rows;
    bool m_atEnd = true;
    QString m_lastError;
};

} // namespace cg
