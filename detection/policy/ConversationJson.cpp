#include "ConversationJson.h"

#include "Detector.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>
#include <QSet>
#include <QStringList>

#include <cmath>

namespace cg {

namespace {

const QStringList kPhases = {QStringLiteral("job_post"), QStringLiteral("proposal"),
                             QStringLiteral("interview"), QStringLiteral("messages")};
const QStringList kParties = {QStringLiteral("client"), QStringLiteral("freelancer")};
const QStringList kPlans = {QStringLiteral("basic"), QStringLiteral("plus"), QStringLiteral("business"),
                            QStringLiteral("enterprise")};
const QStringList kContractStates = {QStringLiteral("none"), QStringLiteral("offered"),
                                     QStringLiteral("active"), QStringLiteral("closed")};
const QStringList kVerdicts = {QStringLiteral("no_contact"), QStringLiteral("allowed"),
                               QStringLiteral("exception"), QStringLiteral("violation")};

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return QStringLiteral("a boolean");
    case QJsonValue::Double: return QStringLiteral("a number");
    case QJsonValue::String: return QStringLiteral("a string");
    case QJsonValue::Array: return QStringLiteral("an array");
    case QJsonValue::Object: return QStringLiteral("an object");
    case QJsonValue::Undefined: break;
    }
    return QStringLiteral("nothing");
}

QString join(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

// Reads fields of nested objects, remembering the first problem with the path of
// the field it concerns. Every getter returns false once an error is set.
class Reader
{
public:
    QString error;

    bool fail(const QString &path, const QString &reason)
    {
        if (error.isEmpty())
            error = path + QStringLiteral(": ") + reason;
        return false;
    }

    bool wrongType(const QString &path, const QJsonValue &value, const char *expected)
    {
        return fail(path, QStringLiteral("expected %1, got %2").arg(QLatin1String(expected), typeName(value)));
    }

    // The field `key` of `parent` when it has the JSON type `type`. An absent (or, when
    // optional, null) field leaves `out` undefined and is an error only when required.
    bool field(const QJsonObject &parent, const QString &path, const QString &key, QJsonValue::Type type,
               const char *expected, QJsonValue *out, bool required)
    {
        const QJsonValue value = parent.value(key);
        const QString name = join(path, key);
        if (value.isUndefined() || (value.isNull() && !required))
            return required ? fail(name, QStringLiteral("missing")) : true;
        if (value.type() != type)
            return wrongType(name, value, expected);
        *out = value;
        return true;
    }

    bool object(const QJsonObject &parent, const QString &path, const QString &key, QJsonObject *out,
                bool required)
    {
        QJsonValue value;
        if (!field(parent, path, key, QJsonValue::Object, "an object", &value, required))
            return false;
        if (!value.isUndefined())
            *out = value.toObject();
        return true;
    }

    bool array(const QJsonObject &parent, const QString &path, const QString &key, QJsonArray *out,
               bool required)
    {
        QJsonValue value;
        if (!field(parent, path, key, QJsonValue::Array, "an array", &value, required))
            return false;
        if (!value.isUndefined())
            *out = value.toArray();
        return true;
    }

    bool string(const QJsonObject &parent, const QString &path, const QString &key, QString *out,
                bool required)
    {
        QJsonValue value;
        if (!field(parent, path, key, QJsonValue::String, "a string", &value, required))
            return false;
        if (!value.isUndefined())
            *out = value.toString();
        return true;
    }

    // Ids may be strings or whole numbers; numbers are kept as their decimal text.
    bool identifier(const QJsonObject &parent, const QString &path, const QString &key, QString *out)
    {
        const QJsonValue value = parent.value(key);
        const QString field = join(path, key);
        if (value.isUndefined())
            return fail(field, QStringLiteral("missing"));
        if (value.isString()) {
            *out = value.toString();
        } else if (value.isDouble()) {
            const double number = value.toDouble();
            // Only whole numbers a JSON double holds exactly (|n| <= 2^53) make ids; the
            // range is checked before converting, which is undefined outside it.
            constexpr double kExactLimit = 9007199254740992.0;
            if (!(std::fabs(number) <= kExactLimit) || std::floor(number) != number)
                return fail(field, QStringLiteral("expected a string or a whole number"));
            *out = QString::number(qint64(number));
        } else {
            return wrongType(field, value, "a string or a number");
        }
        if (out->trimmed().isEmpty())
            return fail(field, QStringLiteral("empty"));
        return true;
    }

    bool boolean(const QJsonObject &parent, const QString &path, const QString &key, bool *out)
    {
        const QJsonValue value = parent.value(key);
        if (value.isUndefined() || value.isNull())
            return true;
        if (!value.isBool())
            return wrongType(join(path, key), value, "true or false");
        *out = value.toBool();
        return true;
    }

    bool oneOf(const QJsonObject &parent, const QString &path, const QString &key, const QStringList &allowed,
               QString *out, bool required)
    {
        QString value;
        if (!string(parent, path, key, &value, required))
            return false;
        if (value.isNull() && !required)
            return true;
        if (!allowed.contains(value))
            return fail(join(path, key), QStringLiteral("unknown value \"%1\" (expected %2)")
                                             .arg(value, allowed.join(QStringLiteral(", "))));
        *out = value;
        return true;
    }

    bool date(const QJsonObject &parent, const QString &path, const QString &key, QDate *out, bool required)
    {
        QString text;
        if (!string(parent, path, key, &text, required))
            return false;
        if (text.isNull())
            return true;
        // A date-time is accepted too: its UTC calendar day counts.
        const QDateTime dateTime = parseDateTime(text);
        const QDate parsed = dateTime.isValid() ? dateTime.date()
            : text.size() == 10                 ? QDate::fromString(text, Qt::ISODate)
                                                : QDate();
        if (!parsed.isValid())
            return fail(join(path, key), QStringLiteral("not an ISO date (\"%1\")").arg(text));
        *out = parsed;
        return true;
    }

    bool dateTime(const QJsonObject &parent, const QString &path, const QString &key, QDateTime *out,
                  bool required, bool dateAllowed)
    {
        QString text;
        if (!string(parent, path, key, &text, required))
            return false;
        if (text.isNull())
            return true;
        QDateTime parsed = parseDateTime(text);
        if (!parsed.isValid() && dateAllowed) {
            const QDate day = text.size() == 10 ? QDate::fromString(text, Qt::ISODate) : QDate();
            if (day.isValid())
                parsed = QDateTime(day, QTime(0, 0), Qt::UTC);
        }
        if (!parsed.isValid())
            return fail(join(path, key), QStringLiteral("not an ISO date-time (\"%1\")").arg(text));
        *out = parsed;
        return true;
    }

    // ISO 8601 with a time; without an offset the time is taken as UTC, as the contract's examples are.
    static QDateTime parseDateTime(const QString &text)
    {
        if (!text.contains(QLatin1Char('T')) && !text.contains(QLatin1Char(' ')))
            return {};
        QDateTime parsed = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (!parsed.isValid())
            return {};
        if (parsed.timeSpec() == Qt::LocalTime)
            parsed.setTimeSpec(Qt::UTC);
        return parsed.toUTC();
    }
};

bool readPerson(Reader &reader, const QJsonObject &root, const QString &role, PersonRecord *person)
{
    person->role = role;
    QJsonObject object;
    if (!reader.object(root, QString(), role, &object, false))
        return false;
    if (object.isEmpty())
        return true;
    if (object.contains(QLatin1String("id")) && !reader.identifier(object, role, QStringLiteral("id"), &person->externalId))
        return false;
    return reader.string(object, role, QStringLiteral("name"), &person->displayName, false)
        && reader.string(object, role, QStringLiteral("country"), &person->country, false);
}

bool readContract(Reader &reader, const QJsonObject &context, ContractRecord *contract)
{
    const QString path = QStringLiteral("context.contract");
    QJsonObject object;
    if (!reader.object(context, QStringLiteral("context"), QStringLiteral("contract"), &object, false))
        return false;
    if (!context.contains(QLatin1String("contract")) || context.value(QLatin1String("contract")).isNull())
        return true;
    if (!reader.oneOf(object, path, QStringLiteral("status"), kContractStates, &contract->status, true))
        return false;
    const bool started = contract->status == QLatin1String("active") || contract->status == QLatin1String("closed");
    const bool closed = contract->status == QLatin1String("closed");
    if (started && !object.contains(QLatin1String("start")))
        return reader.fail(path + QStringLiteral(".start"),
                           closed ? QStringLiteral("missing for a closed contract")
                                  : QStringLiteral("missing for an active contract"));
    if (closed && !object.contains(QLatin1String("end")))
        return reader.fail(path + QStringLiteral(".end"), QStringLiteral("missing for a closed contract"));
    if (!reader.date(object, path, QStringLiteral("start"), &contract->start, false)
        || !reader.date(object, path, QStringLiteral("end"), &contract->end, false)
        || !reader.boolean(object, path, QStringLiteral("conversion_fee_paid"), &contract->conversionFeePaid))
        return false;
    if (contract->start.isValid() && contract->end.isValid() && contract->end < contract->start)
        return reader.fail(path + QStringLiteral(".end"), QStringLiteral("before the start date"));
    return true;
}

bool readHistory(Reader &reader, const QJsonObject &context, QList<PriorDecisionRecord> *history)
{
    QJsonArray entries;
    if (!reader.array(context, QStringLiteral("context"), QStringLiteral("history"), &entries, false))
        return false;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QString path = QStringLiteral("context.history[%1]").arg(i);
        if (!entries.at(i).isObject())
            return reader.wrongType(path, entries.at(i), "an object");
        const QJsonObject object = entries.at(i).toObject();
        PriorDecisionRecord decision;
        if (!reader.dateTime(object, path, QStringLiteral("decided_at"), &decision.decidedAt, false, true)
            || !reader.oneOf(object, path, QStringLiteral("verdict"), kVerdicts, &decision.verdict, true)
            || !reader.string(object, path, QStringLiteral("penalty"), &decision.penalty, false)
            || !reader.boolean(object, path, QStringLiteral("reversed"), &decision.reversed)
            || !reader.string(object, path, QStringLiteral("moderator"), &decision.moderator, false)
            || !reader.string(object, path, QStringLiteral("note"), &decision.note, false))
            return false;
        history->append(decision);
    }
    return true;
}

bool readMessages(Reader &reader, const QJsonObject &root, const QString &defaultPhase,
                  QList<MessageRecord> *messages)
{
    QJsonArray entries;
    if (!reader.array(root, QString(), QStringLiteral("messages"), &entries, true))
        return false;
    messages->reserve(entries.size());
    QSet<QString> ids; // a conversation can hold 100,000 messages: no pairwise comparison
    ids.reserve(entries.size());
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QString path = QStringLiteral("messages[%1]").arg(i);
        if (!entries.at(i).isObject())
            return reader.wrongType(path, entries.at(i), "an object");
        const QJsonObject object = entries.at(i).toObject();
        MessageRecord message;
        message.phase = defaultPhase;
        if (!reader.identifier(object, path, QStringLiteral("id"), &message.externalId)
            || !reader.oneOf(object, path, QStringLiteral("sender"), kParties, &message.sender, true)
            || !reader.dateTime(object, path, QStringLiteral("sent_at"), &message.sentAt, true, false)
            || !reader.string(object, path, QStringLiteral("text"), &message.text, true)
            || !reader.oneOf(object, path, QStringLiteral("phase"), kPhases, &message.phase, false))
            return false;
        if (ids.contains(message.externalId))
            return reader.fail(path + QStringLiteral(".id"), QStringLiteral("\"%1\" is used twice").arg(message.externalId));
        ids.insert(message.externalId);
        messages->append(message);
    }
    return true;
}

QString defaultSubject(const ConversationRecord &record, const Detector *detector)
{
    if (detector) {
        for (const MessageRecord &message : record.messages) {
            if (!detector->detect(message.text).isEmpty())
                return message.sender;
        }
    }
    return QStringLiteral("freelancer");
}

void insertIfSet(QJsonObject &object, const QString &key, const QString &value)
{
    if (!value.isEmpty())
        object.insert(key, value);
}

QString isoDateTime(const QDateTime &dateTime)
{
    return dateTime.toUTC().toString(Qt::ISODate);
}

} // namespace

ConversationJsonResult ConversationJson::parse(const QJsonObject &root, const Detector *detector)
{
    Reader reader;
    ConversationJsonResult result;
    ConversationRecord &record = result.record;

    QJsonObject context;
    QJsonObject flag;
    const bool read = reader.identifier(root, QString(), QStringLiteral("id"), &record.externalId)
        && reader.object(root, QString(), QStringLiteral("context"), &context, true)
        && reader.oneOf(context, QStringLiteral("context"), QStringLiteral("phase"), kPhases, &record.phase, true)
        && reader.oneOf(context, QStringLiteral("context"), QStringLiteral("client_plan"), kPlans,
                        &record.client.plan, false)
        && readContract(reader, context, &record.contract)
        && reader.boolean(context, QStringLiteral("context"), QStringLiteral("pre_existing_relationship"),
                          &record.preExistingRelationship)
        && readHistory(reader, context, &record.history)
        && readMessages(reader, root, record.phase, &record.messages)
        && reader.string(root, QString(), QStringLiteral("job_title"), &record.jobTitle, false)
        && reader.object(root, QString(), QStringLiteral("flag"), &flag, false)
        && reader.string(flag, QStringLiteral("flag"), QStringLiteral("source"), &record.flagSource, false)
        && reader.string(flag, QStringLiteral("flag"), QStringLiteral("reason"), &record.flagReason, false)
        && reader.dateTime(flag, QStringLiteral("flag"), QStringLiteral("flagged_at"), &record.flaggedAt, false, true)
        && reader.oneOf(root, QString(), QStringLiteral("subject"), kParties, &record.subjectRole, false)
        && readPerson(reader, root, QStringLiteral("client"), &record.client)
        && readPerson(reader, root, QStringLiteral("freelancer"), &record.freelancer);
    if (!read) {
        result.error = reader.error;
        result.record = {};
        return result;
    }
    if (record.subjectRole.isEmpty())
        record.subjectRole = defaultSubject(record, detector);
    return result;
}

ConversationJsonResult ConversationJson::parse(const QByteArray &json, const Detector *detector)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        ConversationJsonResult result;
        result.error = QStringLiteral("not JSON: %1 at offset %2").arg(parseError.errorString()).arg(parseError.offset);
        return result;
    }
    if (!document.isObject()) {
        ConversationJsonResult result;
        result.error = QStringLiteral("not a JSON object");
        return result;
    }
    return parse(document.object(), detector);
}

QJsonObject ConversationJson::toJson(const ConversationRecord &record)
{
    QJsonObject contract{{QStringLiteral("status"), record.contract.status},
                         {QStringLiteral("conversion_fee_paid"), record.contract.conversionFeePaid}};
    if (record.contract.start.isValid())
        contract.insert(QStringLiteral("start"), record.contract.start.toString(Qt::ISODate));
    if (record.contract.end.isValid())
        contract.insert(QStringLiteral("end"), record.contract.end.toString(Qt::ISODate));

    QJsonArray history;
    for (const PriorDecisionRecord &decision : record.history) {
        QJsonObject entry{{QStringLiteral("verdict"), decision.verdict},
                          {QStringLiteral("penalty"),
                           decision.penalty.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(decision.penalty)}};
        if (decision.decidedAt.isValid())
            entry.insert(QStringLiteral("decided_at"), isoDateTime(decision.decidedAt));
        if (decision.reversed)
            entry.insert(QStringLiteral("reversed"), true);
        insertIfSet(entry, QStringLiteral("moderator"), decision.moderator);
        insertIfSet(entry, QStringLiteral("note"), decision.note);
        history.append(entry);
    }

    QJsonObject context{{QStringLiteral("phase"), record.phase},
                        {QStringLiteral("contract"), contract},
                        {QStringLiteral("pre_existing_relationship"), record.preExistingRelationship},
                        {QStringLiteral("history"), history}};
    insertIfSet(context, QStringLiteral("client_plan"), record.client.plan);

    QJsonArray messages;
    for (const MessageRecord &message : record.messages) {
        messages.append(QJsonObject{{QStringLiteral("id"), message.externalId},
                                    {QStringLiteral("sender"), message.sender},
                                    {QStringLiteral("sent_at"), isoDateTime(message.sentAt)},
                                    {QStringLiteral("phase"), message.phase},
                                    {QStringLiteral("text"), message.text}});
    }

    QJsonObject root{{QStringLiteral("id"), record.externalId},
                     {QStringLiteral("context"), context},
                     {QStringLiteral("messages"), messages}};
    insertIfSet(root, QStringLiteral("job_title"), record.jobTitle);
    insertIfSet(root, QStringLiteral("subject"), record.subjectRole);
    if (!record.flagSource.isEmpty() || !record.flagReason.isEmpty() || record.flaggedAt.isValid()) {
        QJsonObject flag;
        insertIfSet(flag, QStringLiteral("source"), record.flagSource);
        insertIfSet(flag, QStringLiteral("reason"), record.flagReason);
        if (record.flaggedAt.isValid())
            flag.insert(QStringLiteral("flagged_at"), isoDateTime(record.flaggedAt));
        root.insert(QStringLiteral("flag"), flag);
    }
    for (const PersonRecord *person : {&record.client, &record.freelancer}) {
        QJsonObject object;
        insertIfSet(object, QStringLiteral("id"), person->externalId);
        insertIfSet(object, QStringLiteral("name"), person->displayName);
        insertIfSet(object, QStringLiteral("country"), person->country);
        if (!object.isEmpty())
            root.insert(person == &record.client ? QStringLiteral("client") : QStringLiteral("freelancer"), object);
    }
    return root;
}

} // namespace cg
