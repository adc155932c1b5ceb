#pragma once

#include "DecisionFilter.h"

#include <QFuture>
#include <QString>

namespace cg {

enum class ExportKind { Csv, JsonLines, PdfReport };

struct ExportJobRequest
{
    QString databasePath;
    QString outputPath;
    ExportKind kind = ExportKind::Csv;
    DecisionFilter filter;
    bool unmasked = false; // CSV and JSON Lines only; the report holds no contact details
    QString actor;
};

struct ExportJobResult
{
    bool ok = false;
    bool cancelled = false;
    qint64 rows = 0;   // decisions written or counted
    QString error;
    QString sha256;    // of the file written
};

// Runs an export on a worker thread with its own connection. The future reports
// progress in decisions, can be cancelled (nothing is written then), and yields one
// result. Every export, the PDF report included, gets an audit entry.
class ExportJob final
{
public:
    static QFuture<ExportJobResult> start(const ExportJobRequest &request);
    static ExportJobResult runReport(const ExportJobRequest &request);
};

} // namespace cg
