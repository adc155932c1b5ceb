#include "AssessmentStore.h"

#include "Assessment.h"
#include "AuditLog.h"
#include "CaseRecordLoader.h"
#include "Detector.h"
#include "PolicyAssessor.h"
#include "SqlTransaction.h"
#include "SqlValues.h"
#include "Timestamps.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QThreadPool>
#include <QVariant>
#include <QtConcurrent/QtConcurrentMap>

namespace cg {

namespace {

constexpr int kBatchSize = 256;

struct PendingCase
{
    qint64 id = 0;
    LoadedCase loaded;
    Assessment assessment;
};

QString compactJson(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QString evidenceJson(const Assessment &assessment)
{
    QJsonArray array;
    for (const AssessmentEvidence &evidence : assessment.evidence) {
        array.append(QJsonObject{{QStringLiteral("message_id"), evidence.messageId},
                                 {QStringLiteral("start"), evidence.start},
                                 {QStringLiteral("end"), evidence.end},
                                 {QStringLiteral("text"), evidence.text},
                                 {QStringLiteral("supports"), basisName(evidence.supports)}});
    }
    return compactJson(array);
}

QString spansJson(const Assessment &assessment)
{
    QJsonArray array;
    for (const AssessmentSpan &item : assessment.spans) {
        array.append(QJsonObject{{QStringLiteral("message_id"), item.messageId},
                                 {QStringLiteral("type"), contactTypeName(item.span.type)},
                                 {QStringLiteral("start"), item.span.start},
                                 {QStringLiteral("end"), item.span.end},
                                 {QStringLiteral("text"), item.span.text}});
    }
    return compactJson(array);
}

// The queue's priority: what the policy says first, then how sure it is. A likely
// violation outranks a likely exception, which outranks details that are allowed.
double priority(const Assessment &assessment)
{
    const double confidence = std::clamp(assessment.confidence, 0.0, 1.0);
    switch (assessment.verdict) {
    case Verdict::Violation: return 0.6 + 0.4 * confidence;
    case Verdict::Exception: return 0.35 + 0.2 * confidence;
    case Verdict::Allowed: return 0.1 + 0.15 * confidence;
    case Verdict::NoContact: return 0.05 * confidence;
    }
    return 0.0;
}

} // namespace

AssessmentStore::AssessmentStore(QSqlDatabase db, const PolicyAssessor &assessor, QString actor)
    : m_db(std::move(db))
    , m_assessor(assessor)
    , m_actor(std::move(actor))
{
}

QString AssessmentStore::version()
{
    return QStringLiteral("assessment-1/") + Detector::version();
}

AssessOutcome AssessmentStore::assessPending(int threads, const Progress &progress, const CancelCheck &isCancelled)
{
    AssessOutcome outcome;
    const QString currentVersion = version();
    const QString pending = QStringLiteral("(assessed_with IS NULL OR assessed_with <> ?)");

    QSqlQuery count(m_db);
    count.prepare(QStringLiteral("SELECT COUNT(*) FROM conversations WHERE ") + pending);
    count.addBindValue(currentVersion);
    if (!count.exec() || !count.next()) {
        outcome.error = count.lastError().text();
        return outcome;
    }
    const qint64 total = count.value(0).toLongLong();
    count.finish(); // an open statement would keep a snapshot and stop checkpoints

    QThreadPool pool;
    pool.setMaxThreadCount(std::max(1, threads));
    qint64 lastId = 0;
    while (true) {
        if (isCancelled && isCancelled()) {
            outcome.cancelled = true;
            break;
        }
        QSqlQuery select(m_db);
        select.prepare(QStringLiteral("SELECT id FROM conversations WHERE id > ? AND ") + pending
                       + QStringLiteral(" ORDER BY id LIMIT %1").arg(kBatchSize));
        select.addBindValue(lastId);
        select.addBindValue(currentVersion);
        if (!select.exec()) {
            outcome.error = select.lastError().text();
            return outcome;
        }
        QList<PendingCase> batch;
        while (select.next())
            batch.append({select.value(0).toLongLong(), {}, {}});
        select.finish();
        if (batch.isEmpty())
            break;
        lastId = batch.constLast().id;

        for (PendingCase &pendingCase : batch) {
            std::optional<LoadedCase> loaded = CaseRecordLoader::load(m_db, pendingCase.id, &outcome.error);
            if (!loaded)
                return outcome;
            pendingCase.loaded = std::move(*loaded);
        }
        // The rules run in parallel; the database is touched from this thread only.
        QtConcurrent::blockingMap(&pool, batch, [this](PendingCase &pendingCase) {
            pendingCase.assessment = m_assessor.assess(pendingCase.loaded.record, pendingCase.loaded.spans);
        });

        SqlTransaction transaction(m_db);
        if (!transaction.isActive()) {
            outcome.error = transaction.error();
            return outcome;
        }
        QSqlQuery clear(m_db);
        clear.prepare(QStringLiteral("DELETE FROM assessments WHERE conversation_id = ?"));
        QSqlQuery insert(m_db);
        insert.prepare(QStringLiteral(
            "INSERT INTO assessments (conversation_id, assessor_version, verdict, basis, confidence, evidence, "
            "recommended_penalty, explanation, created_at, spans) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        QSqlQuery mark(m_db);
        mark.prepare(QStringLiteral(
            "UPDATE conversations SET suggested_verdict = ?, risk = ?, assessed_with = ? WHERE id = ?"));
        QJsonObject verdicts;
        for (const PendingCase &pendingCase : std::as_const(batch)) {
            const Assessment &assessment = pendingCase.assessment;
            QStringList basis;
            for (const Basis item : assessment.basis)
                basis.append(basisName(item));
            clear.addBindValue(pendingCase.id);
            for (const QVariant &value :
                 {QVariant(pendingCase.id), QVariant(currentVersion), QVariant(verdictName(assessment.verdict)),
                  sqlText(basis.join(QLatin1Char(','))), QVariant(assessment.confidence),
                  QVariant(evidenceJson(assessment)), sqlOptionalText(assessment.recommendedPenalty),
                  sqlText(assessment.explanation), QVariant(nowStoredTime()), QVariant(spansJson(assessment))})
                insert.addBindValue(value);
            for (const QVariant &value : {QVariant(verdictName(assessment.verdict)), QVariant(priority(assessment)),
                                          QVariant(currentVersion), QVariant(pendingCase.id)})
                mark.addBindValue(value);
            const auto run = [&](QSqlQuery &query) {
                if (query.exec())
                    return true;
                outcome.error = QStringLiteral("case %1: %2").arg(pendingCase.id).arg(query.lastError().text());
                return false;
            };
            if (!run(clear) || !run(insert) || !run(mark))
                return outcome;
            const QString verdict = verdictName(assessment.verdict);
            verdicts.insert(verdict, verdicts.value(verdict).toInt() + 1);
        }
        outcome.error = AuditLog::appendAndCommit(
            transaction, m_db, m_actor, QStringLiteral("assess"), QStringLiteral("conversations"),
            QStringLiteral("%1-%2").arg(batch.constFirst().id).arg(lastId),
            QJsonObject{{QStringLiteral("assessor"), currentVersion},
                        {QStringLiteral("conversations"), static_cast<qint64>(batch.size())},
                        {QStringLiteral("verdicts"), verdicts}});
        if (!outcome.error.isEmpty())
            return outcome;
        outcome.conversationsAssessed += batch.size();
        if (progress)
            progress(outcome.conversationsAssessed, total);
    }
    outcome.ok = true;
    return outcome;
}

} // namespace cg
