#pragma once

#include "../cli/DatabaseProbe.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <functional>

// Runs the real contactguard-cli as a user would and reads what it left on disk
// through plain connections of its own, as another program would.
namespace robustness {

struct CliRun
{
    int exitCode = -1; // -1: crashed or did not finish
    QByteArray out;
    QByteArray err;
};

inline QString cliPath() { return QStringLiteral(CONTACTGUARD_BINARY_DIR "/bin/contactguard-cli"); }

// `childSetup` runs in the child between fork and exec (resource limits, dropping root).
inline CliRun runCli(const QStringList &arguments, const QByteArray &input = {},
                     const std::function<void()> &childSetup = {}, const QString &program = cliPath(),
                     int timeoutMs = 120000)
{
    QProcess process;
    if (childSetup)
        process.setChildProcessModifier(childSetup);
    process.start(program, arguments);
    CliRun run;
    if (!process.waitForStarted(10000))
        return run;
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
    }
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    if (process.exitStatus() == QProcess::NormalExit)
        run.exitCode = process.exitCode();
    return run;
}

inline QVariant query(const QString &path, const QString &sql)
{
    return probeDatabase(path, sql);
}

inline qint64 count(const QString &path, const QString &sql)
{
    const QVariant value = query(path, sql);
    return value.isValid() ? value.toLongLong() : -1;
}

inline QString integrity(const QString &path)
{
    return query(path, QStringLiteral("PRAGMA integrity_check")).toString();
}

inline QByteArray fileDigest(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result().toHex();
}

// One conversation line in the `assess` input shape.
inline QByteArray conversationLine(const QByteArray &id, const QList<QByteArray> &texts,
                                   const QByteArray &extra = {})
{
    QByteArray line = "{\"id\":\"" + id + "\"" + extra + ",\"context\":{\"phase\":\"messages\"},\"messages\":[";
    for (int m = 0; m < texts.size(); ++m) {
        if (m > 0)
            line += ',';
        line += "{\"id\":\"m" + QByteArray::number(m) + "\",\"sender\":\"" + (m % 2 ? "client" : "freelancer")
            + "\",\"sent_at\":\"2026-05-01T10:00:00Z\",\"text\":\"" + texts.at(m) + "\"}";
    }
    return line + "]}\n";
}

} // namespace robustness
