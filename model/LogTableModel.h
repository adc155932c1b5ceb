#pragma once

#include "AsyncSqlReader.h"

#include <QAbstractTableModel>
#include <QSqlDatabase>
#include <QStringList>

namespace cg {

// A read-only log shown newest first: rows are paged in by descending id on a
// worker thread as the view scrolls, under filters that run in SQL. Subclasses
// say what to select, how to filter, and how to show a row.
class LogTableModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogTableModel)

public:
    enum Role { IdRole = Qt::UserRole + 1, RawRole };
    static constexpr int kPageSize = 200;

    void setDatabase(const QSqlDatabase &db);
    void clear();
    void reload();
    bool isLoading() const { return m_loading; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    QVariantList rowValues(int row) const { return m_rows.value(row); }

signals:
    void loadingChanged(bool loading);
    void queryFailed(const QString &message);

protected:
    explicit LogTableModel(QObject *parent = nullptr);

    // "SELECT <id first>, ... FROM ... " without WHERE or ORDER BY.
    virtual QString selectSql() const = 0;
    // The id column to page by, e.g. "d.id".
    virtual QString idExpression() const = 0;
    // Filter conditions (joined with AND) and their bound values.
    virtual void filterConditions(QStringList *conditions, QVariantList *values) const = 0;
    virtual QStringList headers() const = 0;
    virtual QVariant display(const QVariantList &row, int column, int role) const = 0;

private:
    void readPage(qint64 beforeId);

    AsyncSqlReader *m_reader;
    QVector<QVariantList> m_rows;
    bool m_atEnd = true;
    bool m_loading = false;
};

} // namespace cg
