#pragma once

#include <QIODevice>
#include <QString>
#include <QStringList>

namespace cg::cli {

// Exit codes shared by every verb (documented in README.md).
enum ExitCode : int {
    ExitOk = 0,
    ExitUsageOrIo = 1,
    ExitSomeLinesRejected = 2,
    ExitConflict = 3,
    ExitAuditBroken = 4,
};

// Where a verb reads and writes. Tests pass QBuffers; main() passes stdin/stdout/stderr.
struct CliStreams
{
    QIODevice &in;
    QIODevice &out;
    QIODevice &err;
};

// One `contactguard-cli <verb>`. Verbs are small and stateless between runs.
class CliVerb
{
public:
    virtual ~CliVerb() = default;

    virtual QString name() const = 0;
    virtual QString summary() const = 0;
    // `arguments` excludes the program and verb names.
    virtual int run(const QStringList &arguments, CliStreams streams) = 0;

protected:
    static void writeLine(QIODevice &device, const QString &line);
};

} // namespace cg::cli
