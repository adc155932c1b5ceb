#include "AuditLog.h"
#include "CaseDatabase.h"
#include "ConversationFileImporter.h"
#include "Detector.h"

#include <QBuffer>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace cg;

namespace {

const QByteArray kGood = R"({"id":"good","context":{"phase":"messages"},"messages":[{"id":"m1","sender":"client","sent_at":"2026-05-01T10:00:00Z","text":"hello"}]})";
const QByteArray kCsvHeader = "conversation_id,phase,contract_status,contract_start,conversion_fee_paid,flagged_at,"
                              "message_id,sender,sent_at,text\r\n";
const QByteArray kCsvGood = "good,messages,none,,false,,m1,client,2026-05-01T10:00:00Z,hello\r\n";

} // namespace

class TestImport : public QObject
{
    Q_OBJECT

private:
    ImportSummary import(const QByteArray &input, ImportFormat format, QList<ImportLineError> *errors = nullptr)
    {
        QByteArray data = input;
        QBuffer buffer(&data);
        buffer.open(QIODevice::ReadOnly);
        ConversationFileImporter importer(m_db->connection(), QStringLiteral("tester"), m_detector.get());
        return importer.run(buffer, format, [errors](const ImportLineError &error) {
            if (errors)
                errors->append(error);
        });
    }

    qint64 scalar(const QString &sql)
    {
        QSqlQuery query(m_db->connection());
        return query.exec(sql) && query.next() ? query.value(0).toLongLong() : -1;
    }

private slots:
    void initTestCase() { m_detector = std::make_unique<Detector>(); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        OpenResult result;
        m_db = CaseDatabase::open(m_dir->filePath(QStringLiteral("import.sqlite")), OpenMode::CreateIfMissing, &result);
        QVERIFY2(m_db, qPrintable(result.message));
    }

    void cleanup() { m_db.reset(); }

    void jsonLinesBadLines_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("id");
        QTest::newRow("not json") << QByteArray("{oops") << "not JSON" << "";
        QTest::newRow("not an object") << QByteArray("[1,2]") << "not a JSON object" << "";
        QTest::newRow("not utf-8") << QByteArray("{\"id\":\"x\xFF\"}") << "not valid UTF-8" << "";
        QTest::newRow("no id") << QByteArray(R"({"context":{"phase":"messages"},"messages":[]})") << "id" << "";
        QTest::newRow("no context") << QByteArray(R"({"id":"a","messages":[]})") << "context" << "a";
        QTest::newRow("bad phase") << QByteArray(R"({"id":"a","context":{"phase":"chat"},"messages":[]})")
                                   << "context.phase" << "a";
        QTest::newRow("bad plan") << QByteArray(R"({"id":"a","context":{"phase":"messages","client_plan":"gold"},"messages":[]})")
                                  << "context.client_plan" << "a";
        QTest::newRow("active contract without start")
            << QByteArray(R"({"id":"a","context":{"phase":"messages","contract":{"status":"active"}},"messages":[]})")
            << "context.contract.start" << "a";
        QTest::newRow("no messages") << QByteArray(R"({"id":"a","context":{"phase":"messages"}})") << "messages" << "a";
        QTest::newRow("bad sender")
            << QByteArray(R"({"id":"a","context":{"phase":"messages"},"messages":[{"id":"m","sender":"bot","sent_at":"2026-05-01T10:00:00Z","text":"x"}]})")
            << "messages[0].sender" << "a";
        QTest::newRow("bad sent_at")
            << QByteArray(R"({"id":"a","context":{"phase":"messages"},"messages":[{"id":"m","sender":"client","sent_at":"yesterday","text":"x"}]})")
            << "messages[0].sent_at" << "a";
        QTest::newRow("text not a string")
            << QByteArray(R"({"id":"a","context":{"phase":"messages"},"messages":[{"id":"m","sender":"client","sent_at":"2026-05-01T10:00:00Z","text":5}]})")
            << "messages[0].text" << "a";
        QTest::newRow("message id twice")
            << QByteArray(R"({"id":"a","context":{"phase":"messages"},"messages":[{"id":"m","sender":"client","sent_at":"2026-05-01T10:00:00Z","text":"x"},{"id":"m","sender":"client","sent_at":"2026-05-01T10:00:00Z","text":"y"}]})")
            << "used twice" << "a";
    }

    void jsonLinesBadLines()
    {
        QFETCH(QByteArray, line);
        QFETCH(QString, reason);
        QFETCH(QString, id);
        QList<ImportLineError> errors;
        const ImportSummary summary = import(kGood + "\n\n" + line + "\n" + kGood, ImportFormat::JsonLines, &errors);
        QVERIFY2(summary.ok(), qPrintable(summary.fatalError));
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.constFirst().line, 3);
        QCOMPARE(errors.constFirst().id, id);
        QVERIFY2(errors.constFirst().reason.contains(reason), qPrintable(errors.constFirst().reason));
        QCOMPARE(summary.linesRejected, 1);
        QCOMPARE(summary.conversationsAdded, 1);
        QCOMPARE(summary.conversationsUnchanged, 1);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM conversations")), 1);
    }

    void csvBadLines_data()
    {
        QTest::addColumn<QByteArray>("row");
        QTest::addColumn<QString>("reason");
        QTest::newRow("too few fields") << QByteArray("bad,messages,none\r\n") << "has 3 fields; the header has 10";
        QTest::newRow("stray quote") << QByteArray("bad,mess\"ages,none,,false,,m1,client,2026-05-01T10:00:00Z,x\r\n")
                                     << "quote inside an unquoted field";
        QTest::newRow("bad phase") << QByteArray("bad,chat,none,,false,,m1,client,2026-05-01T10:00:00Z,x\r\n") << "phase is";
        QTest::newRow("bad sender") << QByteArray("bad,messages,none,,false,,m1,bot,2026-05-01T10:00:00Z,x\r\n") << "sender is";
        QTest::newRow("bad sent_at") << QByteArray("bad,messages,none,,false,,m1,client,soon,x\r\n") << "sent_at is not";
        QTest::newRow("empty sent_at") << QByteArray("bad,messages,none,,false,,m1,client,,x\r\n") << "sent_at is empty";
        QTest::newRow("bad contract") << QByteArray("bad,messages,signed,,false,,m1,client,2026-05-01T10:00:00Z,x\r\n")
                                      << "contract_status is";
        QTest::newRow("active without start") << QByteArray("bad,messages,active,,false,,m1,client,2026-05-01T10:00:00Z,x\r\n")
                                              << "contract_start is missing";
        QTest::newRow("bad date") << QByteArray("bad,messages,active,2026-13-01,false,,m1,client,2026-05-01T10:00:00Z,x\r\n")
                                  << "contract_start is not an ISO date";
        QTest::newRow("bad boolean") << QByteArray("bad,messages,none,,maybe,,m1,client,2026-05-01T10:00:00Z,x\r\n")
                                     << "conversion_fee_paid is \"maybe\"";
        QTest::newRow("bad flagged_at") << QByteArray("bad,messages,none,,false,later,m1,client,2026-05-01T10:00:00Z,x\r\n")
                                        << "flagged_at is not";
        QTest::newRow("no conversation id") << QByteArray(",messages,none,,false,,m1,client,2026-05-01T10:00:00Z,x\r\n")
                                            << "conversation_id is empty";
        QTest::newRow("no message id") << QByteArray("bad,messages,none,,false,,,client,2026-05-01T10:00:00Z,x\r\n")
                                       << "message_id is empty";
        QTest::newRow("message id twice") << QByteArray("good,messages,none,,false,,m1,client,2026-05-01T10:00:00Z,again\r\n")
                                          << "message_id \"m1\" is used twice (first on line 2)";
        QTest::newRow("conversation columns differ")
            << QByteArray("good,interview,none,,false,,m2,client,2026-05-01T10:00:00Z,x\r\n") << "differ from line 2";
    }

    void csvBadLines()
    {
        QFETCH(QByteArray, row);
        QFETCH(QString, reason);
        QList<ImportLineError> errors;
        const ImportSummary summary =
            import(kCsvHeader + kCsvGood + row + "good,messages,none,,false,,m3,freelancer,2026-05-01T10:05:00Z,bye\r\n",
                   ImportFormat::Csv, &errors);
        QVERIFY2(summary.ok(), qPrintable(summary.fatalError));
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.constFirst().line, 3);
        QVERIFY2(errors.constFirst().reason.contains(reason), qPrintable(errors.constFirst().reason));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM conversations")), 1);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM messages")), 2);
    }

    void csvHeaderWithoutRequiredColumnsStops()
    {
        const ImportSummary summary = import("conversation_id,text\r\nx,y\r\n", ImportFormat::Csv);
        QVERIFY(!summary.ok());
        QVERIFY2(summary.fatalError.contains(QStringLiteral("message_id, sender, sent_at")), qPrintable(summary.fatalError));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM conversations")), 0);
    }

    void csvConversationsAndReimport()
    {
        const QByteArray csv = kCsvHeader + kCsvGood
            + "good,messages,none,,false,,m2,freelancer,2026-05-01T10:03:00Z,\"text, with \"\"quotes\"\"\r\nand a line break\"\r\n"
            + "other,interview,active,2026-04-01,true,2026-05-03T00:00:00Z,o1,client,2026-05-02T10:00:00Z,hi\r\n";
        ImportSummary summary = import(csv, ImportFormat::Csv);
        QVERIFY(summary.ok());
        QCOMPARE(summary.conversationsAdded, 2);
        QCOMPARE(summary.messagesAdded, 3);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM messages WHERE body = 'text, with \"quotes\"\r\nand a line break'")), 1);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM conversations WHERE external_id = 'good' AND "
                                       "flagged_at = '2026-05-01T10:03:00Z'")),
                 1);
        QCOMPARE(scalar(QStringLiteral("SELECT conversion_fee_paid FROM contracts c JOIN conversations v ON "
                                       "v.id = c.conversation_id WHERE v.external_id = 'other'")),
                 1);
        const qint64 audit = scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log"));
        summary = import(csv, ImportFormat::Csv);
        QCOMPARE(summary.conversationsUnchanged, 2);
        QCOMPARE(summary.messagesAdded, 0);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log")), audit);
        QVERIFY(AuditLog::verify(m_db->connection()).intact);
    }

    void newMessagesExtendAConversation()
    {
        QVERIFY(import(kGood, ImportFormat::JsonLines).ok());
        const ImportSummary summary = import(
            R"({"id":"good","context":{"phase":"messages"},"messages":[{"id":"m1","sender":"client","sent_at":"2026-05-01T10:00:00Z","text":"hello"},{"id":"m2","sender":"freelancer","sent_at":"2026-05-01T11:00:00Z","text":"hi"}]})",
            ImportFormat::JsonLines);
        QCOMPARE(summary.conversationsUpdated, 1);
        QCOMPARE(summary.messagesAdded, 1);
        QCOMPARE(scalar(QStringLiteral("SELECT message_count FROM conversations")), 2);
    }

private:
    std::unique_ptr<Detector> m_detector;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CaseDatabase> m_db;
};

QTEST_GUILESS_MAIN(TestImport)
#include "tst_import.moc"
