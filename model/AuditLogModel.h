#pragma once

#include "LogTableModel.h"

namespace cg {

// The audit log, newest first, optionally narrowed to one kind of action.
class AuditLogModel final : public LogTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditLogModel)

public:
    explicit AuditLogModel(QObject *parent = nullptr);

    void setActionFilter(const QString &action); // "" for every action
    QString actionFilter() const { return m_action; }

protected:
    QString selectSql() const override;
    QString idExpression() const override { return QStringLiteral("seq"); }
    void filterConditions(QStringList *conditions, QVariantList *values) const override;
    QStringList headers() const override;
    QVariant display(const QVariantList &row, int column, int role) const override;

private:
    QString m_action;
};

} // namespace cg
