#pragma once

#include "DatabaseVerb.h"

namespace cg::cli {

// `import --db F [--format jsonl|csv] FILE|-`: conversations into a case database
// (created if missing). Each rejected line gets an error line
// {"id", "line", "error"} on stdout; exit 2 when any was rejected.
class ImportVerb final : public DatabaseVerb
{
public:
    QString name() const override { return QStringLiteral("import"); }
    QString summary() const override { return QStringLiteral("import conversations (JSON Lines or CSV)"); }

protected:
    QString description() const override;
    QList<QCommandLineOption> options() const override;
    QStringList positionalNames() const override { return {QStringLiteral("FILE|-")}; }
    QString checkOptions(const QCommandLineParser &parser) const override;
    OpenMode openMode() const override { return OpenMode::CreateIfMissing; }
    int execute(Context &context) override;
};

} // namespace cg::cli
