#include "Scanner.h"

#include "AuditLog.h"
#include "Detector.h"
#include "SqlTransaction.h"
#include "SqlValues.h"

#include <QJsonObject>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QThreadPool>
#include <QVariant>
#include <QtConcurrent/QtConcurrentMap>

#include <map>

namespace cg {

namespace {

constexpr int kBatchSize = 512;

struct PendingMessage
{
    qint64 id = 0;
    qint64 conversationId = 0;
    QString body;
    DetectedSpans spans;
};

// How much a detail of each type adds to a case's risk: direct channels weigh most.
double riskWeight(const QString &type)
{
    static const std::map<QString, double> weights = {
        {QStringLiteral("phone"), 1.0},    {QStringLiteral("email"), 1.0},
        {QStringLiteral("messenger"), 1.0}, {QStringLiteral("payment"), 1.0},
        {QStringLiteral("social"), 0.85},  {QStringLiteral("address"), 0.85},
        {QStringLiteral("form"), 0.85},    {QStringLiteral("contact_request"), 0.8},
        {QStringLiteral("url"), 0.5},
    };
    const auto found = weights.find(type);
    return found == weights.end() ? 0.5 : found->second;
}

QString scopeCondition(ScanScope scope)
{
    return scope == ScanScope::All ? QStringLiteral("1 = 1")
                                   : QStringLiteral("(scanned_with IS NULL OR scanned_with <> :version)");
}

} // namespace

Scanner::Scanner(QSqlDatabase db, const Detector &detector, QString actor)
    : m_db(std::move(db))
    , m_detector(detector)
    , m_actor(std::move(actor))
{
}

QString Scanner::refreshSummary(QSqlDatabase &db, qint64 conversationId)
{
    QSqlQuery spans(db);
    spans.prepare(QStringLiteral("SELECT d.type, d.confidence FROM detections d JOIN messages m ON m.id = d.message_id "
                                 "WHERE m.conversation_id = ?"));
    spans.addBindValue(conversationId);
    if (!spans.exec())
        return spans.lastError().text();
    QStringList types;
    double calm = 1.0; // probability that none of the spans is a real contact detail
    while (spans.next()) {
        const QString type = spans.value(0).toString();
        if (!types.contains(type))
            types.append(type);
        calm *= 1.0 - std::clamp(spans.value(1).toDouble() * riskWeight(type), 0.0, 1.0);
    }
    types.sort();
    QSqlQuery update(db);
    // New spans make the stored suggestion stale: the assessment runs again.
    update.prepare(QStringLiteral(
        "UPDATE conversations SET contact_types = ?, risk = ?, assessed_with = NULL WHERE id = ?"));
    update.addBindValue(sqlText(types.join(QLatin1Char(','))));
    update.addBindValue(1.0 - calm);
    update.addBindValue(conversationId);
    if (!update.exec())
        return update.lastError().text();
    return {};
}

QString Scanner::markAllForRescan()
{
    SqlTransaction transaction(m_db);
    if (!transaction.isActive())
        return transaction.error();
    QSqlQuery reset(m_db);
    if (!reset.exec(QStringLiteral("UPDATE messages SET scanned_with = NULL WHERE scanned_with IS NOT NULL")))
        return reset.lastError().text();
    const QString error = AuditLog::append(m_db, m_actor, QStringLiteral("rescan"), QStringLiteral("messages"),
                                           QStringLiteral("all"),
                                           QJsonObject{{QStringLiteral("messages"), reset.numRowsAffected()}});
    if (!error.isEmpty())
        return error;
    return transaction.commit() ? QString() : transaction.error();
}

ScanOutcome Scanner::scan(ScanScope scope, int threads, const Progress &progress, const CancelCheck &isCancelled)
{
    ScanOutcome outcome;
    const QString version = Detector::version();
    if (scope == ScanScope::All) {
        // Everything is marked for a rescan first, in one step; the scan proper then
        // works through pending messages, so an interrupted rescan resumes too.
        outcome.error = markAllForRescan();
        if (!outcome.error.isEmpty())
            return outcome;
        scope = ScanScope::Pending;
    }

    QSqlQuery count(m_db);
    count.prepare(QStringLiteral("SELECT COUNT(*) FROM messages WHERE ") + scopeCondition(scope));
    if (scope == ScanScope::Pending)
        count.bindValue(QStringLiteral(":version"), version);
    if (!count.exec() || !count.next()) {
        outcome.error = count.lastError().text();
        return outcome;
    }
    const qint64 total = count.value(0).toLongLong();
    // A statement left open keeps a read snapshot, and then SQLite can never
    // checkpoint: the write-ahead log would grow by the whole scan.
    count.finish();

    QThreadPool pool;
    pool.setMaxThreadCount(std::max(1, threads));
    qint64 lastId = 0;
    while (true) {
        if (isCancelled && isCancelled()) {
            outcome.cancelled = true;
            break;
        }
        QSqlQuery select(m_db);
        select.prepare(QStringLiteral("SELECT id, conversation_id, body FROM messages WHERE id > :last AND ")
                       + scopeCondition(scope) + QStringLiteral(" ORDER BY id LIMIT %1").arg(kBatchSize));
        select.bindValue(QStringLiteral(":last"), lastId);
        if (scope == ScanScope::Pending)
            select.bindValue(QStringLiteral(":version"), version);
        if (!select.exec()) {
            outcome.error = select.lastError().text();
            return outcome;
        }
        QList<PendingMessage> batch;
        while (select.next())
            batch.append({select.value(0).toLongLong(), select.value(1).toLongLong(), select.value(2).toString(), {}});
        select.finish();
        if (batch.isEmpty())
            break;
        lastId = batch.constLast().id;

        // Blocks of consecutive messages: Detector::detect(QStringList) runs each
        // of its stages over a block at a time.
        constexpr qsizetype kBlock = 128;
        QList<std::pair<qsizetype, qsizetype>> blocks; // first message, count
        for (qsizetype first = 0; first < batch.size(); first += kBlock)
            blocks.append({first, std::min(kBlock, batch.size() - first)});
        PendingMessage *const messages = batch.data(); // detached here, once, before the threads
        QtConcurrent::blockingMap(&pool, blocks, [this, messages](const std::pair<qsizetype, qsizetype> &block) {
            QStringList bodies;
            bodies.reserve(block.second);
            for (qsizetype i = block.first; i < block.first + block.second; ++i)
                bodies.append(messages[i].body);
            const QList<DetectedSpans> spans = m_detector.detect(bodies);
            for (qsizetype i = 0; i < block.second; ++i)
                messages[block.first + i].spans = spans.at(i);
        });

        SqlTransaction transaction(m_db);
        if (!transaction.isActive()) {
            outcome.error = transaction.error();
            return outcome;
        }
        QSqlQuery clear(m_db);
        clear.prepare(QStringLiteral("DELETE FROM detections WHERE message_id = ?"));
        QSqlQuery insert(m_db);
        insert.prepare(QStringLiteral(
            "INSERT INTO detections (message_id, detector_version, type, start_pos, end_pos, matched_text, value, "
            "confidence, obfuscated, rule, explanation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        QSqlQuery mark(m_db);
        mark.prepare(QStringLiteral("UPDATE messages SET scanned_with = ? WHERE id = ?"));
        QSet<qint64> conversations;
        qint64 batchSpans = 0;
        for (const PendingMessage &message : std::as_const(batch)) {
            clear.addBindValue(message.id);
            if (!clear.exec()) {
                outcome.error = clear.lastError().text();
                return outcome;
            }
            for (const DetectedSpan &span : message.spans) {
                for (const QVariant &value :
                     {QVariant(message.id), QVariant(version), QVariant(contactTypeName(span.type)),
                      QVariant(span.start), QVariant(span.end), sqlText(span.text), sqlText(span.value),
                      QVariant(span.confidence), QVariant(span.obfuscated ? 1 : 0), sqlText(span.rule),
                      sqlText(span.explanation)})
                    insert.addBindValue(value);
                if (!insert.exec()) {
                    outcome.error = insert.lastError().text();
                    return outcome;
                }
                ++batchSpans;
            }
            mark.addBindValue(version);
            mark.addBindValue(message.id);
            if (!mark.exec()) {
                outcome.error = mark.lastError().text();
                return outcome;
            }
            conversations.insert(message.conversationId);
        }
        for (const qint64 conversationId : std::as_const(conversations)) {
            const QString error = refreshSummary(m_db, conversationId);
            if (!error.isEmpty()) {
                outcome.error = error;
                return outcome;
            }
        }
        outcome.error = AuditLog::appendAndCommit(
            transaction, m_db, m_actor, QStringLiteral("scan"), QStringLiteral("messages"),
            QStringLiteral("%1-%2").arg(batch.constFirst().id).arg(lastId),
            QJsonObject{{QStringLiteral("detector"), version},
                        {QStringLiteral("messages"), static_cast<qint64>(batch.size())},
                        {QStringLiteral("spans"), batchSpans}});
        if (!outcome.error.isEmpty())
            return outcome;
        outcome.messagesScanned += batch.size();
        outcome.spansFound += batchSpans;
        if (progress)
            progress(outcome.messagesScanned, total);
    }
    outcome.ok = true;
    return outcome;
}

} // namespace cg
