#pragma once

#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace cg {

// Why a case database could not be opened. Each kind gets its own message so the
// app's message bar and the CLI can say exactly what is wrong and where.
enum class OpenError {
    None,
    NotFound,        // the file does not exist (and creating it was not asked for)
    NotADatabase,    // not an SQLite file at all
    NotACaseDatabase,// an SQLite file of some other program
    TooNew,          // written by a newer ContactGuard: refused, left untouched
    Corrupt,
    Locked,
    ReadOnly,
    Io,
};

struct OpenResult
{
    OpenError error = OpenError::None;
    QString message;
    bool ok() const { return error == OpenError::None; }
};

enum class OpenMode {
    ExistingOnly,
    CreateIfMissing,
};

// One connection to a case database file, opened on the calling thread. Worker
// threads open their own CaseDatabase on the same path (Qt Sql connections are
// per thread). Opening checks what the file is, applies the connection settings
// and brings the schema up to date. A new file is created readable by its owner only
// (0600, whatever the umask), and so are SQLite's side files; an existing file keeps
// the permissions it has.
class CaseDatabase final
{
public:
    static std::unique_ptr<CaseDatabase> open(const QString &path, OpenMode mode, OpenResult *result);
    ~CaseDatabase();
    CaseDatabase(const CaseDatabase &) = delete;
    CaseDatabase &operator=(const CaseDatabase &) = delete;

    QSqlDatabase connection() const;

    // Skips waiting for the disk on commit. Only for building a file nobody sees
    // yet (it is renamed into place when complete): a crash loses the whole file,
    // which is then rebuilt, never a part of it.
    bool setBulkLoading(bool bulk);
    QString path() const { return m_path; }
    int schemaVersion() const;

    // Asked after an operation failed, to say why in terms a user can act on: a message
    // naming the file when it is damaged (SQLite's quick check) or another program holds
    // its write lock; empty otherwise.
    QString diagnose() const;

    // Written into the SQLite header so other programs' files are recognised.
    static constexpr int kApplicationId = 0x43474442; // "CGDB"

private:
    CaseDatabase(QString path, QString connectionName);

    QString m_path;
    QString m_connectionName;
};

} // namespace cg
