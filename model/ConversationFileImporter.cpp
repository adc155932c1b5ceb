#include "ConversationFileImporter.h"

#include "CaseImporter.h"
#include "ConversationJson.h"
#include "CsvReader.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QStringDecoder>
#include <QTimeZone>

#include <optional>

namespace cg {

namespace {

const char *const kRequiredColumns[] = {"conversation_id", "message_id", "sender", "sent_at", "text"};

// Columns describing the conversation rather than the message: the same on every
// row of a conversation.
const char *const kConversationColumns[] = {
    "phase", "job_title", "subject", "client_id", "client_name", "client_plan", "client_country",
    "freelancer_id", "freelancer_name", "freelancer_country", "contract_status", "contract_start",
    "contract_end", "conversion_fee_paid", "pre_existing_relationship", "flag_source", "flag_reason", "flagged_at",
};

// CaseImporter names fields by their JSON path; a CSV user knows the column.
const std::pair<const char *, const char *> kJsonPathToColumn[] = {
    {"messages[0].sender", "sender"},      {"messages[0].phase", "message_phase"},
    {"messages[0].sent_at", "sent_at"},    {"messages[0].id", "message_id"},
    {"context.contract.status", "contract_status"}, {"context.contract.start", "contract_start"},
    {"context.contract.end", "contract_end"},       {"context.client_plan", "client_plan"},
    {"context.phase", "phase"},            {"the client has no id", "client_id is empty"},
    {"the freelancer has no id", "freelancer_id is empty"}, {"id is empty", "conversation_id is empty"},
};

QString inCsvTerms(QString problem)
{
    for (const auto &[path, column] : kJsonPathToColumn) {
        if (problem.startsWith(QLatin1String(path)))
            return QLatin1String(column) + problem.mid(qsizetype(qstrlen(path)));
    }
    return problem;
}

bool isBlank(const QByteArray &line)
{
    return line.trimmed().isEmpty();
}

class CsvColumns final
{
public:
    // Returns "" or what is wrong with the header.
    QString read(const QStringList &header)
    {
        for (qsizetype i = 0; i < header.size(); ++i)
            m_index.insert(header.at(i).trimmed().toLower(), int(i));
        m_count = int(header.size());
        QStringList missing;
        for (const char *name : kRequiredColumns) {
            if (!m_index.contains(QLatin1String(name)))
                missing.append(QLatin1String(name));
        }
        if (missing.isEmpty())
            return {};
        return QStringLiteral("the header lacks the column%1 %2 (see docs/import.md)")
            .arg(missing.size() > 1 ? QStringLiteral("s") : QString(), missing.join(QStringLiteral(", ")));
    }

    QString value(const CsvRecord &record, const char *name) const
    {
        const int index = m_index.value(QLatin1String(name), -1);
        return index >= 0 && index < record.fields.size() ? record.fields.at(index) : QString();
    }

    int count() const { return m_count; }

private:
    QHash<QString, int> m_index;
    int m_count = 0;
};

std::optional<bool> parseBool(const QString &text)
{
    const QString value = text.trimmed().toLower();
    if (value.isEmpty() || value == QLatin1String("false") || value == QLatin1String("0") || value == QLatin1String("no"))
        return false;
    if (value == QLatin1String("true") || value == QLatin1String("1") || value == QLatin1String("yes"))
        return true;
    return std::nullopt;
}

// ISO date-time; UTC when it carries no offset, as in the JSON shape.
QDateTime parseDateTime(const QString &text)
{
    QDateTime time = QDateTime::fromString(text.trimmed(), Qt::ISODate);
    if (time.isValid() && time.timeSpec() == Qt::LocalTime)
        time.setTimeZone(QTimeZone::utc());
    return time.toUTC();
}

// One CSV row read into a one-message conversation, or the reason it is bad.
struct CsvRow
{
    qint64 line = 0;
    QString key; // the conversation-level columns, to check rows of a conversation agree
    bool flaggedGiven = false;
    ConversationRecord record;
};

QString readRow(const CsvColumns &columns, const CsvRecord &csv, CsvRow *row)
{
    if (csv.fields.size() != columns.count())
        return QStringLiteral("has %1 fields; the header has %2").arg(csv.fields.size()).arg(columns.count());
    const auto value = [&](const char *name) { return columns.value(csv, name); };
    ConversationRecord &record = row->record;
    record.externalId = value("conversation_id").trimmed();
    record.phase = value("phase").trimmed();
    if (record.phase.isEmpty())
        record.phase = QStringLiteral("messages");
    record.jobTitle = value("job_title");
    record.subjectRole = value("subject").trimmed();
    if (record.subjectRole.isEmpty())
        record.subjectRole = QStringLiteral("freelancer");
    record.client = {value("client_id").trimmed(), value("client_name"), QStringLiteral("client"),
                     value("client_plan").trimmed(), value("client_country").trimmed()};
    record.freelancer = {value("freelancer_id").trimmed(), value("freelancer_name"), QStringLiteral("freelancer"),
                         QString(), value("freelancer_country").trimmed()};
    record.contract.status = value("contract_status").trimmed();
    if (record.contract.status.isEmpty())
        record.contract.status = QStringLiteral("none");
    for (const auto &[column, date] : {std::pair{"contract_start", &record.contract.start},
                                       std::pair{"contract_end", &record.contract.end}}) {
        const QString text = value(column).trimmed();
        *date = QDate::fromString(text, Qt::ISODate);
        if (!text.isEmpty() && !date->isValid())
            return QStringLiteral("%1 is not an ISO date (\"%2\")").arg(QLatin1String(column), text);
    }
    for (const auto &[column, flag] : {std::pair{"conversion_fee_paid", &record.contract.conversionFeePaid},
                                       std::pair{"pre_existing_relationship", &record.preExistingRelationship}}) {
        const auto parsed = parseBool(value(column));
        if (!parsed)
            return QStringLiteral("%1 is \"%2\"; expected true or false").arg(QLatin1String(column), value(column));
        *flag = *parsed;
    }
    record.flagSource = value("flag_source");
    record.flagReason = value("flag_reason");
    const QString flagged = value("flagged_at").trimmed();
    record.flaggedAt = parseDateTime(flagged);
    row->flaggedGiven = !flagged.isEmpty();
    if (!flagged.isEmpty() && !record.flaggedAt.isValid())
        return QStringLiteral("flagged_at is not an ISO date-time (\"%1\")").arg(flagged);

    MessageRecord message;
    message.externalId = value("message_id").trimmed();
    message.sender = value("sender").trimmed();
    message.phase = value("message_phase").trimmed();
    if (message.phase.isEmpty())
        message.phase = record.phase;
    const QString sent = value("sent_at").trimmed();
    message.sentAt = parseDateTime(sent);
    if (!message.sentAt.isValid())
        return QStringLiteral("sent_at is %1").arg(sent.isEmpty() ? QStringLiteral("empty")
                                                                   : QStringLiteral("not an ISO date-time (\"%1\")").arg(sent));
    message.text = value("text");
    record.messages = {message};

    QStringList key;
    for (const char *column : kConversationColumns)
        key.append(value(column));
    row->key = key.join(QChar(0x1f));
    ConversationFileImporter::completeForImport(record);
    return inCsvTerms(CaseImporter::validate(record));
}

} // namespace

ConversationFileImporter::ConversationFileImporter(QSqlDatabase db, QString actor, const Detector *detector)
    : m_db(std::move(db))
    , m_actor(std::move(actor))
    , m_detector(detector)
{
}

void ConversationFileImporter::completeForImport(ConversationRecord &record)
{
    for (PersonRecord *person : {&record.client, &record.freelancer}) {
        if (person->externalId.trimmed().isEmpty() && !record.externalId.isEmpty())
            person->externalId = record.externalId + QLatin1Char(':') + person->role;
    }
    if (!record.flaggedAt.isValid()) {
        for (const MessageRecord &message : std::as_const(record.messages)) {
            if (message.sentAt.isValid() && (!record.flaggedAt.isValid() || message.sentAt > record.flaggedAt))
                record.flaggedAt = message.sentAt;
        }
    }
}

ImportSummary ConversationFileImporter::run(QIODevice &in, ImportFormat format, const ErrorSink &onError)
{
    ImportSummary summary;
    if (!in.isReadable()) {
        summary.fatalError = QStringLiteral("cannot read the input");
        return summary;
    }
    const ErrorSink report = [&summary, &onError](const ImportLineError &error) {
        ++summary.linesRejected;
        if (onError)
            onError(error);
    };
    if (format == ImportFormat::Csv)
        runCsv(in, summary, report);
    else
        runJsonLines(in, summary, report);
    return summary;
}

bool ConversationFileImporter::importRecord(const ConversationRecord &record, ImportSummary &summary)
{
    const ImportOutcome outcome = CaseImporter(m_db, m_actor).import(record);
    if (!outcome.ok) {
        summary.fatalError = QStringLiteral("conversation %1: %2").arg(record.externalId, outcome.error);
        return false;
    }
    summary.messagesAdded += outcome.messagesAdded;
    if (!outcome.changed)
        ++summary.conversationsUnchanged;
    else if (outcome.messagesAdded == record.messages.size())
        ++summary.conversationsAdded;
    else
        ++summary.conversationsUpdated;
    return true;
}

void ConversationFileImporter::runJsonLines(QIODevice &in, ImportSummary &summary, const ErrorSink &onError)
{
    while (!in.atEnd()) {
        const QByteArray line = in.readLine();
        const qint64 number = ++summary.linesRead;
        if (isBlank(line))
            continue;
        // Stateless: a sequence cut off at the end of the line is an error too.
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString decoded = decoder(line); // decoding is lazy: it happens here
        if (decoder.hasError()) {
            onError({number, QString(), QStringLiteral("the line is not valid UTF-8")});
            continue;
        }
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
            onError({number, QString(),
                     document.isNull() ? QStringLiteral("not JSON: %1 at offset %2")
                                             .arg(parseError.errorString())
                                             .arg(parseError.offset)
                                       : QStringLiteral("not a JSON object")});
            continue;
        }
        const QJsonObject object = document.object();
        const QJsonValue idValue = object.value(QLatin1String("id"));
        const QString id = idValue.isDouble() ? QString::number(idValue.toInteger()) : idValue.toString();
        ConversationJsonResult parsed = ConversationJson::parse(object, m_detector);
        if (!parsed.ok()) {
            onError({number, id, parsed.error});
            continue;
        }
        completeForImport(parsed.record);
        const QString problem = CaseImporter::validate(parsed.record);
        if (!problem.isEmpty()) {
            onError({number, id, problem});
            continue;
        }
        if (!importRecord(parsed.record, summary))
            return;
    }
}

void ConversationFileImporter::runCsv(QIODevice &in, ImportSummary &summary, const ErrorSink &onError)
{
    CsvReader reader(in);
    CsvRecord csv;
    CsvColumns columns;
    if (!reader.next(&csv)) {
        summary.fatalError = QStringLiteral("the input is empty; a CSV import starts with a header row");
        return;
    }
    const QString headerProblem = csv.ok() ? columns.read(csv.fields) : csv.error;
    if (!headerProblem.isEmpty()) {
        summary.fatalError = QStringLiteral("line %1: %2").arg(csv.line).arg(headerProblem);
        return;
    }

    // Rows of one conversation are collected, then written in one transaction.
    QList<CsvRow> group;
    QHash<QString, qint64> messageLines;
    const auto flush = [&]() {
        if (group.isEmpty())
            return true;
        ConversationRecord record = group.constFirst().record;
        record.messages.clear();
        for (const CsvRow &row : std::as_const(group))
            record.messages.append(row.record.messages.constFirst());
        if (!group.constFirst().flaggedGiven) {
            record.flaggedAt = {}; // defaults to the last message of the whole conversation
            completeForImport(record);
        }
        group.clear();
        messageLines.clear();
        return importRecord(record, summary);
    };
    QString groupId;
    while (reader.next(&csv)) {
        summary.linesRead = csv.line;
        if (!csv.ok()) {
            onError({csv.line, QString(), csv.error});
            continue;
        }
        CsvRow row;
        row.line = csv.line;
        const QString problem = readRow(columns, csv, &row);
        const QString id = row.record.externalId;
        if (!problem.isEmpty()) {
            onError({csv.line, id, problem});
            continue;
        }
        if (id != groupId) {
            if (!flush())
                return;
            groupId = id;
        }
        if (!group.isEmpty() && row.key != group.constFirst().key) {
            onError({csv.line, id,
                     QStringLiteral("the conversation columns differ from line %1 of the same conversation; they "
                                    "must be the same on every row")
                         .arg(group.constFirst().line)});
            continue;
        }
        const QString messageId = row.record.messages.constFirst().externalId;
        if (messageLines.contains(messageId)) {
            onError({csv.line, id, QStringLiteral("message_id \"%1\" is used twice (first on line %2)")
                                       .arg(messageId)
                                       .arg(messageLines.value(messageId))});
            continue;
        }
        messageLines.insert(messageId, csv.line);
        group.append(row);
    }
    if (!flush())
        return;
    if (!reader.ioError().isEmpty())
        summary.fatalError = reader.ioError();
}

} // namespace cg
