#include "SqlTransaction.h"

#include <QSqlError>
#include <QSqlQuery>

namespace cg {

SqlTransaction::SqlTransaction(QSqlDatabase db, Kind kind)
    : m_db(std::move(db))
{
    QSqlQuery begin(m_db);
    const bool sqlite = m_db.driverName() == QLatin1String("QSQLITE");
    m_active = begin.exec(sqlite && kind == Kind::Write ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN"));
    if (!m_active)
        m_error = begin.lastError().text();
}

SqlTransaction::~SqlTransaction()
{
    if (m_active) {
        QSqlQuery rollback(m_db);
        rollback.exec(QStringLiteral("ROLLBACK"));
    }
}

bool SqlTransaction::commit()
{
    if (!m_active)
        return false;
    QSqlQuery commitQuery(m_db);
    if (!commitQuery.exec(QStringLiteral("COMMIT"))) {
        m_error = commitQuery.lastError().text();
        return false;
    }
    m_active = false;
    return true;
}

} // namespace cg
