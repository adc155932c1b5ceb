#include "CaseDatabase.h"
#include "CaseImporter.h"
#include "ConversationModel.h"
#include "Detector.h"
#include "Scanner.h"
#include "TestRecords.h"

#include <QAbstractItemModelTester>
#include <QTimeZone>
#include <QTemporaryDir>
#include <QTest>

using namespace cg;

class TestConversationModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        OpenResult result;
        m_db = CaseDatabase::open(m_dir.filePath(QStringLiteral("c.sqlite")), OpenMode::CreateIfMissing, &result);
        QVERIFY2(m_db, qPrintable(result.message));
        CaseImporter importer(m_db->connection(), QStringLiteral("tester"));
        const ImportOutcome shortCase = importer.import(sampleConversation(
            QStringLiteral("short"), {QStringLiteral("Hello, thanks for the invite."),
                                      QStringLiteral("😀 my mail is ana.k@example.org, call +1 415 555 0132")}));
        QVERIFY2(shortCase.ok, qPrintable(shortCase.error));
        m_shortCase = shortCase.conversationId;
        QStringList many;
        for (int i = 0; i < 1200; ++i)
            many.append(QStringLiteral("message number %1").arg(i));
        const ImportOutcome longCase = importer.import(sampleConversation(QStringLiteral("long"), many));
        QVERIFY2(longCase.ok, qPrintable(longCase.error));
        m_longCase = longCase.conversationId;
        const Detector detector;
        const ScanOutcome scanned = Scanner(m_db->connection(), detector, QStringLiteral("tester")).scan(ScanScope::Pending, 2);
        QVERIFY2(scanned.ok, qPrintable(scanned.error));
    }

    void cleanupTestCase() { m_db.reset(); }

    void showsMessagesWithSpans()
    {
        ConversationModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        tester.setUseFetchMore(false); // paging is driven (and checked) by the test
        model.setCase(m_db->connection(), m_shortCase);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, 0).data(ConversationModel::SenderRoleRole).toString(), QStringLiteral("freelancer"));
        QCOMPARE(model.index(0, 0).data(ConversationModel::SpansRole).value<DetectedSpans>().size(), 0);
        const QString text = model.index(1, 0).data().toString();
        const DetectedSpans spans = model.index(1, 0).data(ConversationModel::SpansRole).value<DetectedSpans>();
        QVERIFY(spans.size() >= 2);
        QSet<ContactType> types;
        for (const DetectedSpan &span : spans) {
            types.insert(span.type);
            // Stored offsets are code points; the emoji makes them differ from UTF-16 indexes.
            const qsizetype from = codePointToUtf16(text, span.start);
            const qsizetype to = codePointToUtf16(text, span.end);
            QCOMPARE(text.mid(from, to - from), span.text);
        }
        QVERIFY(types.contains(ContactType::Email));
        QVERIFY(types.contains(ContactType::Phone));
    }

    void pagesLongConversations()
    {
        ConversationModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        tester.setUseFetchMore(false); // paging is driven (and checked) by the test
        model.setCase(m_db->connection(), m_longCase);
        QCOMPARE(model.rowCount(), ConversationModel::kPageSize);
        while (model.canFetchMore({}))
            model.fetchMore({});
        QCOMPARE(model.rowCount(), 1200);
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.index(row, 0).data().toString(), QStringLiteral("message number %1").arg(row));
    }

    void marksWhereTheContractStartsAndEnds()
    {
        ConversationRecord record = sampleConversation(
            QStringLiteral("contract"), {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d")});
        for (int i = 0; i < record.messages.size(); ++i)
            record.messages[i].sentAt = QDateTime(QDate(2026, 5, 1 + 2 * i), QTime(12, 0), QTimeZone::utc());
        record.contract.status = QStringLiteral("closed");
        record.contract.start = QDate(2026, 5, 3); // the second message is sent that day
        record.contract.end = QDate(2026, 5, 4);   // the third, after it
        record.flaggedAt = QDateTime(QDate(2026, 5, 9), QTime(9, 0), QTimeZone::utc());
        const ImportOutcome imported = CaseImporter(m_db->connection(), QStringLiteral("tester")).import(record);
        QVERIFY2(imported.ok, qPrintable(imported.error));

        ConversationModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCase(m_db->connection(), imported.conversationId);
        QCOMPARE(model.rowCount(), 4);
        const auto marker = [&model](int row) { return model.index(row, 0).data(ConversationModel::ContractMarkerRole).toString(); };
        QVERIFY(marker(0).isEmpty());
        QVERIFY2(marker(1).contains(QStringLiteral("Contract started 2026-05-03")), qPrintable(marker(1)));
        QVERIFY2(marker(2).contains(QStringLiteral("Contract ended 2026-05-04")), qPrintable(marker(2)));
        QVERIFY(marker(3).isEmpty());
    }

    void clearsOnDemand()
    {
        ConversationModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        tester.setUseFetchMore(false); // paging is driven (and checked) by the test
        model.setCase(m_db->connection(), m_shortCase);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.canFetchMore({}));
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<CaseDatabase> m_db;
    qint64 m_shortCase = 0;
    qint64 m_longCase = 0;
};

QTEST_GUILESS_MAIN(TestConversationModel)
#include "tst_conversationmodel.moc"
