#pragma once

#include "DetectedSpan.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QSqlDatabase>
#include <QVector>

Q_DECLARE_METATYPE(cg::DetectedSpan)

namespace cg {

// The messages of one case, oldest first, paged in as the view scrolls (a case can
// hold a hundred thousand messages). Each message carries its detected spans
// through SpansRole; the view decides how to paint them.
class ConversationModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConversationModel)

public:
    enum Role {
        MessageIdRole = Qt::UserRole + 1,
        ExternalIdRole,
        SenderRoleRole,   // "client" or "freelancer"
        SenderNameRole,
        SentAtRole,       // QDateTime, UTC
        PhaseRole,
        SpansRole,        // QList<DetectedSpan>, code-point offsets into DisplayRole
        ContractMarkerRole, // "" or what happened to the contract just before this message
    };

    static constexpr int kPageSize = 500;

    explicit ConversationModel(QObject *parent = nullptr);

    void setCase(const QSqlDatabase &db, qint64 caseId);
    void clear();
    qint64 caseId() const { return m_caseId; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    QString lastError() const { return m_lastError; }

private:
    struct Message
    {
        qint64 id = 0;
        int seq = 0;
        QString externalId;
        QString senderRole;
        QString senderName;
        QDateTime sentAt;
        QString phase;
        QString body;
        DetectedSpans spans;
        QString contractMarker;
    };

    QVector<Message> loadPage(int afterSeq);
    void loadContract();
    void markContract(Message &message);

    QSqlDatabase m_db;
    qint64 m_caseId = 0;
    QVector<Message> m_messages;
    bool m_atEnd = true;
    QString m_lastError;
    // The contract's dates, and whether their markers were placed yet (pages load in order).
    QDate m_contractStart;
    QDate m_contractEnd;
    bool m_startMarked = false;
    bool m_endMarked = false;
};

} // namespace cg
