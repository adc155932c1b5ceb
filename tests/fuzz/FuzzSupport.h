#pragma once

#include <QCoreApplication>
#include <QString>

#include <cstdio>
#include <cstdlib>

// Shared by the fuzz targets: a QCoreApplication (Qt Sql loads its driver plugin
// through it) and a failure that libFuzzer and the replay driver both report as a crash.
namespace cg::fuzz {

inline void ensureApplication()
{
    static int argc = 1;
    static char name[] = "contactguard-fuzz";
    static char *argv[] = {name, nullptr};
    if (!QCoreApplication::instance())
        new QCoreApplication(argc, argv); // lives as long as the process
}

[[noreturn]] inline void fail(const QString &what)
{
    std::fprintf(stderr, "invariant broken: %s\n", qPrintable(what));
    std::abort();
}

} // namespace cg::fuzz
