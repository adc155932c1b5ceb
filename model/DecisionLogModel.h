#pragma once

#include "DecisionFilter.h"
#include "LogTableModel.h"

namespace cg {

using DecisionLogFilter = DecisionFilter;

// Every decision, newest first, with who made it and whether it was reversed.
class DecisionLogModel final : public LogTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DecisionLogModel)

public:
    enum Column { IdColumn, DecidedColumn, CaseColumn, ModeratorColumn, VerdictColumn, PenaltyColumn,
                  BasisColumn, NoteColumn, ReversalColumn, ColumnCount };
    // Positions of the selected values in a row (rowValues()).
    enum Field { FieldId, FieldDecidedAt, FieldCase, FieldModerator, FieldVerdict, FieldPenalty, FieldBasis,
                 FieldNote, FieldReverses, FieldReversedBy, FieldTraining };

    // True for a decision that a later one reversed: it no longer counts, and views strike it through.
    static constexpr int ReversedRole = RawRole + 1;

    explicit DecisionLogModel(QObject *parent = nullptr);

    void setFilter(const DecisionLogFilter &filter);
    DecisionLogFilter filter() const { return m_filter; }

protected:
    QString selectSql() const override;
    QString idExpression() const override { return QStringLiteral("d.id"); }
    void filterConditions(QStringList *conditions, QVariantList *values) const override;
    QStringList headers() const override;
    QVariant display(const QVariantList &row, int column, int role) const override;

private:
    DecisionLogFilter m_filter;
};

} // namespace cg
