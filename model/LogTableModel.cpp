#include "LogTableModel.h"

namespace cg {

LogTableModel::LogTableModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_reader(new AsyncSqlReader(this))
{
}

void LogTableModel::setDatabase(const QSqlDatabase &db)
{
    m_reader->setDatabasePath(db.databaseName());
    reload();
}

void LogTableModel::clear()
{
    m_reader->setDatabasePath({});
    reload();
}

void LogTableModel::reload()
{
    beginResetModel();
    m_reader->reset();
    m_rows.clear();
    m_atEnd = m_reader->databasePath().isEmpty();
    endResetModel();
    if (!m_atEnd)
        readPage(0);
    else if (m_loading)
        emit loadingChanged(m_loading = false);
}

int LogTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int LogTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(headers().size());
}

QVariant LogTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole)
        return headers().value(section);
    return QAbstractTableModel::headerData(section, orientation, role);
}

QVariant LogTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QVariantList &row = m_rows.at(index.row());
    if (role == IdRole)
        return row.value(0);
    return display(row, index.column(), role);
}

bool LogTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd;
}

void LogTableModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_atEnd || m_loading || m_rows.isEmpty())
        return;
    readPage(m_rows.constLast().value(0).toLongLong());
}

void LogTableModel::readPage(qint64 beforeId)
{
    QStringList conditions;
    QVariantList values;
    filterConditions(&conditions, &values);
    if (beforeId > 0) {
        conditions.append(idExpression() + QStringLiteral(" < ?"));
        values.append(beforeId);
    }
    QString sql = selectSql();
    if (!conditions.isEmpty())
        sql += QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY %1 DESC LIMIT %2").arg(idExpression()).arg(kPageSize);

    emit loadingChanged(m_loading = true);
    m_reader->read({sql, values}, [this](const AsyncSqlReader::Rows &rows, const QString &error) {
        emit loadingChanged(m_loading = false);
        if (!error.isEmpty()) {
            m_atEnd = true;
            emit queryFailed(error);
            return;
        }
        m_atEnd = rows.size() < kPageSize;
        if (rows.isEmpty())
            return;
        beginInsertRows({}, static_cast<int>(m_rows.size()), static_cast<int>(m_rows.size() + rows.size() - 1));
        m_rows += rows;
        endInsertRows();
    });
}

} // namespace cg
