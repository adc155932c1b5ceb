#pragma once

#include "ConversationRecord.h"
#include "DetectedSpan.h"

#include <QSqlDatabase>

#include <optional>

namespace cg {

// A case as the policy assessment reads it: the conversation with its context and
// the subject's earlier decisions, and the spans stored for each message.
struct LoadedCase
{
    ConversationRecord record;
    QList<DetectedSpans> spans; // one list per message, in record.messages order
    bool fullyScanned = true;   // false when some message has not been scanned yet
};

class CaseRecordLoader final
{
public:
    static std::optional<LoadedCase> load(const QSqlDatabase &db, qint64 caseId, QString *error);
};

} // namespace cg
