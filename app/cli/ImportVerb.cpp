#include "ImportVerb.h"

#include "ConversationFileImporter.h"
#include "Detector.h"
#include "JsonLinesProcessor.h"

#include <QFile>

namespace cg::cli {

namespace {

ImportFormat formatOf(const QCommandLineParser &parser)
{
    if (parser.isSet(QStringLiteral("format")))
        return parser.value(QStringLiteral("format")) == QLatin1String("csv") ? ImportFormat::Csv
                                                                              : ImportFormat::JsonLines;
    return parser.positionalArguments().constFirst().endsWith(QLatin1String(".csv"), Qt::CaseInsensitive)
        ? ImportFormat::Csv
        : ImportFormat::JsonLines;
}

} // namespace

QString ImportVerb::description() const
{
    return QStringLiteral(
        "Imports conversations into a case database (created if missing) from FILE, or standard input for '-'.\n"
        "JSON Lines: one conversation per line in the assess input shape. CSV: one message per row with a\n"
        "header row (columns in docs/import.md). Each bad line is reported on standard output as\n"
        "{\"id\", \"line\", \"error\"} and the others are imported; importing the same file again changes nothing.");
}

QList<QCommandLineOption> ImportVerb::options() const
{
    return {valueOption(QStringLiteral("format"),
                        QStringLiteral("jsonl or csv (default: csv for a .csv file, else jsonl)."),
                        QStringLiteral("format"))};
}

QString ImportVerb::checkOptions(const QCommandLineParser &parser) const
{
    const QString format = parser.value(QStringLiteral("format"));
    if (parser.isSet(QStringLiteral("format")) && format != QLatin1String("jsonl") && format != QLatin1String("csv"))
        return QStringLiteral("--format is jsonl or csv, not '%1'").arg(format);
    const QString file = parser.positionalArguments().constFirst();
    if (file != QLatin1String("-") && !QFile::exists(file))
        return QStringLiteral("%1 does not exist").arg(file);
    return {};
}

int ImportVerb::execute(Context &context)
{
    const QString file = context.parser.positionalArguments().constFirst();
    QFile input(file);
    QIODevice *in = &context.streams.in;
    if (file != QLatin1String("-")) {
        if (!input.open(QIODevice::ReadOnly))
            return fail(context.streams, QStringLiteral("could not read %1: %2").arg(file, input.errorString()));
        in = &input;
    }
    const ImportFormat format = formatOf(context.parser);
    // The detector only picks the subject of JSON conversations that name none.
    std::unique_ptr<Detector> detector;
    if (format == ImportFormat::JsonLines)
        detector = std::make_unique<Detector>();

    ConversationFileImporter importer(context.database.connection(), actor(), detector.get());
    QIODevice &out = context.streams.out;
    const ImportSummary summary = importer.run(*in, format, [&out](const ImportLineError &error) {
        writeFlushedLine(out, "{\"id\":" + (error.id.isEmpty() ? QByteArray("null") : JsonLinesProcessor::quote(error.id))
                                  + ",\"line\":" + QByteArray::number(error.line)
                                  + ",\"error\":" + JsonLinesProcessor::quote(error.reason) + '}');
    });
    writeLine(context.streams.err,
              QStringLiteral("%1 conversations added, %2 updated, %3 unchanged; %4 messages added; %5 lines rejected.")
                  .arg(summary.conversationsAdded)
                  .arg(summary.conversationsUpdated)
                  .arg(summary.conversationsUnchanged)
                  .arg(summary.messagesAdded)
                  .arg(summary.linesRejected));
    if (!summary.ok())
        return fail(context.streams, summary.fatalError);
    return summary.linesRejected > 0 ? ExitSomeLinesRejected : ExitOk;
}

} // namespace cg::cli
