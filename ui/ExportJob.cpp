#include "ExportJob.h"

#include "AuditLog.h"
#include "CaseDatabase.h"
#include "DecisionExporter.h"
#include "DecisionStatistics.h"
#include "Detector.h"
#include "SqlTransaction.h"
#include "SummaryReport.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QFileInfo>
#include <QPromise>
#include <QSaveFile>
#include <QtConcurrent/QtConcurrentRun>

namespace cg {

namespace {

ExportJobResult failed(QString error)
{
    ExportJobResult result;
    result.error = std::move(error);
    return result;
}

ExportJobResult runLog(QPromise<ExportJobResult> &promise, CaseDatabase &database, const ExportJobRequest &request)
{
    const Detector detector; // masks contact details in notes
    ExportRequest exportRequest;
    exportRequest.format = request.kind == ExportKind::Csv ? ExportFormat::Csv : ExportFormat::JsonLines;
    exportRequest.from = request.filter.from;
    exportRequest.to = request.filter.to;
    exportRequest.moderator = request.filter.moderator;
    exportRequest.verdict = request.filter.verdict;
    exportRequest.unmasked = request.unmasked;
    exportRequest.actor = request.actor;
    const ExportOutcome outcome = DecisionExporter(database.connection(), detector)
                                      .exportTo(request.outputPath, exportRequest,
                                                [&promise](qint64 done, qint64 total) {
                                                    promise.setProgressRange(0, int(std::min<qint64>(total, INT_MAX)));
                                                    promise.setProgressValue(int(std::min<qint64>(done, INT_MAX)));
                                                },
                                                [&promise] { return promise.isCanceled(); });
    ExportJobResult result;
    result.ok = outcome.ok;
    result.cancelled = outcome.cancelled;
    result.rows = outcome.rows;
    result.error = outcome.error;
    result.sha256 = outcome.sha256;
    return result;
}

} // namespace

ExportJobResult ExportJob::runReport(const ExportJobRequest &request)
{
    OpenResult opened;
    auto database = CaseDatabase::open(request.databasePath, OpenMode::ExistingOnly, &opened);
    if (!database)
        return failed(opened.message);
    QString error;
    const std::optional<DecisionStatistics> statistics =
        DecisionStatistics::load(database->connection(), request.filter, &error);
    if (!statistics)
        return failed(error);
    SummaryReport::Content content;
    content.statistics = *statistics;
    content.audit = AuditLog::verify(database->connection());
    content.databaseName = QFileInfo(request.databasePath).fileName();
    content.generatedBy = request.actor;
    content.generatedAt = QDateTime::currentDateTimeUtc();

    QBuffer pdf;
    pdf.open(QIODevice::WriteOnly);
    if (!SummaryReport::render(content, &pdf, &error))
        return failed(error);
    ExportJobResult result;
    result.rows = statistics->decisions;
    result.sha256 = QString::fromLatin1(QCryptographicHash::hash(pdf.data(), QCryptographicHash::Sha256).toHex());

    // As with the log exports: the file appears only together with its audit entry.
    // As with the log exports, a new report is readable by its owner only (before anything is
    // written: Qt creates it with the umask's permissions); an existing file keeps its own.
    const bool newFile = !QFileInfo::exists(request.outputPath);
    QSaveFile file(request.outputPath);
    if (!file.open(QIODevice::WriteOnly))
        return failed(QStringLiteral("Could not write %1: %2").arg(request.outputPath, file.errorString()));
    if (newFile && !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return failed(QStringLiteral("Could not make %1 private: %2").arg(request.outputPath, file.errorString()));
    if (file.write(pdf.data()) != pdf.data().size())
        return failed(QStringLiteral("Could not write %1: %2").arg(request.outputPath, file.errorString()));
    QSqlDatabase db = database->connection();
    SqlTransaction transaction(db);
    if (!transaction.isActive())
        return failed(transaction.error());
    error = AuditLog::append(db, request.actor, QStringLiteral("export"), QStringLiteral("decisions"),
                             QFileInfo(request.outputPath).fileName(),
                             QJsonObject{{QStringLiteral("format"), QStringLiteral("pdf")},
                                         {QStringLiteral("rows"), result.rows},
                                         {QStringLiteral("masked"), true},
                                         {QStringLiteral("filters"), request.filter.describe()},
                                         {QStringLiteral("sha256"), result.sha256}});
    if (!error.isEmpty())
        return failed(error);
    if (!file.commit())
        return failed(QStringLiteral("Could not write %1: %2").arg(request.outputPath, file.errorString()));
    if (!transaction.commit()) {
        QFile::remove(request.outputPath);
        return failed(transaction.error());
    }
    result.ok = true;
    return result;
}

QFuture<ExportJobResult> ExportJob::start(const ExportJobRequest &request)
{
    return QtConcurrent::run(
        [](QPromise<ExportJobResult> &promise, const ExportJobRequest &job) {
            if (job.kind == ExportKind::PdfReport) {
                promise.addResult(runReport(job));
                return;
            }
            OpenResult opened;
            auto database = CaseDatabase::open(job.databasePath, OpenMode::ExistingOnly, &opened);
            promise.addResult(database ? runLog(promise, *database, job) : failed(opened.message));
        },
        request);
}

} // namespace cg
