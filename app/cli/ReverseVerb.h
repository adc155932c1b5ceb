#pragma once

#include "DatabaseVerb.h"

namespace cg::cli {

// `reverse --db F --decision ID --moderator NAME --note T`: a lead overturns a
// decision; the reversal is a new decision, the old one's penalty is lifted.
class ReverseVerb final : public DatabaseVerb
{
public:
    QString name() const override { return QStringLiteral("reverse"); }
    QString summary() const override { return QStringLiteral("reverse a decision (leads only)"); }

protected:
    QString description() const override;
    QList<QCommandLineOption> options() const override;
    QString checkOptions(const QCommandLineParser &parser) const override;
    int execute(Context &context) override;
};

} // namespace cg::cli
