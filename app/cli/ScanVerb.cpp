#include "ScanVerb.h"

#include "Detector.h"
#include "Scanner.h"

#include <QFileDevice>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

#include <unistd.h>

namespace cg::cli {

namespace {

constexpr qint64 kMaxThreads = 1024;

bool isTerminal(QIODevice &device)
{
    const auto *file = qobject_cast<QFileDevice *>(&device);
    return file && file->handle() >= 0 && ::isatty(file->handle());
}

QByteArray progressBar(qint64 done, qint64 total)
{
    constexpr int kWidth = 30;
    const double fraction = total > 0 ? double(done) / double(total) : 1.0;
    const int filled = int(fraction * kWidth);
    return "\r[" + QByteArray(filled, '#') + QByteArray(kWidth - filled, '.') + "] "
        + QByteArray::number(int(fraction * 100)) + "% " + QByteArray::number(done) + '/'
        + QByteArray::number(total) + " messages";
}

} // namespace

QString ScanVerb::description() const
{
    return QStringLiteral(
        "Finds contact details in every message not yet scanned by this detector version (--all: every message)\n"
        "and stores them. Work is committed in batches, so an interrupted scan resumes where it stopped.\n"
        "Prints a JSON summary on standard output.");
}

QList<QCommandLineOption> ScanVerb::options() const
{
    return {QCommandLineOption(QStringLiteral("all"), QStringLiteral("Rescan every message.")),
            valueOption(QStringLiteral("threads"), QStringLiteral("Worker threads (default: all cores)."),
                        QStringLiteral("n"))};
}

QString ScanVerb::checkOptions(const QCommandLineParser &parser) const
{
    QString error;
    if (parser.isSet(QStringLiteral("threads")) && !integerOption(parser, QStringLiteral("threads"), 1, kMaxThreads, &error))
        return error;
    return {};
}

int ScanVerb::execute(Context &context)
{
    QString ignored;
    const int threads = context.parser.isSet(QStringLiteral("threads"))
        ? int(*integerOption(context.parser, QStringLiteral("threads"), 1, kMaxThreads, &ignored))
        : QThread::idealThreadCount();
    QIODevice &err = context.streams.err;
    const bool showProgress = isTerminal(err);

    const Detector detector;
    Scanner scanner(context.database.connection(), detector, actor());
    const ScanOutcome outcome = scanner.scan(
        context.parser.isSet(QStringLiteral("all")) ? ScanScope::All : ScanScope::Pending, threads,
        [showProgress, &err](qint64 done, qint64 total) {
            if (showProgress)
                err.write(progressBar(done, total));
        });
    if (showProgress)
        err.write("\n");
    if (!outcome.ok)
        return fail(context.streams, outcome.error);
    const QJsonObject summary{{QStringLiteral("messages_scanned"), outcome.messagesScanned},
                              {QStringLiteral("spans_found"), outcome.spansFound},
                              {QStringLiteral("detector"), Detector::version()}};
    writeLine(context.streams.out, QString::fromUtf8(QJsonDocument(summary).toJson(QJsonDocument::Compact)));
    return ExitOk;
}

} // namespace cg::cli
