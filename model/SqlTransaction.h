#pragma once

#include <QSqlDatabase>
#include <QString>

namespace cg {

// A write transaction that rolls back unless committed. On SQLite it takes the
// write lock up front (BEGIN IMMEDIATE) so two writers queue on the busy timeout
// instead of failing half-way when a read lock cannot be upgraded.
class SqlTransaction final
{
public:
    explicit SqlTransaction(QSqlDatabase db);
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
