#pragma once

#include <QSqlDatabase>
#include <QString>

#include <functional>

namespace cg {

class Detector;

struct ScanOutcome
{
    bool ok = false;
    bool cancelled = false;
    qint64 messagesScanned = 0;
    qint64 spansFound = 0;
    QString error;
};

enum class ScanScope {
    Pending, // messages not yet scanned by the current detector version
    All,     // every message: all are marked pending first, so this resumes as well
};

// Runs the detector over a case database's messages and stores the spans. Work is
// committed batch by batch (with an audit entry each), so an interrupted scan
// resumes where it stopped. Detection runs on `threads` worker threads; the
// database is only touched from the calling thread.
class Scanner final
{
public:
    using Progress = std::function<void(qint64 done, qint64 total)>;
    using CancelCheck = std::function<bool()>;

    Scanner(QSqlDatabase db, const Detector &detector, QString actor);

    ScanOutcome scan(ScanScope scope, int threads, const Progress &progress = {},
                     const CancelCheck &isCancelled = {});

    // Recomputes a conversation's queue summary (types found, risk) from its spans.
    static QString refreshSummary(QSqlDatabase &db, qint64 conversationId);

private:
    QString markAllForRescan();

    QSqlDatabase m_db;
    const Detector &m_detector;
    QString m_actor;
};

} // namespace cg
