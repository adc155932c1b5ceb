#pragma once

#include "DatabaseVerb.h"
#include "DecisionService.h"

#include <QJsonObject>

namespace cg::cli {

// `decide --db F --case ID --verdict V [--basis K ...] [--penalty P] --moderator NAME
// [--note T] [--expect-version N]`: records one decision (with its penalty and audit
// entry, all or nothing); exit 3 with who changed what when the case moved on since
// version N. `--batch` reads such decisions as JSON Lines from stdin instead and
// acknowledges each on stdout as soon as it is committed.
class DecideVerb final : public DatabaseVerb
{
public:
    QString name() const override { return QStringLiteral("decide"); }
    QString summary() const override { return QStringLiteral("record a moderator's decision on a case"); }

protected:
    QString description() const override;
    QList<QCommandLineOption> options() const override;
    QString checkOptions(const QCommandLineParser &parser) const override;
    int execute(Context &context) override;

public:
    // The exit code and stdout line for a decision or reversal outcome.
    static int report(CliStreams streams, const QString &verb, const DecisionOutcome &outcome,
                      const QJsonObject &recorded);

private:
    int executeBatch(Context &context);
};

} // namespace cg::cli
