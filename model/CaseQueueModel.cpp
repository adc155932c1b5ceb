#include "CaseQueueModel.h"

#include "Timestamps.h"

namespace cg {

namespace {

// The SQL each column sorts by; never NULL, so keyset comparisons are total.
const char *const kSortExpressions[CaseQueueModel::ColumnCount] = {
    "c.id",
    "c.risk",
    "c.status",
    "c.flagged_at",
    "cl.display_name",
    "fl.display_name",
    "c.contact_types",
    "COALESCE(c.suggested_verdict, '')",
    "COALESCE(m.name, '')",
    "c.job_title",
};

const char kSelect[] =
    "SELECT c.id, c.external_id, c.risk, c.status, c.flagged_at, cl.display_name, fl.display_name, "
    "c.contact_types, COALESCE(c.suggested_verdict, ''), COALESCE(m.name, ''), c.job_title, c.version "
    "FROM conversations c "
    "JOIN people cl ON cl.id = c.client_id "
    "JOIN people fl ON fl.id = c.freelancer_id "
    "LEFT JOIN moderators m ON m.id = c.assignee_id ";

QString humanAge(const QDateTime &since)
{
    const qint64 seconds = since.secsTo(QDateTime::currentDateTimeUtc());
    if (seconds < 3600)
        return CaseQueueModel::tr("%1 min").arg(std::max<qint64>(0, seconds / 60));
    if (seconds < 86400)
        return CaseQueueModel::tr("%1 h").arg(seconds / 3600);
    return CaseQueueModel::tr("%1 d").arg(seconds / 86400);
}

// Text for LIKE ... ESCAPE '\' that matches only itself.
QString escapeLike(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('%'), QLatin1String("\\%"));
    escaped.replace(QLatin1Char('_'), QLatin1String("\\_"));
    return escaped;
}

QString likePattern(const QString &text)
{
    return QLatin1Char('%') + escapeLike(text) + QLatin1Char('%');
}

} // namespace

CaseQueueModel::CaseQueueModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_reader(new AsyncSqlReader(this))
{
}

void CaseQueueModel::setDatabase(const QSqlDatabase &db)
{
    m_reader->setDatabasePath(db.databaseName());
    reload();
}

void CaseQueueModel::clear()
{
    beginResetModel();
    m_reader->setDatabasePath({});
    m_rows.clear();
    m_atEnd = true;
    m_statusCounts.clear();
    endResetModel();
    setLoading(false);
    emit statusCountsChanged();
}

void CaseQueueModel::setFilter(const QueueFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    reload();
}

int CaseQueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int CaseQueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CaseQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn: return tr("Case");
    case RiskColumn: return tr("Risk");
    case StatusColumn: return tr("Status");
    case AgeColumn: return tr("Age");
    case ClientColumn: return tr("Client");
    case FreelancerColumn: return tr("Freelancer");
    case TypesColumn: return tr("Found");
    case SuggestedColumn: return tr("Suggested");
    case AssigneeColumn: return tr("Assignee");
    case JobColumn: return tr("Job");
    default: return {};
    }
}

QString CaseQueueModel::displayText(const Row &row, int column) const
{
    switch (column) {
    case IdColumn: return QString::number(row.id);
    case RiskColumn: return QStringLiteral("%1%").arg(qRound(row.risk * 100));
    case StatusColumn: return row.status;
    case AgeColumn: return humanAge(row.flaggedAt);
    case ClientColumn: return row.client;
    case FreelancerColumn: return row.freelancer;
    case TypesColumn: return QString(row.contactTypes).replace(QLatin1Char(','), QLatin1String(", "));
    case SuggestedColumn: return row.suggested.isEmpty() ? tr("—") : row.suggested;
    case AssigneeColumn: return row.assignee;
    case JobColumn: return row.jobTitle;
    default: return {};
    }
}

QVariant CaseQueueModel::columnValue(const Row &row, int column)
{
    switch (column) {
    case IdColumn: return row.id;
    case RiskColumn: return row.risk;
    case StatusColumn: return row.status;
    case AgeColumn: return row.flaggedAtText;
    case ClientColumn: return row.client;
    case FreelancerColumn: return row.freelancer;
    case TypesColumn: return row.contactTypes;
    case SuggestedColumn: return row.suggested;
    case AssigneeColumn: return row.assignee;
    case JobColumn: return row.jobTitle;
    default: return {};
    }
}

QVariant CaseQueueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayText(row, index.column());
    case Qt::ToolTipRole:
        if (index.column() == AgeColumn)
            return row.flaggedAt.toString(Qt::ISODate);
        if (index.column() == IdColumn)
            return row.externalId;
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == IdColumn || index.column() == RiskColumn || index.column() == AgeColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case CaseIdRole: return row.id;
    case VersionRole: return row.version;
    case StatusNameRole: return row.status;
    case RawValueRole: return columnValue(row, index.column());
    default: return {};
    }
}

bool CaseQueueModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd;
}

void CaseQueueModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_atEnd || m_loading || m_rows.isEmpty())
        return;
    const Row &last = m_rows.constLast();
    const QString expression = QString::fromLatin1(kSortExpressions[m_sortColumn]);
    const QString comparison = m_sortOrder == Qt::AscendingOrder ? QStringLiteral(">") : QStringLiteral("<");
    const QString keyset = QStringLiteral("(%1 %2 ? OR (%1 = ? AND c.id %2 ?))").arg(expression, comparison);
    const QVariant lastValue = columnValue(last, m_sortColumn);
    startPage(buildQuery(Scope::Filtered, keyset, {lastValue, lastValue, last.id}, kPageSize));
}

void CaseQueueModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    reload();
}

qint64 CaseQueueModel::caseIdAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : 0;
}

int CaseQueueModel::rowOfCase(qint64 caseId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == caseId)
            return row;
    }
    return -1;
}

void CaseQueueModel::refreshCase(qint64 caseId)
{
    const int row = rowOfCase(caseId);
    if (row < 0)
        return;
    // The case may no longer match the filter (a decided case in the open queue);
    // it keeps its row until the next reload so the moderator's place is kept. A
    // primary-key lookup: cheap enough for the GUI thread's own connection.
    QString error;
    const AsyncSqlReader::Rows fresh = AsyncSqlReader::readNow(
        m_reader->databasePath(), buildQuery(Scope::AnyCase, QStringLiteral("c.id = ?"), {caseId}, 1), &error);
    if (!error.isEmpty()) {
        reportError(error);
        return;
    }
    if (fresh.isEmpty())
        return;
    m_rows[row] = toRow(fresh.constFirst());
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void CaseQueueModel::reload()
{
    beginResetModel();
    m_reader->reset();
    m_rows.clear();
    m_atEnd = true;
    endResetModel();
    setLoading(false);
    if (m_reader->databasePath().isEmpty())
        return;
    m_atEnd = false;
    startPage(buildQuery(Scope::Filtered, {}, {}, kPageSize));
    startStatusCounts();
}

void CaseQueueModel::startPage(const AsyncSqlReader::Query &query)
{
    setLoading(true);
    m_reader->read(query, [this](const AsyncSqlReader::Rows &rows, const QString &error) {
        setLoading(false);
        if (!error.isEmpty()) {
            m_atEnd = true;
            reportError(error);
            return;
        }
        m_atEnd = rows.size() < kPageSize;
        if (rows.isEmpty())
            return;
        beginInsertRows({}, static_cast<int>(m_rows.size()), static_cast<int>(m_rows.size() + rows.size() - 1));
        for (const QVariantList &row : rows)
            m_rows.append(toRow(row));
        endInsertRows();
    });
}

void CaseQueueModel::startStatusCounts()
{
    m_reader->read({QStringLiteral("SELECT status, COUNT(*) FROM conversations GROUP BY status"), {}},
                   [this](const AsyncSqlReader::Rows &rows, const QString &) {
                       m_statusCounts.clear();
                       for (const QVariantList &row : rows)
                           m_statusCounts.insert(row.value(0).toString(), row.value(1).toInt());
                       emit statusCountsChanged();
                   });
}

void CaseQueueModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    emit loadingChanged(loading);
}

AsyncSqlReader::Query CaseQueueModel::buildQuery(Scope scope, const QString &extraCondition,
                                                 const QVariantList &extraValues, int limit) const
{
    QStringList conditions;
    QVariantList values;
    const bool filtered = scope == Scope::Filtered;
    if (filtered && !m_filter.statuses.isEmpty()) {
        QStringList marks;
        for (const QString &status : m_filter.statuses) {
            marks.append(QStringLiteral("?"));
            values.append(status);
        }
        conditions.append(QStringLiteral("c.status IN (%1)").arg(marks.join(QStringLiteral(", "))));
    }
    const QString text = m_filter.text.trimmed();
    if (filtered && !m_filter.contactType.isEmpty()) {
        // contact_types is a sorted comma list: match a whole entry.
        conditions.append(QStringLiteral("(',' || c.contact_types || ',') LIKE ? ESCAPE '\\'"));
        values.append(QStringLiteral("%,%1,%").arg(escapeLike(m_filter.contactType)));
    }
    if (filtered && !m_filter.suggested.isEmpty()) {
        conditions.append(QStringLiteral("c.suggested_verdict = ?"));
        values.append(m_filter.suggested);
    }
    if (filtered && !m_filter.assignee.isEmpty()) {
        conditions.append(QStringLiteral("m.name = ?"));
        values.append(m_filter.assignee);
    }
    if (filtered && m_filter.flaggedFrom.isValid()) {
        conditions.append(QStringLiteral("c.flagged_at >= ?"));
        values.append(m_filter.flaggedFrom.toString(Qt::ISODate));
    }
    if (filtered && m_filter.flaggedTo.isValid()) {
        conditions.append(QStringLiteral("c.flagged_at < ?"));
        values.append(m_filter.flaggedTo.addDays(1).toString(Qt::ISODate));
    }
    if (filtered && !text.isEmpty()) {
        conditions.append(QStringLiteral(
            "(c.job_title LIKE ? ESCAPE '\\' OR cl.display_name LIKE ? ESCAPE '\\' OR fl.display_name LIKE ? "
            "ESCAPE '\\' OR c.external_id LIKE ? ESCAPE '\\' OR CAST(c.id AS TEXT) = ?)"));
        const QString pattern = likePattern(text);
        values << pattern << pattern << pattern << pattern << text;
    }
    if (!extraCondition.isEmpty()) {
        conditions.append(extraCondition);
        values += extraValues;
    }
    const QString direction = m_sortOrder == Qt::AscendingOrder ? QStringLiteral("ASC") : QStringLiteral("DESC");
    QString sql = QString::fromLatin1(kSelect);
    if (!conditions.isEmpty())
        sql += QStringLiteral("WHERE ") + conditions.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY %1 %2, c.id %2 LIMIT %3")
               .arg(QString::fromLatin1(kSortExpressions[m_sortColumn]), direction)
               .arg(limit);

    return {sql, values};
}

CaseQueueModel::Row CaseQueueModel::toRow(const QVariantList &values)
{
    Row row;
    row.id = values.value(0).toLongLong();
    row.externalId = values.value(1).toString();
    row.risk = values.value(2).toDouble();
    row.status = values.value(3).toString();
    row.flaggedAtText = values.value(4).toString();
    row.flaggedAt = fromStoredTime(row.flaggedAtText);
    row.client = values.value(5).toString();
    row.freelancer = values.value(6).toString();
    row.contactTypes = values.value(7).toString();
    row.suggested = values.value(8).toString();
    row.assignee = values.value(9).toString();
    row.jobTitle = values.value(10).toString();
    row.version = values.value(11).toInt();
    return row;
}

void CaseQueueModel::reportError(const QString &message)
{
    m_lastError = message;
    emit queryFailed(message);
}

} // namespace cg
