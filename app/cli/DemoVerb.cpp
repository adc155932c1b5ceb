#include "DemoVerb.h"

#include "DemoDatabaseWriter.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QThread>

namespace cg::cli {

QString DemoVerb::defaultDemoPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("demo.sqlite"));
}

int DemoVerb::run(const QStringList &arguments, CliStreams streams)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Writes a case database of realistic synthetic flagged conversations, deterministic for a seed.\n"
        "Prints the database's path on standard output."));
    const QCommandLineOption out(QStringLiteral("out"),
                                 QStringLiteral("The database to create (default: %1).").arg(defaultDemoPath()),
                                 QStringLiteral("file"));
    const QCommandLineOption conversations(QStringLiteral("conversations"),
                                           QStringLiteral("How many conversations (default 200)."),
                                           QStringLiteral("n"), QStringLiteral("200"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Random seed (default 1)."),
                                  QStringLiteral("s"), QStringLiteral("1"));
    const QCommandLineOption threads(QStringLiteral("threads"), QStringLiteral("Scanning threads (default: all cores)."),
                                     QStringLiteral("n"));
    const QCommandLineOption ifMissing(QStringLiteral("if-missing"),
                                       QStringLiteral("Do nothing (but print the path) when the file exists."));
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOptions({out, conversations, seed, threads, ifMissing, help});

    auto usageError = [&streams](const QString &message) {
        writeLine(streams.err, QStringLiteral("contactguard-cli demo: ") + message);
        return ExitUsageOrIo;
    };
    if (!parser.parse(QStringList{QStringLiteral("demo")} + arguments))
        return usageError(parser.errorText());
    if (parser.isSet(help)) {
        streams.out.write(parser.helpText().toUtf8());
        return ExitOk;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("unexpected argument \"%1\"").arg(parser.positionalArguments().constFirst()));

    bool ok = false;
    DemoOptions options;
    options.conversations = parser.value(conversations).toInt(&ok);
    if (!ok || options.conversations < 0 || options.conversations > 10'000'000)
        return usageError(QStringLiteral("--conversations takes a whole number from 0 to 10000000"));
    options.seed = parser.value(seed).toUInt(&ok);
    if (!ok)
        return usageError(QStringLiteral("--seed takes a whole number from 0 to 4294967295"));
    int threadCount = QThread::idealThreadCount();
    if (parser.isSet(threads)) {
        threadCount = parser.value(threads).toInt(&ok);
        if (!ok || threadCount < 1 || threadCount > 1024)
            return usageError(QStringLiteral("--threads takes a whole number from 1 to 1024"));
    }

    const QString path = QFileInfo(parser.isSet(out) ? parser.value(out) : defaultDemoPath()).absoluteFilePath();
    if (QFileInfo::exists(path)) {
        if (parser.isSet(ifMissing)) {
            writeLine(streams.out, path);
            return ExitOk;
        }
        return usageError(QStringLiteral("%1 already exists; choose another --out (nothing was written)").arg(path));
    }
    const DemoWriteOutcome outcome = DemoDatabaseWriter::write(path, options, threadCount);
    if (!outcome.ok)
        return usageError(outcome.error);
    writeLine(streams.err, QStringLiteral("Wrote %1 conversations, %2 messages, %3 detected spans and %4 decisions.")
                               .arg(outcome.conversations)
                               .arg(outcome.messages)
                               .arg(outcome.spans)
                               .arg(outcome.decisions));
    writeLine(streams.out, path);
    return ExitOk;
}

} // namespace cg::cli
