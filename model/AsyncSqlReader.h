#pragma once

#include <QObject>
#include <QString>
#include <QThreadPool>
#include <QVariantList>
#include <QVector>

#include <functional>

namespace cg {

// Runs read queries for an item model on a worker thread, each through its own
// read-only connection, and hands the rows back on the model's thread. A reset()
// makes every query still running stale: its rows are dropped, so results of an
// old filter or sort never land in the new one.
class AsyncSqlReader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AsyncSqlReader)

public:
    struct Query
    {
        QString sql;
        QVariantList values;
    };
    using Rows = QVector<QVariantList>;
    using Handler = std::function<void(const Rows &rows, const QString &error)>;

    explicit AsyncSqlReader(QObject *parent = nullptr);
    ~AsyncSqlReader() override;

    void setDatabasePath(const QString &path);
    QString databasePath() const { return m_path; }
    void reset();

    // Runs `query`; calls `handler` on this object's thread unless reset() came first.
    void read(const Query &query, Handler handler);

    static Rows readNow(const QString &path, const Query &query, QString *error);

private:
    QString m_path;
    quint64 m_generation = 0;
    QThreadPool m_pool;
};

} // namespace cg
