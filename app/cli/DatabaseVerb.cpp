#include "DatabaseVerb.h"

#include <QFileDevice>

namespace cg::cli {

QString DatabaseVerb::checkOptions(const QCommandLineParser &) const
{
    return {};
}

int DatabaseVerb::usageError(CliStreams streams, const QString &message) const
{
    writeLine(streams.err, QStringLiteral("contactguard-cli %1: %2").arg(name(), message));
    writeLine(streams.err, QStringLiteral("Try 'contactguard-cli %1 --help'.").arg(name()));
    return ExitUsageOrIo;
}

int DatabaseVerb::fail(CliStreams streams, const QString &message, int exitCode) const
{
    writeLine(streams.err, QStringLiteral("contactguard-cli %1: %2").arg(name(), message));
    return exitCode;
}

QString DatabaseVerb::actor()
{
    const QString user = qEnvironmentVariable("USER");
    return user.isEmpty() ? QStringLiteral("contactguard-cli") : user;
}

std::optional<qint64> DatabaseVerb::integerOption(const QCommandLineParser &parser, const QString &name,
                                                  qint64 minimum, qint64 maximum, QString *error)
{
    bool ok = false;
    const qint64 value = parser.value(name).toLongLong(&ok);
    if (ok && value >= minimum && value <= maximum)
        return value;
    *error = QStringLiteral("--%1 needs a whole number from %2 to %3, not '%4'")
                 .arg(name)
                 .arg(minimum)
                 .arg(maximum)
                 .arg(parser.value(name));
    return std::nullopt;
}

void DatabaseVerb::writeFlushedLine(QIODevice &device, const QByteArray &line)
{
    device.write(line);
    device.write("\n", 1);
    if (auto *file = qobject_cast<QFileDevice *>(&device))
        file->flush();
}

QCommandLineOption DatabaseVerb::valueOption(const QString &name, const QString &description,
                                             const QString &valueName)
{
    return QCommandLineOption(name, description, valueName);
}

int DatabaseVerb::run(const QStringList &arguments, CliStreams streams)
{
    const QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("The case database file."),
                                      QStringLiteral("file"));
    const QCommandLineOption helpOption(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                        QStringLiteral("Show this help."));
    QCommandLineParser parser;
    parser.setApplicationDescription(description());
    parser.addOption(dbOption);
    parser.addOptions(options());
    parser.addOption(helpOption);
    for (const QString &positional : positionalNames())
        parser.addPositionalArgument(positional, QString());

    // parse(), never process(): process() exits the program on errors and --help.
    if (!parser.parse(QStringList{QStringLiteral("contactguard-cli ") + name()} + arguments))
        return usageError(streams, parser.errorText());
    if (parser.isSet(helpOption)) {
        QString help = parser.helpText();
        help += QStringLiteral("\nExit status: 0 ok, 1 usage or I/O error, 2 some input lines rejected, "
                               "3 conflict, 4 audit log broken.\n");
        streams.out.write(help.toUtf8());
        return ExitOk;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > positionalNames().size())
        return usageError(streams, QStringLiteral("unexpected argument '%1'").arg(positional.at(positionalNames().size())));
    if (positional.size() < positionalNames().size())
        return usageError(streams, QStringLiteral("%1 is missing").arg(positionalNames().at(positional.size())));
    if (!parser.isSet(dbOption) || parser.value(dbOption).isEmpty())
        return usageError(streams, QStringLiteral("--db FILE is required"));
    const QString problem = checkOptions(parser);
    if (!problem.isEmpty())
        return usageError(streams, problem);

    OpenResult opened;
    const auto database = CaseDatabase::open(parser.value(dbOption), openMode(), &opened);
    if (!database)
        return fail(streams, opened.message);
    Context context{parser, *database, streams};
    const int exitCode = execute(context);
    // SQLite's own words ("database is locked", "database disk image is malformed") name
    // neither the file nor what to do; say so when the file is damaged or locked.
    if (exitCode == ExitUsageOrIo) {
        const QString diagnosis = database->diagnose();
        if (!diagnosis.isEmpty())
            return fail(streams, diagnosis);
    }
    return exitCode;
}

} // namespace cg::cli
