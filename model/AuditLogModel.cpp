#include "AuditLogModel.h"

#include "Timestamps.h"

namespace cg {

AuditLogModel::AuditLogModel(QObject *parent)
    : LogTableModel(parent)
{
}

void AuditLogModel::setActionFilter(const QString &action)
{
    m_action = action;
    reload();
}

QString AuditLogModel::selectSql() const
{
    return QStringLiteral("SELECT seq, recorded_at, actor, action, entity, entity_id, details, hash FROM audit_log");
}

void AuditLogModel::filterConditions(QStringList *conditions, QVariantList *values) const
{
    if (!m_action.isEmpty()) {
        conditions->append(QStringLiteral("action = ?"));
        values->append(m_action);
    }
}

QStringList AuditLogModel::headers() const
{
    return {tr("Entry"), tr("Recorded"), tr("By"), tr("Action"), tr("On"), tr("Details"), tr("Hash")};
}

QVariant AuditLogModel::display(const QVariantList &row, int column, int role) const
{
    if (role == RawRole)
        return row.value(column);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (column) {
    case 0: return row.value(0);
    case 1: return fromStoredTime(row.value(1).toString()).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case 2: return row.value(2);
    case 3: return row.value(3);
    case 4: return QStringLiteral("%1 %2").arg(row.value(4).toString(), row.value(5).toString());
    case 5: return row.value(6);
    case 6: return role == Qt::ToolTipRole ? row.value(7) : QVariant(row.value(7).toString().left(12));
    default: return {};
    }
}

} // namespace cg
