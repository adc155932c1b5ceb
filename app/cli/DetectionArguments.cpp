#include "DetectionArguments.h"

namespace cg::cli {

namespace {

constexpr int kMaxThreads = 1024;

} // namespace

DetectionArguments::DetectionArguments()
    : m_threads(QStringLiteral("threads"), QString(), QStringLiteral("N"))
    , m_region(QStringLiteral("region"), QString(), QStringLiteral("CC"))
    , m_minConfidence(QStringLiteral("min-confidence"), QString(), QStringLiteral("X"))
    , m_platformDomain(QStringLiteral("platform-domain"), QString(), QStringLiteral("D"))
    , m_rulesDir(QStringLiteral("rules-dir"), QString(), QStringLiteral("DIR"))
{
}

QList<QCommandLineOption> DetectionArguments::options() const
{
    return {m_threads, m_region, m_minConfidence, m_platformDomain, m_rulesDir};
}

QString DetectionArguments::read(const QCommandLineParser &parser, DetectorOptions *detector, int *threads) const
{
    if (parser.isSet(m_threads)) {
        bool ok = false;
        *threads = parser.value(m_threads).toInt(&ok);
        if (!ok || *threads < 1 || *threads > kMaxThreads)
            return QStringLiteral("--threads needs a whole number from 1 to %1, not '%2'")
                .arg(kMaxThreads)
                .arg(parser.value(m_threads));
    }
    if (parser.isSet(m_region)) {
        const QString region = parser.value(m_region).toUpper();
        if (region.size() != 2 || !Detector::isKnownRegion(region))
            return QStringLiteral("--region needs a two-letter region code such as US or GB, not '%1'")
                .arg(parser.value(m_region));
        detector->defaultRegion = region;
    }
    if (parser.isSet(m_minConfidence)) {
        bool ok = false;
        const double minConfidence = parser.value(m_minConfidence).toDouble(&ok);
        if (!ok || minConfidence < 0.0 || minConfidence > 1.0)
            return QStringLiteral("--min-confidence needs a number from 0 to 1, not '%1'")
                .arg(parser.value(m_minConfidence));
        detector->minConfidence = minConfidence;
    }
    if (parser.isSet(m_platformDomain)) {
        detector->platformDomains.clear();
        for (const QString &domain : parser.values(m_platformDomain)) {
            const QString trimmed = domain.trimmed().toLower();
            if (trimmed.isEmpty() || trimmed.contains(QLatin1Char(' ')))
                return QStringLiteral("--platform-domain needs a domain such as upwork.com, not '%1'").arg(domain);
            detector->platformDomains.append(trimmed);
        }
    }
    if (parser.isSet(m_rulesDir))
        detector->rulesDirectory = parser.value(m_rulesDir);
    return {};
}

} // namespace cg::cli
