#pragma once

#include <QSqlDatabase>
#include <QString>

namespace cg {

// A transaction that rolls back unless committed. A write transaction on SQLite
// takes the write lock up front (BEGIN IMMEDIATE) so two writers queue on the busy
// timeout instead of failing half-way when a read lock cannot be upgraded. A read
// transaction is a consistent snapshot that never blocks writers (WAL).
class SqlTransaction final
{
public:
    enum class Kind { Write, Read };

    explicit SqlTransaction(QSqlDatabase db, Kind kind = Kind::Write);
    ~SqlTransaction();
    SqlTransaction(const SqlTransaction &) = delete;
    SqlTransaction &operator=(const SqlTransaction &) = delete;

    bool isActive() const { return m_active; }
    QString error() const { return m_error; }
    bool commit();

private:
    QSqlDatabase m_db;
    bool m_active = false;
    QString m_error;
};

} // namespace cg
