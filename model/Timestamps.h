#pragma once

#include <QDateTime>
#include <QString>
#include <QTimeZone>

namespace cg {

// Times are stored as ISO-8601 UTC text ("2026-05-01T10:00:00Z"): portable across
// SQLite and PostgreSQL, and they sort correctly as plain strings.
inline QString toStoredTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

inline QDateTime fromStoredTime(const QString &text)
{
    QDateTime time = QDateTime::fromString(text, Qt::ISODate);
    time.setTimeZone(QTimeZone::utc());
    return time;
}

inline QString nowStoredTime()
{
    return toStoredTime(QDateTime::currentDateTimeUtc());
}

} // namespace cg
