#pragma once

#include "DemoConversationGenerator.h"

#include <QString>

#include <functional>

namespace cg {

struct DemoWriteOutcome
{
    bool ok = false;
    QString error;
    int conversations = 0;
    qint64 messages = 0;
    qint64 spans = 0;
    int decisions = 0;
};

// Writes a demo case database through the same paths real data takes: the
// importer, the scanner and the decision service (so the audit chain is real). The
// file appears complete or not at all: it is built under a temporary name and
// renamed into place.
class DemoDatabaseWriter final
{
public:
    using Progress = std::function<void(const QString &stage, qint64 done, qint64 total)>;

    static DemoWriteOutcome write(const QString &path, const DemoOptions &options, int threads,
                                  const Progress &progress = {});
};

} // namespace cg
