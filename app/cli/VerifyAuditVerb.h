#pragma once

#include "DatabaseVerb.h"

namespace cg::cli {

// `verify-audit --db F`: recomputes the audit chain, checks its recorded end and
// the decisions against their entries; exit 4 naming the first bad entry.
class VerifyAuditVerb final : public DatabaseVerb
{
public:
    QString name() const override { return QStringLiteral("verify-audit"); }
    QString summary() const override { return QStringLiteral("check the audit log's hash chain"); }

protected:
    QString description() const override;
    QList<QCommandLineOption> options() const override { return {}; }
    int execute(Context &context) override;
};

} // namespace cg::cli
