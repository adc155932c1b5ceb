#include "ExportVerb.h"

#include "DecisionExporter.h"
#include "Detector.h"
#include "PolicyTerms.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace cg::cli {

QString ExportVerb::description() const
{
    return QStringLiteral(
        "Writes the decision log (decisions and reversals, oldest first) to FILE as RFC 4180 CSV or JSON Lines.\n"
        "Contact details in notes are masked (j***@g****.com, +1 *** *** 0132) unless --unmasked; CSV cells a\n"
        "spreadsheet would run as a formula are prefixed with '. Dates are YYYY-MM-DD (UTC), both inclusive.\n"
        "The file is written whole or not at all, and the export is recorded in the audit log.");
}

QList<QCommandLineOption> ExportVerb::options() const
{
    return {valueOption(QStringLiteral("format"), QStringLiteral("csv or jsonl."), QStringLiteral("format")),
            valueOption(QStringLiteral("from"), QStringLiteral("First day to include."), QStringLiteral("date")),
            valueOption(QStringLiteral("to"), QStringLiteral("Last day to include."), QStringLiteral("date")),
            valueOption(QStringLiteral("moderator"), QStringLiteral("Only this moderator's decisions."),
                        QStringLiteral("name")),
            valueOption(QStringLiteral("verdict"), QStringLiteral("Only this verdict."), QStringLiteral("verdict")),
            QCommandLineOption(QStringLiteral("unmasked"), QStringLiteral("Leave contact details in notes as written.")),
            valueOption(QStringLiteral("out"), QStringLiteral("The file to write."), QStringLiteral("file"))};
}

QString ExportVerb::checkOptions(const QCommandLineParser &parser) const
{
    const QString format = parser.value(QStringLiteral("format"));
    if (format != QLatin1String("csv") && format != QLatin1String("jsonl"))
        return parser.isSet(QStringLiteral("format")) ? QStringLiteral("--format is csv or jsonl, not '%1'").arg(format)
                                                      : QStringLiteral("--format csv|jsonl is required");
    if (parser.value(QStringLiteral("out")).isEmpty())
        return QStringLiteral("--out FILE is required");
    if (QFileInfo(parser.value(QStringLiteral("out"))).isDir())
        return QStringLiteral("--out names a folder; give a file name");
    for (const char *option : {"from", "to"}) {
        const QString value = parser.value(QLatin1String(option));
        if (parser.isSet(QLatin1String(option)) && !QDate::fromString(value, Qt::ISODate).isValid())
            return QStringLiteral("--%1 needs a date such as 2026-05-01, not '%2'").arg(QLatin1String(option), value);
    }
    const QString verdict = parser.value(QStringLiteral("verdict"));
    if (parser.isSet(QStringLiteral("verdict")) && !verdictFromName(verdict))
        return QStringLiteral("--verdict is one of %1, not '%2'").arg(verdictNames().join(QStringLiteral(", ")), verdict);
    return {};
}

int ExportVerb::execute(Context &context)
{
    const QCommandLineParser &parser = context.parser;
    ExportRequest request;
    request.format = parser.value(QStringLiteral("format")) == QLatin1String("csv") ? ExportFormat::Csv
                                                                                    : ExportFormat::JsonLines;
    request.from = QDate::fromString(parser.value(QStringLiteral("from")), Qt::ISODate);
    request.to = QDate::fromString(parser.value(QStringLiteral("to")), Qt::ISODate);
    request.moderator = parser.value(QStringLiteral("moderator"));
    request.verdict = parser.value(QStringLiteral("verdict"));
    request.unmasked = parser.isSet(QStringLiteral("unmasked"));
    request.actor = actor();

    const QString path = QFileInfo(parser.value(QStringLiteral("out"))).absoluteFilePath();
    const Detector detector;
    const ExportOutcome outcome = DecisionExporter(context.database.connection(), detector).exportTo(path, request);
    if (!outcome.ok)
        return fail(context.streams, outcome.error);
    const QJsonObject summary{{QStringLiteral("out"), path},
                              {QStringLiteral("rows"), outcome.rows},
                              {QStringLiteral("sha256"), outcome.sha256}};
    writeLine(context.streams.out, QString::fromUtf8(QJsonDocument(summary).toJson(QJsonDocument::Compact)));
    return ExitOk;
}

} // namespace cg::cli
