#pragma once

#include "ConversationRecord.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QTime>
#include <QtGlobal>

#include <optional>

namespace cg {

// One synthetic flagged case: the conversation as the importer would receive it and,
// for older cases, the decision a moderator already took on it.
struct DemoCase
{
    ConversationRecord conversation;
    std::optional<PriorDecisionRecord> decision; // set for older cases that were already decided
};

struct DemoOptions
{
    int conversations = 200;
    quint32 seed = 1;
    // Every generated timestamp lies before this instant, so a demo database looks
    // "current" relative to a fixed date and stays reproducible.
    QDateTime anchor = QDateTime(QDate(2026, 11, 1), QTime(9, 0), Qt::UTC);
};

// Produces realistic, entirely fictional flagged conversations for demos, manual
// testing and benchmarks. The output depends only on the options: the same
// (seed, conversations, anchor) always gives the same cases.
class DemoConversationGenerator final
{
public:
    explicit DemoConversationGenerator(DemoOptions options);

    // Cases ordered oldest first; ids are "demo-0001", ... in that order.
    QList<DemoCase> generate() const;

private:
    DemoOptions m_options;
};

} // namespace cg
