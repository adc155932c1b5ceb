#pragma once

#include "DecisionFilter.h"

#include <QDate>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <functional>

namespace cg {

class Detector;

enum class ExportFormat { Csv, JsonLines };

struct ExportRequest
{
    ExportFormat format = ExportFormat::Csv;
    QDate from;        // decided on or after this day (UTC); invalid: no lower bound
    QDate to;          // decided on or before this day (UTC); invalid: no upper bound
    QString moderator; // only this moderator's decisions; empty: everyone's
    QString verdict;   // only this verdict; empty: every verdict
    bool unmasked = false;
    QString actor;     // who exports, for the audit entry

    DecisionFilter filter() const { return {moderator, verdict, from, to, false}; }
};

struct ExportOutcome
{
    bool ok = false;
    bool cancelled = false; // nothing was written
    qint64 rows = 0;
    QString sha256; // of the file written
    QString error;
};

// Writes the decision log (decisions and reversals; practice decisions of trainees
// are left out) as CSV or JSON Lines. The file appears complete or not at all: it is
// written under a temporary name in the target folder and renamed. Contact details
// in notes are masked unless asked otherwise. Each export gets an audit entry naming
// its filters, row count and the file's SHA-256. The rows are read from one snapshot
// that never blocks moderators deciding meanwhile; the entry is appended right after,
// before the file is moved into place, so no export exists without its entry.
class DecisionExporter final
{
public:
    using Progress = std::function<void(qint64 done, qint64 total)>;
    using CancelCheck = std::function<bool()>;

    DecisionExporter(QSqlDatabase db, const Detector &detector);

    ExportOutcome exportTo(const QString &path, const ExportRequest &request, const Progress &progress = {},
                           const CancelCheck &isCancelled = {});

    static QStringList columns();

private:
    QSqlDatabase m_db;
    const Detector &m_detector;
};

} // namespace cg
