#include "CliApplication.h"

#include <QCoreApplication>
#include <QFile>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // Same names as the desktop app, so both find the same data folder.
    QCoreApplication::setOrganizationName(QStringLiteral("ContactGuard"));
    QCoreApplication::setApplicationName(QStringLiteral("ContactGuard"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CONTACTGUARD_VERSION));

    QFile in;
    QFile out;
    QFile err;
    if (!in.open(stdin, QIODevice::ReadOnly) || !out.open(stdout, QIODevice::WriteOnly)
        || !err.open(stderr, QIODevice::WriteOnly | QIODevice::Unbuffered)) {
        std::fputs("contactguard-cli: could not open the standard streams\n", stderr);
        return cg::cli::ExitUsageOrIo;
    }
    cg::cli::CliApplication cli;
    const int code = cli.run(app.arguments().mid(1), {in, out, err});
    if (!out.flush()) {
        std::fputs("contactguard-cli: could not write standard output\n", stderr);
        return cg::cli::ExitUsageOrIo;
    }
    return code;
}
