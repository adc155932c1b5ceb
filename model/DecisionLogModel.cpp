#include "DecisionLogModel.h"

#include "Timestamps.h"

namespace cg {

DecisionLogModel::DecisionLogModel(QObject *parent)
    : LogTableModel(parent)
{
}

void DecisionLogModel::setFilter(const DecisionLogFilter &filter)
{
    m_filter = filter;
    reload();
}

QString DecisionLogModel::selectSql() const
{
    return QStringLiteral(
        "SELECT d.id, d.decided_at, d.conversation_id, m.name, d.verdict, COALESCE(d.penalty, ''), d.basis, d.note, "
        "d.reverses_decision_id, (SELECT MIN(r.id) FROM decisions r WHERE r.reverses_decision_id = d.id), "
        "d.is_training FROM decisions d JOIN moderators m ON m.id = d.moderator_id");
}

void DecisionLogModel::filterConditions(QStringList *conditions, QVariantList *values) const
{
    m_filter.appendConditions(conditions, values);
}

QStringList DecisionLogModel::headers() const
{
    return {tr("Decision"), tr("Decided"), tr("Case"), tr("Moderator"), tr("Verdict"), tr("Penalty"), tr("Basis"),
            tr("Note"), tr("Reversal")};
}

QVariant DecisionLogModel::display(const QVariantList &row, int column, int role) const
{
    const bool reversed = !row.value(FieldReversedBy).isNull();
    if (role == ReversedRole)
        return reversed;
    if (role == RawRole)
        return row.value(column);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (column) {
    case IdColumn: return row.value(FieldId);
    case DecidedColumn:
        return fromStoredTime(row.value(FieldDecidedAt).toString()).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    case CaseColumn: return row.value(FieldCase);
    case ModeratorColumn: return row.value(FieldModerator);
    case VerdictColumn:
        return row.value(FieldTraining).toBool() ? tr("%1 (training)").arg(row.value(FieldVerdict).toString())
                                                 : row.value(FieldVerdict);
    case PenaltyColumn: return row.value(FieldPenalty);
    case BasisColumn: return row.value(FieldBasis).toString().replace(QLatin1Char(','), QLatin1String(", "));
    case NoteColumn: return row.value(FieldNote);
    case ReversalColumn:
        if (reversed)
            return tr("reversed by %1").arg(row.value(FieldReversedBy).toLongLong());
        if (!row.value(FieldReverses).isNull())
            return tr("reverses %1").arg(row.value(FieldReverses).toLongLong());
        return {};
    default: return {};
    }
}

} // namespace cg
