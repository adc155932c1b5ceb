#include "ConversationModel.h"

#include "StoredSpans.h"
#include "Timestamps.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

namespace cg {

ConversationModel::ConversationModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void ConversationModel::setCase(const QSqlDatabase &db, qint64 caseId)
{
    beginResetModel();
    m_db = db;
    m_caseId = caseId;
    loadContract();
    m_messages = loadPage(-1);
    m_atEnd = m_messages.size() < kPageSize;
    endResetModel();
}

void ConversationModel::clear()
{
    beginResetModel();
    m_db = QSqlDatabase();
    m_caseId = 0;
    m_messages.clear();
    m_atEnd = true;
    m_contractStart = m_contractEnd = QDate();
    endResetModel();
}

void ConversationModel::loadContract()
{
    m_contractStart = m_contractEnd = QDate();
    m_startMarked = m_endMarked = false;
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT starts_on, ends_on FROM contracts WHERE conversation_id = ? "
                                 "AND status IN ('active', 'closed')"));
    query.addBindValue(m_caseId);
    if (query.exec() && query.next()) {
        m_contractStart = QDate::fromString(query.value(0).toString(), Qt::ISODate);
        m_contractEnd = QDate::fromString(query.value(1).toString(), Qt::ISODate);
    }
}

// The policy turns on the contract's start date: messages from that day on are
// inside the contract. The first such message carries the marker.
void ConversationModel::markContract(Message &message)
{
    QStringList markers;
    const QDate sent = message.sentAt.date();
    if (m_contractStart.isValid() && !m_startMarked && sent >= m_contractStart) {
        markers << tr("Contract started %1").arg(m_contractStart.toString(Qt::ISODate));
        m_startMarked = true;
    }
    if (m_contractEnd.isValid() && !m_endMarked && sent > m_contractEnd) {
        markers << tr("Contract ended %1").arg(m_contractEnd.toString(Qt::ISODate));
        m_endMarked = true;
    }
    message.contractMarker = markers.join(QStringLiteral(" · "));
}

int ConversationModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_messages.size());
}

QVariant ConversationModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Message &message = m_messages.at(index.row());
    switch (role) {
    case Qt::DisplayRole: return message.body;
    case MessageIdRole: return message.id;
    case ExternalIdRole: return message.externalId;
    case SenderRoleRole: return message.senderRole;
    case SenderNameRole: return message.senderName;
    case SentAtRole: return message.sentAt;
    case PhaseRole: return message.phase;
    case SpansRole: return QVariant::fromValue(message.spans);
    case ContractMarkerRole: return message.contractMarker;
    default: return {};
    }
}

QHash<int, QByteArray> ConversationModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(MessageIdRole, "messageId");
    names.insert(ExternalIdRole, "externalId");
    names.insert(SenderRoleRole, "senderRole");
    names.insert(SenderNameRole, "senderName");
    names.insert(SentAtRole, "sentAt");
    names.insert(PhaseRole, "phase");
    names.insert(SpansRole, "spans");
    names.insert(ContractMarkerRole, "contractMarker");
    return names;
}

bool ConversationModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd;
}

void ConversationModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_atEnd || m_messages.isEmpty())
        return;
    const QVector<Message> page = loadPage(m_messages.constLast().seq);
    m_atEnd = page.size() < kPageSize;
    if (page.isEmpty())
        return;
    beginInsertRows({}, static_cast<int>(m_messages.size()), static_cast<int>(m_messages.size() + page.size() - 1));
    m_messages += page;
    endInsertRows();
}

QVector<ConversationModel::Message> ConversationModel::loadPage(int afterSeq)
{
    QVector<Message> page;
    if (!m_db.isOpen() || m_caseId == 0)
        return page;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT m.id, m.seq, m.external_id, m.sender_role, p.display_name, m.sent_at, m.phase, m.body "
        "FROM messages m JOIN people p ON p.id = m.sender_id "
        "WHERE m.conversation_id = ? AND m.seq > ? ORDER BY m.seq LIMIT %1")
                      .arg(kPageSize));
    query.addBindValue(m_caseId);
    query.addBindValue(afterSeq);
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        return page;
    }
    QHash<qint64, int> rowOfMessage;
    while (query.next()) {
        Message message;
        message.id = query.value(0).toLongLong();
        message.seq = query.value(1).toInt();
        message.externalId = query.value(2).toString();
        message.senderRole = query.value(3).toString();
        message.senderName = query.value(4).toString();
        message.sentAt = fromStoredTime(query.value(5).toString());
        message.phase = query.value(6).toString();
        message.body = query.value(7).toString();
        markContract(message);
        rowOfMessage.insert(message.id, static_cast<int>(page.size()));
        page.append(message);
    }
    if (page.isEmpty())
        return page;

    // Spans of the detector version each message was last scanned with.
    QSqlQuery spans(m_db);
    spans.setForwardOnly(true);
    spans.prepare(QStringLiteral("SELECT d.message_id, %1 FROM detections d JOIN messages m ON m.id = d.message_id "
                                 "WHERE m.conversation_id = ? AND m.seq > ? AND m.seq <= ? "
                                 "AND d.detector_version = m.scanned_with ORDER BY d.message_id, d.start_pos")
                      .arg(QLatin1String(kStoredSpanColumns)));
    spans.addBindValue(m_caseId);
    spans.addBindValue(afterSeq);
    spans.addBindValue(page.constLast().seq);
    if (!spans.exec()) {
        m_lastError = spans.lastError().text();
        return page;
    }
    while (spans.next()) {
        const auto row = rowOfMessage.constFind(spans.value(0).toLongLong());
        const auto span = spanFromQuery(spans, 1);
        if (row != rowOfMessage.constEnd() && span)
            page[*row].spans.append(*span);
    }
    return page;
}

} // namespace cg
