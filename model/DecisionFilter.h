#pragma once

#include <QDate>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVariantList>

namespace cg {

// Which decisions a log view, an export or a report covers. Conditions refer to the
// decisions table as "d" and the moderators table as "m".
struct DecisionFilter
{
    QString moderator;  // exact name, "" for everyone
    QString verdict;    // a verdict name, "" for all
    QDate from;         // decided on or after this day (UTC), invalid for no bound
    QDate to;           // decided on or before this day (UTC)
    bool includeTraining = false;

    // Adds SQL conditions (to be joined with AND) and their bound values.
    void appendConditions(QStringList *conditions, QVariantList *values) const
    {
        if (!includeTraining)
            conditions->append(QStringLiteral("d.is_training = 0"));
        if (!moderator.isEmpty()) {
            conditions->append(QStringLiteral("m.name = ?"));
            values->append(moderator);
        }
        if (!verdict.isEmpty()) {
            conditions->append(QStringLiteral("d.verdict = ?"));
            values->append(verdict);
        }
        // Stored times are ISO text, so day bounds compare as strings.
        if (from.isValid()) {
            conditions->append(QStringLiteral("d.decided_at >= ?"));
            values->append(from.toString(Qt::ISODate));
        }
        if (to.isValid()) {
            conditions->append(QStringLiteral("d.decided_at < ?"));
            values->append(to.addDays(1).toString(Qt::ISODate));
        }
    }

    // The filter as recorded in audit entries.
    QJsonObject describe() const
    {
        QJsonObject object;
        if (from.isValid())
            object.insert(QStringLiteral("from"), from.toString(Qt::ISODate));
        if (to.isValid())
            object.insert(QStringLiteral("to"), to.toString(Qt::ISODate));
        if (!moderator.isEmpty())
            object.insert(QStringLiteral("moderator"), moderator);
        if (!verdict.isEmpty())
            object.insert(QStringLiteral("verdict"), verdict);
        return object;
    }
};

} // namespace cg
