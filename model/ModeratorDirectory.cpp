#include "ModeratorDirectory.h"

#include "Timestamps.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace cg {

ModeratorDirectory::ModeratorDirectory(QSqlDatabase db)
    : m_db(std::move(db))
{
}

std::optional<Moderator> ModeratorDirectory::find(const QString &name, QString *error) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT id, role FROM moderators WHERE name = ?"));
    query.addBindValue(name);
    if (!query.exec()) {
        if (error)
            *error = query.lastError().text();
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    return Moderator{query.value(0).toLongLong(), name,
                     moderatorRoleFromName(query.value(1).toString()).value_or(ModeratorRole::Trainee)};
}

std::optional<Moderator> ModeratorDirectory::ensure(const QString &name, ModeratorRole role, QString *error)
{
    if (name.trimmed().isEmpty()) {
        *error = QStringLiteral("the moderator name is empty");
        return std::nullopt;
    }
    QString lookupError;
    if (auto existing = find(name, &lookupError))
        return existing;
    if (!lookupError.isEmpty()) {
        *error = lookupError;
        return std::nullopt;
    }
    QSqlQuery insert(m_db);
    insert.prepare(QStringLiteral("INSERT INTO moderators (name, role, created_at) VALUES (?, ?, ?)"));
    insert.addBindValue(name);
    insert.addBindValue(moderatorRoleName(role));
    insert.addBindValue(nowStoredTime());
    if (!insert.exec()) {
        *error = insert.lastError().text();
        return std::nullopt;
    }
    return Moderator{insert.lastInsertId().toLongLong(), name, role};
}

} // namespace cg
