#pragma once

#include "DatabaseVerb.h"

namespace cg::cli {

// `export --db F --format csv|jsonl [--from D] [--to D] [--moderator M] [--verdict V]
// [--unmasked] --out FILE`: the decision log, contact details in notes masked unless
// --unmasked; the file appears complete or not at all; the export is audited.
class ExportVerb final : public DatabaseVerb
{
public:
    QString name() const override { return QStringLiteral("export"); }
    QString summary() const override { return QStringLiteral("export the decision log (CSV or JSON Lines)"); }

protected:
    QString description() const override;
    QList<QCommandLineOption> options() const override;
    QString checkOptions(const QCommandLineParser &parser) const override;
    int execute(Context &context) override;
};

} // namespace cg::cli
