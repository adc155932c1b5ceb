#pragma once

#include "Detector.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>
#include <QString>

namespace cg::cli {

// The options every verb that runs the detector shares: --threads, --region,
// --min-confidence, --platform-domain and --rules-dir, with one set of checks and
// error messages.
class DetectionArguments final
{
public:
    DetectionArguments();

    QList<QCommandLineOption> options() const;

    // Reads the options into `detector` and `threads` (left as they are when not given).
    // Returns the problem to report as a usage error, or an empty string.
    QString read(const QCommandLineParser &parser, DetectorOptions *detector, int *threads) const;

private:
    QCommandLineOption m_threads;
    QCommandLineOption m_region;
    QCommandLineOption m_minConfidence;
    QCommandLineOption m_platformDomain;
    QCommandLineOption m_rulesDir;
};

} // namespace cg::cli
