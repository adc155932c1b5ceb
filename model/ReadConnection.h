#pragma once

#include <QSqlDatabase>
#include <QString>

namespace cg {

// A short-lived, read-only connection to a case database for one piece of work on
// a worker thread (Qt Sql connections belong to the thread that opened them). WAL
// lets it read while the GUI thread's connection writes.
class ReadConnection final
{
public:
    explicit ReadConnection(const QString &path);
    ~ReadConnection();
    ReadConnection(const ReadConnection &) = delete;
    ReadConnection &operator=(const ReadConnection &) = delete;

    bool isOpen() const;
    QString error() const { return m_error; }
    QSqlDatabase database() const;

private:
    QString m_name;
    QString m_error;
};

} // namespace cg
