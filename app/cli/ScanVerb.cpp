#include "ScanVerb.h"

#include "AssessmentStore.h"
#include "ContactPolicy.h"
#include "Detector.h"
#include "PolicyAssessor.h"
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

QByteArray progressBar(qint64 done, qint64 total, const char *unit)
{
    constexpr int kWidth = 30;
    const double fraction = total > 0 ? double(done) / double(total) : 1.0;
    const int filled = int(fraction * kWidth);
    return "\r[" + QByteArray(filled, '#') + QByteArray(kWidth - filled, '.') + "] "
        + QByteArray::number(int(fraction * 100)) + "% " + QByteArray::number(done) + '/'
        + QByteArray::number(total) + ' ' + unit;
}

} // namespace

QString ScanVerb::description() const
{
    return QStringLiteral(
        "Finds contact details in every message not yet scanned by this detector version (--all: every message)\n"
        "and stores them, then assesses every conversation whose suggested verdict is missing or stale against\n"
        "the contact-sharing policy and stores the suggestion. Work is committed in batches, so an interrupted\n"
        "scan resumes where it stopped. Prints a JSON summary on standard output.");
}

QList<QCommandLineOption> ScanVerb::options() const
{
    return {QCommandLineOption(QStringLiteral("all"), QStringLiteral("Rescan every message.")),
            valueOption(QStringLiteral("threads"), QStringLiteral("Worker threads (default: all cores)."),
                        QStringLiteral("n")),
            valueOption(QStringLiteral("policy-dir"),
                        QStringLiteral("Read DIR/contact-policy.json instead of the built-in policy."),
                        QStringLiteral("DIR"))};
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

    const QString policyDir = context.parser.value(QStringLiteral("policy-dir"));
    const ContactPolicyLoad policy = policyDir.isEmpty() ? ContactPolicy::builtIn() : ContactPolicy::fromDirectory(policyDir);
    if (!policy.policy)
        return fail(context.streams, policy.error);

    const Detector detector;
    Scanner scanner(context.database.connection(), detector, actor());
    const ScanOutcome outcome = scanner.scan(
        context.parser.isSet(QStringLiteral("all")) ? ScanScope::All : ScanScope::Pending, threads,
        [showProgress, &err](qint64 done, qint64 total) {
            if (showProgress)
                err.write(progressBar(done, total, "messages"));
        });
    if (showProgress)
        err.write("\n");
    if (!outcome.ok)
        return fail(context.streams, outcome.error);

    const PolicyAssessor assessor(policy.policy, detector);
    AssessmentStore store(context.database.connection(), assessor, actor());
    const AssessOutcome assessed = store.assessPending(threads, [showProgress, &err](qint64 done, qint64 total) {
        if (showProgress)
            err.write(progressBar(done, total, "conversations"));
    });
    if (showProgress)
        err.write("\n");
    if (!assessed.ok)
        return fail(context.streams, assessed.error);
    const QJsonObject summary{{QStringLiteral("messages_scanned"), outcome.messagesScanned},
                              {QStringLiteral("spans_found"), outcome.spansFound},
                              {QStringLiteral("conversations_assessed"), assessed.conversationsAssessed},
                              {QStringLiteral("detector"), Detector::version()},
                              {QStringLiteral("assessor"), AssessmentStore::version()}};
    writeLine(context.streams.out, QString::fromUtf8(QJsonDocument(summary).toJson(QJsonDocument::Compact)));
    return ExitOk;
}

} // namespace cg::cli
