#include "ReadConnection.h"

#include <QAtomicInteger>
#include <QSqlError>

namespace cg {

ReadConnection::ReadConnection(const QString &path)
{
    static QAtomicInteger<quint64> counter;
    m_name = QStringLiteral("contactguard-read-%1").arg(counter.fetchAndAddRelaxed(1));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open())
        m_error = db.lastError().text();
}

ReadConnection::~ReadConnection()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}

bool ReadConnection::isOpen() const
{
    return m_error.isEmpty() && database().isOpen();
}

QSqlDatabase ReadConnection::database() const
{
    return QSqlDatabase::database(m_name, false);
}

} // namespace cg
