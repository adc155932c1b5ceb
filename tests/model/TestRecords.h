#pragma once

#include "ConversationRecord.h"

#include <QTimeZone>

// A small, valid conversation for tests that need one in the database.
inline cg::ConversationRecord sampleConversation(const QString &id, const QStringList &texts,
                                                 const QString &freelancerId = QStringLiteral("fl-1"))
{
    cg::ConversationRecord record;
    record.externalId = id;
    record.jobTitle = QStringLiteral("Landing page redesign");
    record.phase = QStringLiteral("messages");
    record.client = {QStringLiteral("cl-1"), QStringLiteral("Dana Client"), QStringLiteral("client"),
                     QStringLiteral("basic"), QStringLiteral("US")};
    record.freelancer = {freelancerId, QStringLiteral("Femi Freelancer"), QStringLiteral("freelancer"), QString(),
                         QStringLiteral("NG")};
    record.subjectRole = QStringLiteral("freelancer");
    record.flagSource = QStringLiteral("auto_filter");
    record.flagReason = QStringLiteral("possible phone number");
    const QDateTime start(QDate(2026, 5, 1), QTime(10, 0), QTimeZone::utc());
    for (int i = 0; i < texts.size(); ++i) {
        record.messages.append({QStringLiteral("%1-m%2").arg(id).arg(i + 1),
                                i % 2 ? QStringLiteral("client") : QStringLiteral("freelancer"),
                                QStringLiteral("messages"), start.addSecs(600 * i), texts.at(i)});
    }
    record.flaggedAt = start.addDays(1);
    return record;
}
