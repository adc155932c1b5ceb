#include "DecideVerb.h"

#include "JsonLinesProcessor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace cg::cli {

namespace {

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QStringList splitBasis(const QStringList &values)
{
    QStringList basis;
    for (const QString &value : values) {
        for (const QString &part : value.split(QLatin1Char(','), Qt::SkipEmptyParts))
            basis.append(part.trimmed());
    }
    return basis;
}

// One line of `decide --batch` input into a request, or the reason it cannot be one.
QString readBatchLine(const QJsonObject &line, DecisionRequest *request)
{
    const QJsonValue caseId = line.value(QLatin1String("case"));
    if (!caseId.isDouble() || caseId.toInteger() <= 0)
        return QStringLiteral("\"case\" must be a case id (a positive number)");
    request->caseId = caseId.toInteger();
    for (const auto &[key, target] : {std::pair{"verdict", &request->verdict}, std::pair{"penalty", &request->penalty},
                                      std::pair{"moderator", &request->moderator}, std::pair{"note", &request->note}}) {
        const QJsonValue value = line.value(QLatin1String(key));
        if (!value.isUndefined() && !value.isNull() && !value.isString())
            return QStringLiteral("\"%1\" must be a string").arg(QLatin1String(key));
        *target = value.toString();
    }
    const QJsonValue basis = line.value(QLatin1String("basis"));
    if (basis.isArray()) {
        for (const QJsonValue &item : basis.toArray()) {
            if (!item.isString())
                return QStringLiteral("\"basis\" must be a list of strings");
            request->basis.append(item.toString());
        }
    } else if (basis.isString()) {
        request->basis = splitBasis({basis.toString()});
    } else if (!basis.isUndefined() && !basis.isNull()) {
        return QStringLiteral("\"basis\" must be a list of strings");
    }
    const QJsonValue version = line.value(QLatin1String("expect_version"));
    if (version.isDouble())
        request->expectedVersion = int(version.toInteger());
    else if (!version.isUndefined() && !version.isNull())
        return QStringLiteral("\"expect_version\" must be a number");
    return {};
}

} // namespace

QString DecideVerb::description() const
{
    return QStringLiteral(
        "Records a decision on a case, with its penalty and audit entry, all or nothing. With --expect-version,\n"
        "the decision is refused (exit 3, naming who changed what) if the case changed since that version.\n"
        "Prints {\"decision\", \"case\", \"case_version\"}.\n"
        "--batch reads decisions from standard input instead, one JSON object per line: {\"case\", \"verdict\",\n"
        "\"basis\": [...], \"penalty\", \"moderator\", \"note\", \"expect_version\"}, and prints one line per\n"
        "decision as soon as it is committed (errors as {\"id\", \"line\", \"error\"}).");
}

QList<QCommandLineOption> DecideVerb::options() const
{
    return {
        valueOption(QStringLiteral("case"), QStringLiteral("The case (conversation) id."), QStringLiteral("id")),
        valueOption(QStringLiteral("verdict"), QStringLiteral("no_contact, allowed, exception or violation."),
                    QStringLiteral("verdict")),
        valueOption(QStringLiteral("basis"), QStringLiteral("A reason for the verdict (repeatable)."),
                    QStringLiteral("kind")),
        valueOption(QStringLiteral("penalty"),
                    QStringLiteral("warning, badge_loss, temporary_restriction or permanent_suspension."),
                    QStringLiteral("penalty")),
        valueOption(QStringLiteral("moderator"), QStringLiteral("Who decides."), QStringLiteral("name")),
        valueOption(QStringLiteral("note"), QStringLiteral("A note for the record."), QStringLiteral("text")),
        valueOption(QStringLiteral("expect-version"), QStringLiteral("The case version the decision was made on."),
                    QStringLiteral("n")),
        QCommandLineOption(QStringLiteral("batch"), QStringLiteral("Read decisions as JSON Lines from standard input.")),
    };
}

QString DecideVerb::checkOptions(const QCommandLineParser &parser) const
{
    if (parser.isSet(QStringLiteral("batch")))
        return {};
    for (const char *required : {"case", "verdict", "moderator"}) {
        if (!parser.isSet(QLatin1String(required)))
            return QStringLiteral("--%1 is required").arg(QLatin1String(required));
    }
    QString error;
    if (!integerOption(parser, QStringLiteral("case"), 1, std::numeric_limits<qint64>::max(), &error))
        return error;
    if (parser.isSet(QStringLiteral("expect-version"))
        && !integerOption(parser, QStringLiteral("expect-version"), 1, std::numeric_limits<int>::max(), &error))
        return error;
    return {};
}

int DecideVerb::report(CliStreams streams, const QString &verb, const DecisionOutcome &outcome,
                       const QJsonObject &recorded)
{
    if (outcome.recorded()) {
        writeLine(streams.out, QString::fromUtf8(compact(recorded)));
        return ExitOk;
    }
    writeLine(streams.err, QStringLiteral("contactguard-cli %1: %2").arg(verb, outcome.message));
    return outcome.status == DecisionOutcome::Status::Conflict ? ExitConflict : ExitUsageOrIo;
}

int DecideVerb::execute(Context &context)
{
    if (context.parser.isSet(QStringLiteral("batch")))
        return executeBatch(context);
    const QCommandLineParser &parser = context.parser;
    DecisionRequest request;
    request.caseId = parser.value(QStringLiteral("case")).toLongLong();
    request.verdict = parser.value(QStringLiteral("verdict"));
    request.basis = splitBasis(parser.values(QStringLiteral("basis")));
    request.penalty = parser.value(QStringLiteral("penalty"));
    request.moderator = parser.value(QStringLiteral("moderator"));
    request.note = parser.value(QStringLiteral("note"));
    if (parser.isSet(QStringLiteral("expect-version")))
        request.expectedVersion = parser.value(QStringLiteral("expect-version")).toInt();
    const DecisionOutcome outcome = DecisionService(context.database.connection()).record(request);
    return report(context.streams, name(), outcome,
                  {{QStringLiteral("decision"), outcome.decisionId},
                   {QStringLiteral("case"), request.caseId},
                   {QStringLiteral("case_version"), outcome.caseVersion}});
}

int DecideVerb::executeBatch(Context &context)
{
    DecisionService service(context.database.connection());
    QIODevice &in = context.streams.in;
    QIODevice &out = context.streams.out;
    qint64 lineNumber = 0;
    bool anyRejected = false;
    bool anyConflict = false;
    const auto reject = [&](const QJsonValue &id, const QString &reason, bool conflict) {
        anyRejected = true;
        anyConflict = anyConflict || conflict;
        writeFlushedLine(out, "{\"id\":" + JsonLinesProcessor::scalar(id) + ",\"line\":"
                                  + QByteArray::number(lineNumber) + ",\"error\":" + JsonLinesProcessor::quote(reason)
                                  + (conflict ? ",\"conflict\":true}" : "}"));
    };
    while (!in.atEnd()) {
        const QByteArray text = in.readLine();
        ++lineNumber;
        if (text.trimmed().isEmpty())
            continue;
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
        if (!document.isObject()) {
            reject(QJsonValue(), QStringLiteral("not a JSON object"), false);
            continue;
        }
        const QJsonObject line = document.object();
        const QJsonValue id = line.value(QLatin1String("case"));
        DecisionRequest request;
        const QString problem = readBatchLine(line, &request);
        if (!problem.isEmpty()) {
            reject(id, problem, false);
            continue;
        }
        const DecisionOutcome outcome = service.record(request);
        if (outcome.status == DecisionOutcome::Status::Failed)
            return fail(context.streams, QStringLiteral("line %1: %2").arg(lineNumber).arg(outcome.message));
        if (!outcome.recorded()) {
            reject(id, outcome.message, outcome.status == DecisionOutcome::Status::Conflict);
            continue;
        }
        writeFlushedLine(out, compact({{QStringLiteral("line"), lineNumber},
                                       {QStringLiteral("decision"), outcome.decisionId},
                                       {QStringLiteral("case"), request.caseId},
                                       {QStringLiteral("case_version"), outcome.caseVersion}}));
    }
    if (anyConflict)
        return ExitConflict;
    return anyRejected ? ExitSomeLinesRejected : ExitOk;
}

} // namespace cg::cli
