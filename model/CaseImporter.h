#pragma once

#include "ConversationRecord.h"

#include <QSqlDatabase>
#include <QString>

namespace cg {

struct ImportOutcome
{
    bool ok = false;
    bool changed = false;   // false when the conversation was already there unchanged
    qint64 conversationId = 0;
    int messagesAdded = 0;
    QString error;          // names the field at fault when ok is false
};

// Writes conversations into a case database. Upserts on external ids, so importing
// the same data twice changes nothing; each conversation is one transaction with
// its audit entry, so a crash never leaves half a conversation behind.
class CaseImporter final
{
public:
    CaseImporter(QSqlDatabase db, QString actor);

    ImportOutcome import(const ConversationRecord &record);

    // Checks a record before anything is written; returns "" or what is wrong.
    static QString validate(const ConversationRecord &record);

private:
    qint64 upsertPerson(const PersonRecord &person, QString *error);
    qint64 insertConversation(const ConversationRecord &record, qint64 clientId, qint64 freelancerId,
                              QString *error);
    bool upsertContract(qint64 conversationId, const ContractRecord &contract, QString *error);
    int insertNewMessages(qint64 conversationId, const ConversationRecord &record, qint64 clientId,
                          qint64 freelancerId, QString *error);

    QSqlDatabase m_db;
    QString m_actor;
};

} // namespace cg
