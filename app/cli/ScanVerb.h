#pragma once

#include "DatabaseVerb.h"

namespace cg::cli {

// `scan --db F [--all] [--threads N]`: detection over the messages not yet scanned
// by this detector version (or all), committed batch by batch so it resumes after
// an interruption; a progress bar on stderr when that is a terminal.
class ScanVerb final : public DatabaseVerb
{
public:
    QString name() const override { return QStringLiteral("scan"); }
    QString summary() const override { return QStringLiteral("detect contact details in a database's messages"); }

protected:
    QString description() const override;
    QList<QCommandLineOption> options() const override;
    QString checkOptions(const QCommandLineParser &parser) const override;
    int execute(Context &context) override;
};

} // namespace cg::cli
