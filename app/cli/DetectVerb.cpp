#include "DetectVerb.h"

#include "DetectionArguments.h"
#include "Detector.h"
#include "JsonLinesProcessor.h"

#include <QCommandLineParser>
#include <QThread>

namespace cg::cli {

namespace {

QString helpText()
{
    return QStringLiteral(
        "Usage: contactguard-cli detect [options] < messages.jsonl > spans.jsonl\n"
        "\n"
        "Finds contact details in messages. Reads one JSON object per line,\n"
        "{\"id\": ..., \"text\": \"...\"}, and writes one line per message:\n"
        "{\"id\": ..., \"spans\": [{\"type\", \"start\", \"end\", \"text\", \"value\",\n"
        "\"confidence\", \"obfuscated\", \"rule\", \"explanation\"}, ...]}.\n"
        "Offsets count Unicode code points; end is exclusive. Blank lines are skipped.\n"
        "\n"
        "Options:\n"
        "  --threads N              worker threads (default: all cores)\n"
        "  --region CC              region for national phone numbers (default: US)\n"
        "  --min-confidence X       drop spans below X, 0 to 1 (default: 0.5)\n"
        "  --platform-domain D      on-platform domain whose links are not reported;\n"
        "                           repeatable, replaces the default upwork.com\n"
        "  --rules-dir DIR          extend the built-in rules with the files in DIR\n"
        "                           (domains.tsv, services.tsv, patterns.tsv, ...);\n"
        "                           default: $CONTACTGUARD_RULES_DIR\n"
        "  -h, --help               show this help\n"
        "\n"
        "Exit status: 0 all lines processed, 2 some lines rejected (error lines in\n"
        "the output), 1 usage or I/O error.\n");
}

// As many as Detector::detect(QStringList) takes in one go.
constexpr int kLinesPerBlock = 128;

void appendSpanJson(QByteArray &json, const DetectedSpan &span)
{
    using P = JsonLinesProcessor;
    json += "{\"type\":";
    P::appendQuoted(json, contactTypeName(span.type));
    json += ",\"start\":";
    json += QByteArray::number(span.start);
    json += ",\"end\":";
    json += QByteArray::number(span.end);
    json += ",\"text\":";
    P::appendQuoted(json, span.text);
    json += ",\"value\":";
    P::appendQuoted(json, span.value);
    json += ",\"confidence\":";
    P::appendNumber(json, span.confidence, 2);
    json += span.obfuscated ? ",\"obfuscated\":true,\"rule\":" : ",\"obfuscated\":false,\"rule\":";
    P::appendQuoted(json, span.rule);
    json += ",\"explanation\":";
    P::appendQuoted(json, span.explanation);
    json += '}';
}

} // namespace

QString DetectVerb::name() const
{
    return QStringLiteral("detect");
}

QString DetectVerb::summary() const
{
    return QStringLiteral("Find contact details in messages (JSON Lines in and out)");
}

int DetectVerb::run(const QStringList &arguments, CliStreams streams)
{
    const DetectionArguments detection;
    const QCommandLineOption helpOption(QStringList{QStringLiteral("h"), QStringLiteral("help")});

    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOptions(detection.options());
    parser.addOption(helpOption);

    const auto usageError = [&](const QString &message) {
        writeLine(streams.err, QStringLiteral("contactguard-cli detect: %1").arg(message));
        writeLine(streams.err, QStringLiteral("Try 'contactguard-cli detect --help'."));
        return int(ExitUsageOrIo);
    };

    // parse(), never process(): process() exits the program on errors and --help.
    if (!parser.parse(QStringList{QStringLiteral("contactguard-cli detect")} + arguments))
        return usageError(parser.errorText());
    if (parser.isSet(helpOption)) {
        streams.out.write(helpText().toUtf8());
        return ExitOk;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("unexpected argument '%1'")
                              .arg(parser.positionalArguments().constFirst()));

    int threads = QThread::idealThreadCount();
    DetectorOptions options;
    if (const QString problem = detection.read(parser, &options, &threads); !problem.isEmpty())
        return usageError(problem);

    const Detector detector(options);
    if (!detector.isValid())
        return usageError(QStringLiteral("cannot load the detection rules: %1").arg(detector.errorString()));
    // Lines go to the detector a block at a time (Detector::detect(QStringList)).
    const auto detectLines = [&detector](const std::vector<QJsonObject> &lines) {
        std::vector<LineResult> results;
        results.reserve(lines.size());
        QStringList texts;
        std::vector<qsizetype> textOfLine(lines.size(), -1);
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const QJsonValue text = lines[i].value(QLatin1String("text"));
            if (text.isString()) {
                textOfLine[i] = texts.size();
                texts.append(text.toString());
            }
        }
        const QList<DetectedSpans> spansOfTexts = detector.detect(texts);
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const QJsonValue text = lines[i].value(QLatin1String("text"));
            if (text.isUndefined()) {
                results.push_back(LineResult::rejected(QStringLiteral("missing \"text\" field")));
                continue;
            }
            if (textOfLine[i] < 0) {
                results.push_back(LineResult::rejected(QStringLiteral("\"text\" must be a string")));
                continue;
            }
            QByteArray json;
            json.reserve(256);
            json += "{\"id\":";
            json += JsonLinesProcessor::scalar(lines[i].value(QLatin1String("id")));
            json += ",\"spans\":[";
            const DetectedSpans &spans = spansOfTexts.at(textOfLine[i]);
            for (qsizetype s = 0; s < spans.size(); ++s) {
                if (s > 0)
                    json += ',';
                appendSpanJson(json, spans.at(s));
            }
            json += "]}";
            results.push_back(LineResult::output(std::move(json)));
        }
        return results;
    };

    const JsonLinesProcessor processor(JsonLinesProcessor::BlockHandler(detectLines), threads, kLinesPerBlock);
    const JsonLinesSummary summary = processor.run(streams.in, streams.out);
    if (!summary.ioError.isEmpty()) {
        writeLine(streams.err, QStringLiteral("contactguard-cli detect: %1").arg(summary.ioError));
        return ExitUsageOrIo;
    }
    return summary.anyRejected() ? ExitSomeLinesRejected : ExitOk;
}

} // namespace cg::cli
