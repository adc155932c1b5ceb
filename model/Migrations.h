#pragma once

#include <QSqlDatabase>
#include <QString>

namespace cg {

// Numbered, forward-only schema migrations. The version lives in SQLite's
// `PRAGMA user_version`; each migration runs in its own transaction together with
// the version bump, so a crash leaves the database at the previous version.
class Migrations final
{
public:
    static int latestVersion();
    static int currentVersion(const QSqlDatabase &db);

    // Applies every migration above `currentVersion`. Returns an empty string on
    // success, or a message naming the migration that failed (nothing of it kept).
    static QString migrate(QSqlDatabase &db);
    // Stops at `targetVersion`: builds databases of an older schema (test fixtures).
    static QString migrate(QSqlDatabase &db, int targetVersion);
};

} // namespace cg
