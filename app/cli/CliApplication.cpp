#include "CliApplication.h"

#include "AssessVerb.h"
#include "DemoVerb.h"
#include "DecideVerb.h"
#include "DetectVerb.h"
#include "ExportVerb.h"
#include "ImportVerb.h"
#include "ReverseVerb.h"
#include "ScanVerb.h"
#include "VerifyAuditVerb.h"

namespace cg::cli {

CliApplication::CliApplication()
{
    m_verbs.push_back(std::make_unique<DetectVerb>());
    m_verbs.push_back(std::make_unique<AssessVerb>());
    m_verbs.push_back(std::make_unique<DemoVerb>());
    m_verbs.push_back(std::make_unique<ImportVerb>());
    m_verbs.push_back(std::make_unique<ScanVerb>());
    m_verbs.push_back(std::make_unique<DecideVerb>());
    m_verbs.push_back(std::make_unique<ReverseVerb>());
    m_verbs.push_back(std::make_unique<ExportVerb>());
    m_verbs.push_back(std::make_unique<VerifyAuditVerb>());
}

CliApplication::~CliApplication() = default;

QString CliApplication::usage() const
{
    QString text = QStringLiteral("Usage: contactguard-cli <verb> [options]\n\nVerbs:\n");
    for (const auto &verb : m_verbs)
        text += QStringLiteral("  %1  %2\n").arg(verb->name().leftJustified(10), verb->summary());
    text += QStringLiteral("\nRun 'contactguard-cli <verb> --help' for a verb's options.\n");
    return text;
}

int CliApplication::run(const QStringList &arguments, CliStreams streams)
{
    if (arguments.isEmpty()) {
        streams.err.write(usage().toUtf8());
        return ExitUsageOrIo;
    }
    const QString &verbName = arguments.constFirst();
    if (verbName == QLatin1String("--help") || verbName == QLatin1String("-h") || verbName == QLatin1String("help")) {
        streams.out.write(usage().toUtf8());
        return ExitOk;
    }
    if (verbName == QLatin1String("--version")) {
        streams.out.write(QByteArrayLiteral("contactguard-cli " CONTACTGUARD_VERSION "\n"));
        return ExitOk;
    }
    for (const auto &verb : m_verbs) {
        if (verb->name() == verbName)
            return verb->run(arguments.mid(1), streams);
    }
    streams.err.write(QStringLiteral("contactguard-cli: unknown verb \"%1\"\n\n").arg(verbName).toUtf8());
    streams.err.write(usage().toUtf8());
    return ExitUsageOrIo;
}

} // namespace cg::cli
