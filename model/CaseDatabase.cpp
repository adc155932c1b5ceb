#include "CaseDatabase.h"

#include "Migrations.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace cg {

namespace {

QString newConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("contactguard-%1").arg(counter.fetchAndAddRelaxed(1));
}

// SQLite's primary result codes we tell apart (the low byte of an extended code).
constexpr int kSqliteBusy = 5;
constexpr int kSqliteLocked = 6;
constexpr int kSqliteReadOnly = 8;
constexpr int kSqliteCorrupt = 11;
constexpr int kSqliteNotADatabase = 26;

constexpr int kBusyTimeoutMs = 5000;

OpenResult classify(const QSqlError &error, const QString &path)
{
    const int code = error.nativeErrorCode().toInt() & 0xff;
    switch (code) {
    case kSqliteBusy:
    case kSqliteLocked:
        return {OpenError::Locked,
                QStringLiteral("%1 is locked by another program; close it there or try again.").arg(path)};
    case kSqliteReadOnly:
        return {OpenError::ReadOnly, QStringLiteral("%1 is read-only: %2").arg(path, error.text())};
    case kSqliteCorrupt:
        return {OpenError::Corrupt,
                QStringLiteral("%1 is damaged (SQLite reports a malformed database image). "
                               "Restore it from a backup.")
                    .arg(path)};
    case kSqliteNotADatabase:
        return {OpenError::NotADatabase, QStringLiteral("%1 is not a database file.").arg(path)};
    default:
        return {OpenError::Io, QStringLiteral("Could not read %1: %2").arg(path, error.text())};
    }
}

// Checks the 16-byte SQLite header before SQLite touches the file, so a stray
// document opened by mistake is named as such and never modified.
OpenResult checkHeader(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {OpenError::Io, QStringLiteral("Could not open %1: %2").arg(path, file.errorString())};
    if (file.size() == 0)
        return {};
    const QByteArray header = file.read(16);
    if (header != QByteArray("SQLite format 3\0", 16)) {
        return {OpenError::NotADatabase,
                QStringLiteral("%1 is not a ContactGuard case database (it is not an SQLite file).").arg(path)};
    }
    return {};
}

// Creates `path` empty and readable and writable by its owner only, whatever the umask:
// a case database is evidence about people. SQLite gives the -wal, -shm and -journal
// files it creates next to it the main file's permissions, so they are private too.
OpenResult createPrivateFile(const QString &path)
{
    constexpr QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, kOwnerOnly)) {
        if (QFileInfo::exists(path))
            return {}; // another program made it meanwhile: it keeps its permissions
        const QString folder = QFileInfo(path).absolutePath();
        if (!QFileInfo(folder).isWritable())
            return {OpenError::ReadOnly,
                    QStringLiteral("Could not create %1: the folder %2 is read-only.").arg(path, folder)};
        return {OpenError::Io, QStringLiteral("Could not create %1: %2").arg(path, file.errorString())};
    }
    // The umask can only take bits away; a strict one (0277) would leave the owner unable to write.
    if (!file.setPermissions(kOwnerOnly)) {
        const QString reason = file.errorString();
        file.remove();
        return {OpenError::Io, QStringLiteral("Could not make %1 private: %2").arg(path, reason)};
    }
    return {};
}

bool pragmaInt(QSqlDatabase &db, const QString &pragma, int *value, QSqlError *error)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA ") + pragma) || !query.next()) {
        *error = query.lastError();
        return false;
    }
    *value = query.value(0).toInt();
    return true;
}

bool hasAnyTable(QSqlDatabase &db)
{
    QSqlQuery query(db);
    return query.exec(QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' LIMIT 1")) && query.next();
}

} // namespace

CaseDatabase::CaseDatabase(QString path, QString connectionName)
    : m_path(std::move(path))
    , m_connectionName(std::move(connectionName))
{
}

CaseDatabase::~CaseDatabase()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase CaseDatabase::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

bool CaseDatabase::setBulkLoading(bool bulk)
{
    QSqlQuery query(connection());
    return query.exec(bulk ? QStringLiteral("PRAGMA synchronous = OFF") : QStringLiteral("PRAGMA synchronous = FULL"));
}

QString CaseDatabase::diagnose() const
{
    QSqlQuery query(connection());
    if (!query.exec(QStringLiteral("PRAGMA quick_check(1)"))) {
        const OpenResult failed = classify(query.lastError(), m_path);
        return failed.error == OpenError::Corrupt || failed.error == OpenError::NotADatabase ? failed.message : QString();
    }
    if (!query.next() || query.value(0).toString() != QLatin1String("ok"))
        return classify(QSqlError({}, {}, QSqlError::StatementError, QString::number(kSqliteCorrupt)), m_path).message;
    query.finish();
    // Whether another connection holds the write lock right now, without waiting for it.
    if (!query.exec(QStringLiteral("PRAGMA busy_timeout = 0")))
        return {};
    QString message;
    if (query.exec(QStringLiteral("BEGIN IMMEDIATE")))
        query.exec(QStringLiteral("ROLLBACK"));
    else if (classify(query.lastError(), m_path).error == OpenError::Locked)
        message = classify(query.lastError(), m_path).message;
    query.exec(QStringLiteral("PRAGMA busy_timeout = %1").arg(kBusyTimeoutMs));
    return message;
}

int CaseDatabase::schemaVersion() const
{
    return Migrations::currentVersion(connection());
}

std::unique_ptr<CaseDatabase> CaseDatabase::open(const QString &path, OpenMode mode, OpenResult *result)
{
    OpenResult scratch;
    OpenResult &outcome = result ? *result : scratch;
    outcome = {};

    const QFileInfo info(path);
    if (!info.exists()) {
        if (mode == OpenMode::ExistingOnly) {
            outcome = {OpenError::NotFound, QStringLiteral("%1 does not exist.").arg(path)};
            return nullptr;
        }
        if (!QDir().mkpath(info.absolutePath())) {
            outcome = {OpenError::Io, QStringLiteral("Could not create the folder %1.").arg(info.absolutePath())};
            return nullptr;
        }
        outcome = createPrivateFile(path);
        if (!outcome.ok())
            return nullptr;
    } else {
        if (info.isDir()) {
            outcome = {OpenError::NotADatabase, QStringLiteral("%1 is a folder, not a case database.").arg(path)};
            return nullptr;
        }
        outcome = checkHeader(path);
        if (!outcome.ok())
            return nullptr;
        if (!info.isWritable()) {
            outcome = {OpenError::ReadOnly,
                       QStringLiteral("%1 is read-only; decisions could not be saved. "
                                      "Copy it to a writable folder first.")
                           .arg(path)};
            return nullptr;
        }
    }

    std::unique_ptr<CaseDatabase> database(new CaseDatabase(info.absoluteFilePath(), newConnectionName()));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), database->m_connectionName);
    db.setDatabaseName(database->m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMs));
    if (!db.open()) {
        outcome = classify(db.lastError(), path);
        return nullptr;
    }

    // Read what the file is before changing anything in it.
    QSqlError error;
    int applicationId = 0;
    int version = 0;
    if (!pragmaInt(db, QStringLiteral("application_id"), &applicationId, &error)
        || !pragmaInt(db, QStringLiteral("user_version"), &version, &error)) {
        outcome = classify(error, path);
        return nullptr;
    }
    if (applicationId != kApplicationId && (applicationId != 0 || hasAnyTable(db))) {
        outcome = {OpenError::NotACaseDatabase,
                   QStringLiteral("%1 is an SQLite database of another program, not a ContactGuard case database.")
                       .arg(path)};
        return nullptr;
    }
    if (version > Migrations::latestVersion()) {
        outcome = {OpenError::TooNew,
                   QStringLiteral("%1 was written by a newer version of ContactGuard (schema %2; this version "
                                  "reads up to %3). It was left untouched; update ContactGuard to open it.")
                       .arg(path)
                       .arg(version)
                       .arg(Migrations::latestVersion())};
        return nullptr;
    }

    QSqlQuery query(db);
    QStringList settings = {
        QStringLiteral("PRAGMA foreign_keys = ON"),
        QStringLiteral("PRAGMA journal_mode = WAL"),
        // Decisions are evidence: wait for the disk on every commit.
        QStringLiteral("PRAGMA synchronous = FULL"),
    };
    // Setting it writes the file even when unchanged: only a new file gets it, so opening
    // an existing one writes nothing (it is not blocked by another program writing, and
    // a damaged file is not written to).
    if (applicationId != kApplicationId)
        settings.append(QStringLiteral("PRAGMA application_id = %1").arg(kApplicationId));
    for (const QString &statement : std::as_const(settings)) {
        if (!query.exec(statement)) {
            outcome = classify(query.lastError(), path);
            return nullptr;
        }
    }
    const QString migrationError = Migrations::migrate(db);
    if (!migrationError.isEmpty()) {
        outcome = {OpenError::Io, QStringLiteral("%1: %2").arg(path, migrationError)};
        return nullptr;
    }
    return database;
}

} // namespace cg
