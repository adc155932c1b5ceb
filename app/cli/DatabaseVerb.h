#pragma once

#include "CaseDatabase.h"
#include "CliVerb.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>

#include <optional>

namespace cg::cli {

// The base of the verbs that work on a case database (import, scan, decide,
// reverse, export, verify-audit): it parses the options, answers --help, requires
// --db, opens the database (refusing a newer one untouched) and reports errors the
// same way for all of them ("contactguard-cli <verb>: <message>" on stderr).
class DatabaseVerb : public CliVerb
{
public:
    int run(const QStringList &arguments, CliStreams streams) final;

protected:
    struct Context
    {
        const QCommandLineParser &parser;
        CaseDatabase &database;
        CliStreams streams;
    };

    // What the verb does, for --help (after the usage line).
    virtual QString description() const = 0;
    // The verb's own options (--db and --help are added here).
    virtual QList<QCommandLineOption> options() const = 0;
    // Names of the positional arguments, e.g. {"FILE|-"}; the count is enforced.
    virtual QStringList positionalNames() const { return {}; }
    // Checks the options before the database is opened; returns "" or the usage error.
    virtual QString checkOptions(const QCommandLineParser &parser) const;
    virtual OpenMode openMode() const { return OpenMode::ExistingOnly; }
    virtual int execute(Context &context) = 0;

    int usageError(CliStreams streams, const QString &message) const;
    int fail(CliStreams streams, const QString &message, int exitCode = ExitUsageOrIo) const;

    // Who is acting, for audit entries of verbs that have no --moderator.
    static QString actor();
    // A whole number option within [minimum, maximum]; nullopt (with `error` set) if not.
    static std::optional<qint64> integerOption(const QCommandLineParser &parser, const QString &name,
                                               qint64 minimum, qint64 maximum, QString *error);
    // Writes a line and pushes it out at once (batch output is read as it comes).
    static void writeFlushedLine(QIODevice &device, const QByteArray &line);
    static QCommandLineOption valueOption(const QString &name, const QString &description,
                                          const QString &valueName);
};

} // namespace cg::cli
