#include "AuditLog.h"
#include "CaseDatabase.h"
#include "CaseImporter.h"
#include "ContactMasker.h"
#include "CsvReader.h"
#include "DecisionExporter.h"
#include "DecisionService.h"
#include "Detector.h"
#include "TestRecords.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace cg;

namespace {
const QString kTrickyNote = QStringLiteral("=cmd|' /C calc'!A0, then \"quoted\"\nline two; mail jane.doe@gmail.com or "
                                           "call +1 415 555 0132");
}

class TestExport : public QObject
{
    Q_OBJECT

private:
    QList<CsvRecord> readCsv(const QString &path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        CsvReader reader(file);
        QList<CsvRecord> records;
        CsvRecord record;
        while (reader.next(&record))
            records.append(record);
        return records;
    }

    void decide(qint64 caseId, const QString &verdict, const QString &moderator, const QString &note,
                const QDateTime &at)
    {
        DecisionRequest request;
        request.caseId = caseId;
        request.verdict = verdict;
        request.moderator = moderator;
        request.note = note;
        request.decidedAt = at;
        const DecisionOutcome outcome = DecisionService(m_db->connection()).record(request);
        QVERIFY2(outcome.recorded(), qPrintable(outcome.message));
    }

    int auditEntries()
    {
        QSqlQuery query(m_db->connection());
        return query.exec(QStringLiteral("SELECT COUNT(*) FROM audit_log")) && query.next() ? query.value(0).toInt() : -1;
    }

private slots:
    void initTestCase() { m_detector = std::make_unique<Detector>(); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        OpenResult result;
        m_db = CaseDatabase::open(m_dir->filePath(QStringLiteral("export.sqlite")), OpenMode::CreateIfMissing, &result);
        QVERIFY2(m_db, qPrintable(result.message));
        for (int i = 0; i < 3; ++i) {
            const ImportOutcome imported = CaseImporter(m_db->connection(), QStringLiteral("t"))
                                               .import(sampleConversation(QStringLiteral("c%1").arg(i), {QStringLiteral("hi")}));
            QVERIFY(imported.ok);
        }
        const QDateTime may1(QDate(2026, 5, 1), QTime(12, 0), QTimeZone::utc());
        decide(1, QStringLiteral("violation"), QStringLiteral("mei"), kTrickyNote, may1);
        decide(2, QStringLiteral("allowed"), QStringLiteral("jonas"), QStringLiteral("-fine-"), may1.addDays(1));
        decide(3, QStringLiteral("violation"), QStringLiteral("jonas"), QStringLiteral("@here"), may1.addDays(2));
    }

    void cleanup() { m_db.reset(); }

    void cancellingLeavesNoFileAndNoEntry()
    {
        const QString path = m_dir->filePath(QStringLiteral("cancelled.csv"));
        const int entriesBefore = auditEntries();
        ExportRequest request;
        request.actor = QStringLiteral("mei");
        qint64 seen = 0;
        const ExportOutcome outcome = DecisionExporter(m_db->connection(), *m_detector)
                                          .exportTo(path, request, {}, [&seen] { return ++seen > 1; });
        QVERIFY(!outcome.ok);
        QVERIFY(outcome.cancelled);
        QVERIFY(!QFile::exists(path));
        QCOMPARE(QDir(m_dir->path()).entryList({QStringLiteral("cancelled*")}, QDir::Files).size(), 0);
        QCOMPARE(auditEntries(), entriesBefore);
    }

    void exportingDoesNotLockOutModeratorsDeciding()
    {
        // Another moderator's connection records a decision while the export is reading.
        OpenResult result;
        auto other = CaseDatabase::open(m_db->path(), OpenMode::ExistingOnly, &result);
        QVERIFY2(other, qPrintable(result.message));
        const ImportOutcome extra = CaseImporter(other->connection(), QStringLiteral("t"))
                                        .import(sampleConversation(QStringLiteral("c9"), {QStringLiteral("hi")}));
        QVERIFY(extra.ok);
        bool decidedMeanwhile = false;
        ExportRequest request;
        request.actor = QStringLiteral("mei");
        const ExportOutcome outcome =
            DecisionExporter(m_db->connection(), *m_detector)
                .exportTo(m_dir->filePath(QStringLiteral("log.csv")), request, {}, [&] {
                    if (!decidedMeanwhile) {
                        DecisionRequest decision;
                        decision.caseId = extra.conversationId;
                        decision.verdict = QStringLiteral("allowed");
                        decision.moderator = QStringLiteral("jonas");
                        decidedMeanwhile = DecisionService(other->connection()).record(decision).recorded();
                    }
                    return false;
                });
        QVERIFY(decidedMeanwhile);
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(outcome.rows, 3); // the snapshot taken before the new decision
        QVERIFY(AuditLog::verify(m_db->connection()).intact);
    }

    void csvRoundTripsWithGuardAndMasking()
    {
        const QString path = m_dir->filePath(QStringLiteral("log.csv"));
        ExportRequest request;
        request.actor = QStringLiteral("auditor");
        const ExportOutcome outcome = DecisionExporter(m_db->connection(), *m_detector).exportTo(path, request);
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(outcome.rows, 3);
        const QList<CsvRecord> records = readCsv(path);
        QCOMPARE(records.size(), 4);
        QCOMPARE(records.at(0).fields, DecisionExporter::columns());
        const qsizetype note = DecisionExporter::columns().indexOf(QStringLiteral("note"));
        for (const CsvRecord &record : records)
            QVERIFY2(record.ok() && record.fields.size() == records.at(0).fields.size(), qPrintable(record.error));
        QCOMPARE(records.at(1).fields.at(note),
                 QStringLiteral("'=cmd|' /C calc'!A0, then \"quoted\"\nline two; mail j***@g****.com or call +1 *** *** 0132"));
        QCOMPARE(records.at(2).fields.at(note), QStringLiteral("'-fine-"));
        QCOMPARE(records.at(3).fields.at(note), QStringLiteral("'@here"));

        QSqlQuery audit(m_db->connection());
        QVERIFY(audit.exec(QStringLiteral("SELECT actor, details FROM audit_log WHERE action = 'export'")) && audit.next());
        QCOMPARE(audit.value(0).toString(), QStringLiteral("auditor"));
        const QJsonObject details = QJsonDocument::fromJson(audit.value(1).toString().toUtf8()).object();
        QCOMPARE(details.value(QStringLiteral("rows")).toInt(), 3);
        QCOMPARE(details.value(QStringLiteral("sha256")).toString(), outcome.sha256);
        QVERIFY(AuditLog::verify(m_db->connection()).intact);
    }

    void unmaskedJsonLinesKeepTheNote()
    {
        const QString path = m_dir->filePath(QStringLiteral("log.jsonl"));
        ExportRequest request;
        request.format = ExportFormat::JsonLines;
        request.unmasked = true;
        request.moderator = QStringLiteral("mei");
        QVERIFY(DecisionExporter(m_db->connection(), *m_detector).exportTo(path, request).ok);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 1);
        const QJsonObject row = QJsonDocument::fromJson(lines.constFirst()).object();
        QCOMPARE(row.value(QStringLiteral("note")).toString(), kTrickyNote);
        QCOMPARE(row.value(QStringLiteral("kind")).toString(), QStringLiteral("decision"));
        QCOMPARE(row.value(QStringLiteral("case_id")).toInt(), 1);
    }

    void filters_data()
    {
        QTest::addColumn<QDate>("from");
        QTest::addColumn<QDate>("to");
        QTest::addColumn<QString>("moderator");
        QTest::addColumn<QString>("verdict");
        QTest::addColumn<int>("rows");
        QTest::newRow("all") << QDate() << QDate() << "" << "" << 3;
        QTest::newRow("from inclusive") << QDate(2026, 5, 2) << QDate() << "" << "" << 2;
        QTest::newRow("to inclusive") << QDate() << QDate(2026, 5, 2) << "" << "" << 2;
        QTest::newRow("one day") << QDate(2026, 5, 2) << QDate(2026, 5, 2) << "" << "" << 1;
        QTest::newRow("moderator") << QDate() << QDate() << "jonas" << "" << 2;
        QTest::newRow("verdict") << QDate() << QDate() << "" << "violation" << 2;
        QTest::newRow("combined") << QDate() << QDate() << "jonas" << "violation" << 1;
        QTest::newRow("nobody") << QDate() << QDate() << "mallory" << "" << 0;
    }

    void filters()
    {
        QFETCH(QDate, from);
        QFETCH(QDate, to);
        QFETCH(QString, moderator);
        QFETCH(QString, verdict);
        QFETCH(int, rows);
        ExportRequest request;
        request.from = from;
        request.to = to;
        request.moderator = moderator;
        request.verdict = verdict;
        const QString path = m_dir->filePath(QStringLiteral("filtered.csv"));
        const ExportOutcome outcome = DecisionExporter(m_db->connection(), *m_detector).exportTo(path, request);
        QVERIFY(outcome.ok);
        QCOMPARE(outcome.rows, rows);
        QCOMPARE(readCsv(path).size(), rows + 1);
    }

    void failedExportLeavesNoFileAndNoEntry()
    {
        const QString path = m_dir->filePath(QStringLiteral("no/such/folder/log.csv"));
        const ExportOutcome outcome = DecisionExporter(m_db->connection(), *m_detector).exportTo(path, {});
        QVERIFY(!outcome.ok);
        QVERIFY(!outcome.error.isEmpty());
        QVERIFY(!QFile::exists(path));
        QSqlQuery query(m_db->connection());
        QVERIFY(query.exec(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'export'")) && query.next());
        QCOMPARE(query.value(0).toInt(), 0);
        // Nothing half-written is left in the folder either.
        QCOMPARE(QDir(m_dir->path()).entryList({QStringLiteral("*.csv*")}, QDir::Files), QStringList());
    }

    void masking_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("masked");
        QTest::newRow("email") << "write to john.smith@gmail.com today" << "write to j***@g****.com today";
        QTest::newRow("phone") << "call +1 415 555 0132" << "call +1 *** *** 0132";
        QTest::newRow("national phone") << "call (415) 555-0132 now" << "call (***) ***-0132 now";
        QTest::newRow("no contact") << "nothing here, thanks" << "nothing here, thanks";
        QTest::newRow("non-ascii around") << QStringLiteral("Grüße – mail anna@example.org ✓")
                                          << QStringLiteral("Grüße – mail a***@e****.org ✓");
    }

    void masking()
    {
        QFETCH(QString, text);
        QFETCH(QString, masked);
        QCOMPARE(ContactMasker(*m_detector).mask(text), masked);
    }

private:
    std::unique_ptr<Detector> m_detector;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CaseDatabase> m_db;
};

QTEST_GUILESS_MAIN(TestExport)
#include "tst_export.moc"
