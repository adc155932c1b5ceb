#include "DecisionExporter.h"

#include "AuditLog.h"
#include "ContactMasker.h"
#include "CsvWriter.h"
#include "SqlTransaction.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace cg {

namespace {

// Column name and whether it holds free text that may carry contact details.
struct Column
{
    const char *name;
    bool freeText;
    bool integer;
};

constexpr Column kColumns[] = {
    {"decision_id", false, true},
    {"kind", false, false},
    {"decided_at", false, false},
    {"case_id", false, true},
    {"case_external_id", false, false},
    {"subject", false, false},
    {"subject_role", false, false},
    {"moderator", false, false},
    {"verdict", false, false},
    {"basis", false, false},
    {"penalty", false, false},
    {"penalty_lifted_at", false, false},
    {"reverses_decision_id", false, true},
    {"reversed_by_decision_id", false, true},
    {"case_version", false, true},
    {"note", true, false},
};

const QString kSelect = QStringLiteral(
    "SELECT d.id, CASE WHEN d.reverses_decision_id IS NULL THEN 'decision' ELSE 'reversal' END, d.decided_at, "
    "c.id, c.external_id, p.external_id, p.role, m.name, d.verdict, d.basis, COALESCE(d.penalty, ''), "
    "COALESCE(pen.lifted_at, ''), d.reverses_decision_id, "
    "(SELECT r.id FROM decisions r WHERE r.reverses_decision_id = d.id), d.case_version, d.note "
    "FROM decisions d JOIN conversations c ON c.id = d.conversation_id JOIN people p ON p.id = d.subject_id "
    "JOIN moderators m ON m.id = d.moderator_id LEFT JOIN penalties pen ON pen.decision_id = d.id");

} // namespace

DecisionExporter::DecisionExporter(QSqlDatabase db, const Detector &detector)
    : m_db(std::move(db))
    , m_detector(detector)
{
}

QStringList DecisionExporter::columns()
{
    QStringList names;
    for (const Column &column : kColumns)
        names.append(QString::fromLatin1(column.name));
    return names;
}

ExportOutcome DecisionExporter::exportTo(const QString &path, const ExportRequest &request, const Progress &progress,
                                        const CancelCheck &isCancelled)
{
    ExportOutcome outcome;
    // One snapshot for the count and the rows; moderators keep deciding meanwhile.
    SqlTransaction snapshot(m_db, SqlTransaction::Kind::Read);
    if (!snapshot.isActive()) {
        outcome.error = snapshot.error();
        return outcome;
    }

    QString sql = kSelect;
    QStringList conditions;
    QVariantList values;
    const DecisionFilter filter = request.filter();
    filter.appendConditions(&conditions, &values);
    const QJsonObject filters = filter.describe();
    sql += QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
    qint64 total = 0;
    if (progress) {
        QSqlQuery count(m_db);
        count.prepare(QStringLiteral("SELECT COUNT(*) FROM (%1) AS selected").arg(sql));
        for (const QVariant &value : std::as_const(values))
            count.addBindValue(value);
        if (count.exec() && count.next())
            total = count.value(0).toLongLong();
    }
    sql += QStringLiteral(" ORDER BY d.decided_at, d.id");
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(sql);
    for (const QVariant &value : std::as_const(values))
        query.addBindValue(value);
    if (!query.exec()) {
        outcome.error = query.lastError().text();
        return outcome;
    }

    const bool newFile = !QFileInfo::exists(path);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        outcome.error = QStringLiteral("Could not write %1: %2").arg(path, file.errorString());
        return outcome;
    }
    // The log is evidence about people: a new export is readable by its owner only
    // (before anything is written); an existing file keeps the permissions it had.
    if (newFile && !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        outcome.error = QStringLiteral("Could not make %1 private: %2").arg(path, file.errorString());
        return outcome;
    }
    QCryptographicHash digest(QCryptographicHash::Sha256);
    const auto write = [&file, &digest](const QByteArray &bytes) {
        digest.addData(bytes);
        file.write(bytes);
    };
    const ContactMasker masker(m_detector);
    const QStringList names = columns();
    if (request.format == ExportFormat::Csv)
        write(CsvWriter::row(names));
    while (query.next()) {
        if (isCancelled && isCancelled()) {
            outcome.cancelled = true;
            outcome.error = QStringLiteral("The export was cancelled; nothing was written.");
            return outcome; // the QSaveFile is discarded
        }
        QStringList cells;
        QJsonObject object;
        for (int i = 0; i < names.size(); ++i) {
            const Column &column = kColumns[i];
            const QVariant value = query.value(i);
            QString text = value.isNull() ? QString() : value.toString();
            if (column.freeText && !request.unmasked)
                text = masker.mask(text);
            cells.append(text);
            if (column.integer)
                object.insert(names.at(i), value.isNull() ? QJsonValue() : QJsonValue(value.toLongLong()));
            else
                object.insert(names.at(i), text);
        }
        if (request.format == ExportFormat::Csv)
            write(CsvWriter::row(cells));
        else
            write(QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n');
        ++outcome.rows;
        if (progress && outcome.rows % 256 == 0)
            progress(outcome.rows, total);
    }
    outcome.sha256 = QString::fromLatin1(digest.result().toHex());
    query.finish();
    snapshot.commit();

    SqlTransaction transaction(m_db);
    if (!transaction.isActive()) {
        outcome.error = transaction.error();
        return outcome;
    }

    const QString auditError = AuditLog::append(
        m_db, request.actor, QStringLiteral("export"), QStringLiteral("decisions"),
        QFileInfo(path).fileName(),
        QJsonObject{{QStringLiteral("format"), request.format == ExportFormat::Csv ? QStringLiteral("csv")
                                                                                   : QStringLiteral("jsonl")},
                    {QStringLiteral("rows"), outcome.rows},
                    {QStringLiteral("masked"), !request.unmasked},
                    {QStringLiteral("filters"), filters},
                    {QStringLiteral("sha256"), outcome.sha256}});
    if (!auditError.isEmpty()) {
        outcome.error = auditError;
        return outcome; // the QSaveFile is discarded: no file without its entry
    }
    if (!file.commit()) {
        outcome.error = QStringLiteral("Could not write %1: %2").arg(path, file.errorString());
        return outcome;
    }
    if (!transaction.commit()) {
        QFile::remove(path);
        outcome.error = transaction.error();
        return outcome;
    }
    outcome.ok = true;
    return outcome;
}

} // namespace cg
