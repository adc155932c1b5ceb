#include "CaseImporter.h"

#include "AuditLog.h"
#include "SqlTransaction.h"
#include "SqlValues.h"
#include "Timestamps.h"

#include <QJsonObject>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace cg {

namespace {

const QStringList kPhases = {QStringLiteral("job_post"), QStringLiteral("proposal"), QStringLiteral("interview"),
                             QStringLiteral("messages")};
const QStringList kParties = {QStringLiteral("client"), QStringLiteral("freelancer")};
const QStringList kPlans = {QStringLiteral("basic"), QStringLiteral("plus"), QStringLiteral("business"),
                            QStringLiteral("enterprise")};
const QStringList kContractStates = {QStringLiteral("none"), QStringLiteral("offered"), QStringLiteral("active"),
                                     QStringLiteral("closed")};

QString checkOneOf(const QString &field, const QString &value, const QStringList &allowed)
{
    if (allowed.contains(value))
        return {};
    return QStringLiteral("%1 is \"%2\"; expected one of %3").arg(field, value, allowed.join(QStringLiteral(", ")));
}

QVariant storedDate(const QDate &date)
{
    return date.isValid() ? QVariant(date.toString(Qt::ISODate)) : QVariant();
}

} // namespace

CaseImporter::CaseImporter(QSqlDatabase db, QString actor)
    : m_db(std::move(db))
    , m_actor(std::move(actor))
{
}

QString CaseImporter::validate(const ConversationRecord &record)
{
    if (record.externalId.trimmed().isEmpty())
        return QStringLiteral("id is empty");
    QString problem = checkOneOf(QStringLiteral("context.phase"), record.phase, kPhases);
    if (problem.isEmpty())
        problem = checkOneOf(QStringLiteral("subject"), record.subjectRole, kParties);
    if (problem.isEmpty())
        problem = checkOneOf(QStringLiteral("context.contract.status"), record.contract.status, kContractStates);
    if (problem.isEmpty() && !record.client.plan.isEmpty())
        problem = checkOneOf(QStringLiteral("context.client_plan"), record.client.plan, kPlans);
    if (!problem.isEmpty())
        return problem;
    for (const PersonRecord *person : {&record.client, &record.freelancer}) {
        if (person->externalId.trimmed().isEmpty())
            return QStringLiteral("the %1 has no id").arg(person->role);
    }
    const ContractRecord &contract = record.contract;
    if ((contract.status == QLatin1String("active") || contract.status == QLatin1String("closed"))
        && !contract.start.isValid())
        return QStringLiteral("context.contract.start is missing for a %1 contract").arg(contract.status);
    if (contract.status == QLatin1String("closed") && !contract.end.isValid())
        return QStringLiteral("context.contract.end is missing for a closed contract");
    if (!record.flaggedAt.isValid())
        return QStringLiteral("flagged_at is missing or not an ISO date-time");
    QSet<QString> messageIds;
    for (int i = 0; i < record.messages.size(); ++i) {
        const MessageRecord &message = record.messages.at(i);
        const QString where = QStringLiteral("messages[%1]").arg(i);
        if (message.externalId.isEmpty())
            return where + QStringLiteral(".id is empty");
        if (messageIds.contains(message.externalId))
            return where + QStringLiteral(".id \"%1\" is used twice").arg(message.externalId);
        messageIds.insert(message.externalId);
        problem = checkOneOf(where + QStringLiteral(".sender"), message.sender, kParties);
        if (problem.isEmpty())
            problem = checkOneOf(where + QStringLiteral(".phase"), message.phase, kPhases);
        if (!problem.isEmpty())
            return problem;
        if (!message.sentAt.isValid())
            return where + QStringLiteral(".sent_at is missing or not an ISO date-time");
    }
    return {};
}

ImportOutcome CaseImporter::import(const ConversationRecord &record)
{
    ImportOutcome outcome;
    outcome.error = validate(record);
    if (!outcome.error.isEmpty())
        return outcome;

    SqlTransaction transaction(m_db);
    if (!transaction.isActive()) {
        outcome.error = transaction.error();
        return outcome;
    }
    QString error;
    const qint64 clientId = upsertPerson(record.client, &error);
    const qint64 freelancerId = clientId ? upsertPerson(record.freelancer, &error) : 0;
    if (!freelancerId) {
        outcome.error = error;
        return outcome;
    }

    QSqlQuery existing(m_db);
    existing.prepare(QStringLiteral("SELECT id FROM conversations WHERE external_id = ?"));
    existing.addBindValue(record.externalId);
    if (!existing.exec()) {
        outcome.error = existing.lastError().text();
        return outcome;
    }
    const bool isNew = !existing.next();
    qint64 conversationId = isNew ? 0 : existing.value(0).toLongLong();
    existing.finish(); // a read open at COMMIT would stop the write-ahead log from restarting
    if (isNew) {
        conversationId = insertConversation(record, clientId, freelancerId, &error);
        if (!conversationId || !upsertContract(conversationId, record.contract, &error)) {
            outcome.error = error;
            return outcome;
        }
    }
    const int added = insertNewMessages(conversationId, record, clientId, freelancerId, &error);
    if (added < 0) {
        outcome.error = error;
        return outcome;
    }
    outcome.conversationId = conversationId;
    outcome.messagesAdded = added;
    outcome.changed = isNew || added > 0;
    if (outcome.changed) {
        error = AuditLog::append(m_db, m_actor, QStringLiteral("import"), QStringLiteral("conversation"),
                                 QString::number(conversationId),
                                 QJsonObject{{QStringLiteral("external_id"), record.externalId},
                                             {QStringLiteral("new_conversation"), isNew},
                                             {QStringLiteral("messages_added"), added}});
        if (!error.isEmpty()) {
            outcome.error = error;
            return outcome;
        }
    }
    if (!transaction.commit()) {
        outcome.error = transaction.error();
        return outcome;
    }
    outcome.ok = true;
    return outcome;
}

qint64 CaseImporter::upsertPerson(const PersonRecord &person, QString *error)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT id FROM people WHERE external_id = ?"));
    query.addBindValue(person.externalId);
    if (!query.exec()) {
        *error = query.lastError().text();
        return 0;
    }
    if (query.next())
        return query.value(0).toLongLong();
    QSqlQuery insert(m_db);
    insert.prepare(QStringLiteral(
        "INSERT INTO people (external_id, display_name, role, plan, country) VALUES (?, ?, ?, ?, ?)"));
    insert.addBindValue(person.externalId);
    insert.addBindValue(person.displayName.isEmpty() ? person.externalId : person.displayName);
    insert.addBindValue(person.role);
    insert.addBindValue(sqlOptionalText(person.plan));
    insert.addBindValue(sqlText(person.country));
    if (!insert.exec()) {
        *error = QStringLiteral("person %1: %2").arg(person.externalId, insert.lastError().text());
        return 0;
    }
    return insert.lastInsertId().toLongLong();
}

qint64 CaseImporter::insertConversation(const ConversationRecord &record, qint64 clientId, qint64 freelancerId,
                                        QString *error)
{
    QSqlQuery insert(m_db);
    insert.prepare(QStringLiteral(
        "INSERT INTO conversations (external_id, job_title, phase, client_id, freelancer_id, subject_id, "
        "pre_existing_relationship, flag_source, flag_reason, flagged_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    insert.addBindValue(record.externalId);
    insert.addBindValue(sqlText(record.jobTitle));
    insert.addBindValue(record.phase);
    insert.addBindValue(clientId);
    insert.addBindValue(freelancerId);
    insert.addBindValue(record.subjectRole == QLatin1String("client") ? clientId : freelancerId);
    insert.addBindValue(record.preExistingRelationship ? 1 : 0);
    insert.addBindValue(sqlText(record.flagSource));
    insert.addBindValue(sqlText(record.flagReason));
    insert.addBindValue(toStoredTime(record.flaggedAt));
    insert.addBindValue(nowStoredTime());
    if (!insert.exec()) {
        *error = QStringLiteral("conversation %1: %2").arg(record.externalId, insert.lastError().text());
        return 0;
    }
    return insert.lastInsertId().toLongLong();
}

bool CaseImporter::upsertContract(qint64 conversationId, const ContractRecord &contract, QString *error)
{
    QSqlQuery insert(m_db);
    insert.prepare(QStringLiteral("INSERT INTO contracts (conversation_id, status, starts_on, ends_on, "
                                  "conversion_fee_paid) VALUES (?, ?, ?, ?, ?)"));
    insert.addBindValue(conversationId);
    insert.addBindValue(contract.status);
    insert.addBindValue(storedDate(contract.start));
    insert.addBindValue(storedDate(contract.end));
    insert.addBindValue(contract.conversionFeePaid ? 1 : 0);
    if (!insert.exec()) {
        *error = QStringLiteral("contract: %1").arg(insert.lastError().text());
        return false;
    }
    return true;
}

int CaseImporter::insertNewMessages(qint64 conversationId, const ConversationRecord &record, qint64 clientId,
                                    qint64 freelancerId, QString *error)
{
    QSqlQuery known(m_db);
    known.prepare(QStringLiteral("SELECT external_id, seq FROM messages WHERE conversation_id = ?"));
    known.addBindValue(conversationId);
    if (!known.exec()) {
        *error = known.lastError().text();
        return -1;
    }
    QSet<QString> existingIds;
    int nextSeq = 0;
    while (known.next()) {
        existingIds.insert(known.value(0).toString());
        nextSeq = std::max(nextSeq, known.value(1).toInt() + 1);
    }

    QSqlQuery insert(m_db);
    insert.prepare(QStringLiteral("INSERT INTO messages (conversation_id, external_id, seq, sender_id, "
                                  "sender_role, phase, sent_at, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    int added = 0;
    QString lastSent;
    for (const MessageRecord &message : record.messages) {
        if (existingIds.contains(message.externalId))
            continue;
        insert.addBindValue(conversationId);
        insert.addBindValue(message.externalId);
        insert.addBindValue(nextSeq++);
        insert.addBindValue(message.sender == QLatin1String("client") ? clientId : freelancerId);
        insert.addBindValue(message.sender);
        insert.addBindValue(message.phase);
        insert.addBindValue(toStoredTime(message.sentAt));
        insert.addBindValue(sqlText(message.text));
        if (!insert.exec()) {
            *error = QStringLiteral("message %1: %2").arg(message.externalId, insert.lastError().text());
            return -1;
        }
        ++added;
    }
    if (added > 0) {
        QSqlQuery summary(m_db);
        summary.prepare(QStringLiteral(
            "UPDATE conversations SET message_count = (SELECT COUNT(*) FROM messages WHERE conversation_id = ?), "
            "last_message_at = (SELECT MAX(sent_at) FROM messages WHERE conversation_id = ?), updated_at = ?, "
            "assessed_with = NULL WHERE id = ?"));
        summary.addBindValue(conversationId);
        summary.addBindValue(conversationId);
        summary.addBindValue(nowStoredTime());
        summary.addBindValue(conversationId);
        if (!summary.exec()) {
            *error = summary.lastError().text();
            return -1;
        }
    }
    return added;
}

} // namespace cg
