#include "AssessVerb.h"

#include "ContactPolicy.h"
#include "DetectionArguments.h"
#include "ConversationJson.h"
#include "Detector.h"
#include "JsonLinesProcessor.h"
#include "PolicyAssessor.h"

#include <QCommandLineParser>
#include <QThread>

namespace cg::cli {

namespace {

QString helpText()
{
    return QStringLiteral(
        "Usage: contactguard-cli assess [options] < conversations.jsonl > assessments.jsonl\n"
        "\n"
        "Assesses conversations against the contact-sharing policy. Reads one conversation\n"
        "per line, {\"id\", \"context\": {\"phase\", \"client_plan\", \"contract\",\n"
        "\"pre_existing_relationship\", \"history\"}, \"messages\": [...]}, and writes one line\n"
        "per conversation: {\"id\", \"verdict\", \"basis\", \"confidence\", \"evidence\", \"spans\",\n"
        "\"recommended_penalty\", \"explanation\", \"rules\", \"counted_history\", \"joined_details\"}.\n"
        "Offsets count Unicode code points of each message's text. Blank lines are skipped.\n"
        "\n"
        "Options:\n"
        "  --threads N              worker threads (default: all cores)\n"
        "  --policy-dir DIR         read DIR/contact-policy.json instead of the built-in policy\n"
        "  --region CC              region for national phone numbers (default: US)\n"
        "  --min-confidence X       ignore spans below X, 0 to 1 (default: 0.5)\n"
        "  --platform-domain D      on-platform domain; repeatable, replaces the policy's domains\n"
        "  --rules-dir DIR          read the detection rules from DIR\n"
        "  -h, --help               show this help\n"
        "\n"
        "Exit status: 0 all lines processed, 2 some lines rejected (error lines naming the\n"
        "field in the output), 1 usage, policy or I/O error.\n");
}

using P = JsonLinesProcessor;

QByteArray spanJson(const AssessmentSpan &item)
{
    const DetectedSpan &span = item.span;
    return "{\"message_id\":" + P::quote(item.messageId) + ",\"type\":" + P::quote(contactTypeName(span.type))
        + ",\"start\":" + QByteArray::number(span.start) + ",\"end\":" + QByteArray::number(span.end)
        + ",\"text\":" + P::quote(span.text) + ",\"value\":" + P::quote(span.value)
        + ",\"confidence\":" + P::number(span.confidence, 2) + ",\"rule\":" + P::quote(span.rule) + '}';
}

QByteArray assessmentJson(const QJsonValue &id, const Assessment &assessment)
{
    QByteArray json = "{\"id\":" + P::scalar(id) + ",\"verdict\":" + P::quote(verdictName(assessment.verdict))
        + ",\"basis\":[";
    for (qsizetype i = 0; i < assessment.basis.size(); ++i)
        json += (i ? "," : "") + P::quote(basisName(assessment.basis.at(i)));
    json += "],\"confidence\":" + P::number(assessment.confidence, 2) + ",\"evidence\":[";
    for (qsizetype i = 0; i < assessment.evidence.size(); ++i) {
        const AssessmentEvidence &item = assessment.evidence.at(i);
        json += (i ? ",{\"message_id\":" : "{\"message_id\":") + P::quote(item.messageId)
            + ",\"start\":" + QByteArray::number(item.start) + ",\"end\":" + QByteArray::number(item.end)
            + ",\"text\":" + P::quote(item.text) + ",\"supports\":" + P::quote(basisName(item.supports)) + '}';
    }
    json += "],\"spans\":[";
    for (qsizetype i = 0; i < assessment.spans.size(); ++i)
        json += (i ? "," : "") + spanJson(assessment.spans.at(i));
    json += "],\"recommended_penalty\":"
        + (assessment.recommendedPenalty.isEmpty() ? QByteArray("null") : P::quote(assessment.recommendedPenalty))
        + ",\"explanation\":" + P::quote(assessment.explanation) + ",\"rules\":[";
    for (qsizetype i = 0; i < assessment.rulesFired.size(); ++i)
        json += (i ? "," : "") + P::quote(assessment.rulesFired.at(i));
    json += "],\"counted_history\":[";
    for (qsizetype i = 0; i < assessment.countedDecisions.size(); ++i) {
        const CountedDecision &decision = assessment.countedDecisions.at(i);
        json += (i ? ",{\"index\":" : "{\"index\":") + QByteArray::number(decision.historyIndex)
            + ",\"decided_at\":" + (decision.decidedAt.isEmpty() ? QByteArray("null") : P::quote(decision.decidedAt))
            + ",\"penalty\":" + (decision.penalty.isEmpty() ? QByteArray("null") : P::quote(decision.penalty)) + '}';
    }
    json += "],\"joined_details\":[";
    for (qsizetype i = 0; i < assessment.joinedDetails.size(); ++i) {
        const JoinedDetail &joined = assessment.joinedDetails.at(i);
        json += (i ? ",{\"type\":" : "{\"type\":") + P::quote(contactTypeName(joined.type))
            + ",\"value\":" + P::quote(joined.value) + ",\"parts\":[";
        for (qsizetype p = 0; p < joined.parts.size(); ++p)
            json += (p ? "," : "") + spanJson(joined.parts.at(p));
        json += "]}";
    }
    json += "]}";
    return json;
}

} // namespace

QString AssessVerb::name() const
{
    return QStringLiteral("assess");
}

QString AssessVerb::summary() const
{
    return QStringLiteral("Assess conversations against the contact-sharing policy (JSON Lines)");
}

int AssessVerb::run(const QStringList &arguments, CliStreams streams)
{
    const DetectionArguments detection;
    const QCommandLineOption policyOption(QStringLiteral("policy-dir"), QString(), QStringLiteral("DIR"));
    const QCommandLineOption helpOption(QStringList{QStringLiteral("h"), QStringLiteral("help")});

    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOptions(detection.options());
    parser.addOptions({policyOption, helpOption});

    const auto usageError = [&](const QString &message) {
        writeLine(streams.err, QStringLiteral("contactguard-cli assess: %1").arg(message));
        writeLine(streams.err, QStringLiteral("Try 'contactguard-cli assess --help'."));
        return int(ExitUsageOrIo);
    };

    if (!parser.parse(QStringList{QStringLiteral("contactguard-cli assess")} + arguments))
        return usageError(parser.errorText());
    if (parser.isSet(helpOption)) {
        streams.out.write(helpText().toUtf8());
        return ExitOk;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().constFirst()));

    const ContactPolicyLoad load = parser.isSet(policyOption)
        ? ContactPolicy::fromDirectory(parser.value(policyOption))
        : ContactPolicy::builtIn();
    if (!load.policy) {
        writeLine(streams.err, QStringLiteral("contactguard-cli assess: %1").arg(load.error));
        return ExitUsageOrIo;
    }

    // The policy names the platform's own domains; --platform-domain still overrides them.
    DetectorOptions options;
    options.platformDomains = load.policy->platformDomains();
    int threads = QThread::idealThreadCount();
    if (const QString problem = detection.read(parser, &options, &threads); !problem.isEmpty())
        return usageError(problem);

    const Detector detector(options);
    if (!detector.isValid())
        return usageError(QStringLiteral("cannot load the detection rules: %1").arg(detector.errorString()));
    const PolicyAssessor assessor(load.policy, detector);
    const auto assessLine = [&assessor](const QJsonObject &line) {
        const ConversationJsonResult parsed = ConversationJson::parse(line);
        if (!parsed.ok())
            return LineResult::rejected(parsed.error);
        return LineResult::output(assessmentJson(line.value(QLatin1String("id")), assessor.assess(parsed.record)));
    };

    const JsonLinesProcessor processor(assessLine, threads);
    const JsonLinesSummary summary = processor.run(streams.in, streams.out);
    if (!summary.ioError.isEmpty()) {
        writeLine(streams.err, QStringLiteral("contactguard-cli assess: %1").arg(summary.ioError));
        return ExitUsageOrIo;
    }
    return summary.anyRejected() ? ExitSomeLinesRejected : ExitOk;
}

} // namespace cg::cli
