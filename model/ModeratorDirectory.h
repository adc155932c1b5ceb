#pragma once

#include "CaseTerms.h"

#include <QSqlDatabase>
#include <QString>

namespace cg {

struct Moderator
{
    qint64 id = 0;
    QString name;
    ModeratorRole role = ModeratorRole::Moderator;
};

// The staff who review cases. On a local file the person at the keyboard is added
// on first use; on a shared server (team mode) an admin adds people and roles.
class ModeratorDirectory final
{
public:
    explicit ModeratorDirectory(QSqlDatabase db);

    std::optional<Moderator> find(const QString &name, QString *error = nullptr) const;
    // Finds `name`, adding it with `role` if it is not there yet. Call inside a write transaction.
    std::optional<Moderator> ensure(const QString &name, ModeratorRole role, QString *error);

private:
    QSqlDatabase m_db;
};

} // namespace cg
