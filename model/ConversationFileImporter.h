#pragma once

#include "ConversationRecord.h"

#include <QIODevice>
#include <QSqlDatabase>
#include <QString>

#include <functional>

namespace cg {

class Detector;

enum class ImportFormat { JsonLines, Csv };

// A line of the input that was not imported, and why.
struct ImportLineError
{
    qint64 line = 0;   // 1-based
    QString id;        // the conversation's id when it could be read
    QString reason;
};

struct ImportSummary
{
    qint64 linesRead = 0;
    qint64 linesRejected = 0;
    qint64 conversationsAdded = 0;
    qint64 conversationsUpdated = 0; // existing conversations that gained messages
    qint64 conversationsUnchanged = 0;
    qint64 messagesAdded = 0;
    QString fatalError; // reading or writing failed; importing stopped there

    bool ok() const { return fatalError.isEmpty(); }
};

// Reads conversations from a file and writes them through CaseImporter, one
// transaction per conversation, so an interrupted import keeps whole conversations
// only and running it again completes it. Formats (docs/import.md):
//  - JSON Lines: one conversation per line in the `assess` input shape;
//  - CSV: one message per row, rows of a conversation next to each other.
// A bad line is reported through the sink with its number and reason, and the
// rest goes on.
class ConversationFileImporter final
{
public:
    using ErrorSink = std::function<void(const ImportLineError &error)>;

    // `detector` picks the subject of JSON conversations that do not name one.
    ConversationFileImporter(QSqlDatabase db, QString actor, const Detector *detector);

    ImportSummary run(QIODevice &in, ImportFormat format, const ErrorSink &onError);

    // Fills what a case needs but the assess shape leaves optional: account ids
    // (derived from the conversation id) and the flag time (the last message's).
    static void completeForImport(ConversationRecord &record);

private:
    bool importRecord(const ConversationRecord &record, ImportSummary &summary);
    void runJsonLines(QIODevice &in, ImportSummary &summary, const ErrorSink &onError);
    void runCsv(QIODevice &in, ImportSummary &summary, const ErrorSink &onError);

    QSqlDatabase m_db;
    QString m_actor;
    const Detector *m_detector;
};

} // namespace cg
