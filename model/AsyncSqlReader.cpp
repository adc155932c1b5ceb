#include "AsyncSqlReader.h"

#include "ReadConnection.h"

#include <QFuture>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QtConcurrent/QtConcurrentRun>

namespace cg {

namespace {
struct Result
{
    AsyncSqlReader::Rows rows;
    QString error;
};
} // namespace

AsyncSqlReader::AsyncSqlReader(QObject *parent)
    : QObject(parent)
{
    // One query at a time, in the order asked; a stale one finishes and is ignored.
    m_pool.setMaxThreadCount(1);
}

AsyncSqlReader::~AsyncSqlReader()
{
    m_pool.waitForDone();
}

void AsyncSqlReader::setDatabasePath(const QString &path)
{
    m_path = path;
    reset();
}

void AsyncSqlReader::reset()
{
    ++m_generation;
}

void AsyncSqlReader::read(const Query &query, Handler handler)
{
    const quint64 generation = m_generation;
    QtConcurrent::run(&m_pool,
                      [](const QString &path, const Query &q) {
                          Result result;
                          result.rows = readNow(path, q, &result.error);
                          return result;
                      },
                      m_path, query)
        .then(this, [this, generation, handler = std::move(handler)](const Result &result) {
            if (generation == m_generation)
                handler(result.rows, result.error);
        });
}

AsyncSqlReader::Rows AsyncSqlReader::readNow(const QString &path, const Query &query, QString *error)
{
    Rows rows;
    ReadConnection connection(path);
    if (!connection.isOpen()) {
        *error = connection.error();
        return rows;
    }
    QSqlQuery q(connection.database());
    q.setForwardOnly(true);
    q.prepare(query.sql);
    for (const QVariant &value : query.values)
        q.addBindValue(value);
    if (!q.exec()) {
        *error = q.lastError().text();
        return rows;
    }
    const int columns = q.record().count();
    while (q.next()) {
        QVariantList row;
        row.reserve(columns);
        for (int column = 0; column < columns; ++column)
            row.append(q.value(column));
        rows.append(row);
    }
    return rows;
}

} // namespace cg
