#include "ConversationJson.h"
#include "Detector.h"

#include <QJsonDocument>
#include <QTest>

using cg::ConversationJson;
using cg::ConversationRecord;

// Declared before the test data: moc does not read raw string literals.
class TestConversationJson : public QObject
{
    Q_OBJECT

private slots:
    void contractExample();
    void rejected_data();
    void rejected();
    void defaults();
    void extensions();
    void dateForms_data();
    void dateForms();
    void roundTrip();
    void subjectFromFirstContactDetail();
};

namespace {

// A valid conversation in the contract's shape; rows replace parts of it with `%1`-style edits.
const char *const kValid = R"({"id": "c1",
 "context": {"phase": "messages", "client_plan": "standard_placeholder",
             "contract": {"status": "none"}, "pre_existing_relationship": false,
             "history": [{"decided_at": "2026-03-02", "verdict": "violation", "penalty": "warning"}]},
 "messages": [{"id": "c1m1", "sender": "client", "sent_at": "2026-05-01T10:00:00Z",
               "text": "We need an NDA signed first - what's your email?"},
              {"id": "c1m2", "sender": "freelancer", "sent_at": "2026-05-01T10:05:00Z", "text": "Sure."},
              {"id": "c1m3", "sender": "client", "sent_at": "2026-05-01T10:09:00Z", "text": "Thanks."}]})";

QByteArray valid()
{
    return QByteArray(kValid).replace("standard_placeholder", "plus");
}

QByteArray edited(const char *from, const char *to)
{
    QByteArray json = valid();
    const qsizetype at = json.indexOf(from);
    if (at < 0)
        qFatal("test row edits text that is not in the valid conversation: %s", from);
    return json.replace(at, qstrlen(from), to);
}

} // namespace


void TestConversationJson::contractExample()
{
    const auto result = ConversationJson::parse(valid());
    QVERIFY2(result.ok(), qPrintable(result.error));
    const ConversationRecord &r = result.record;
    QCOMPARE(r.externalId, QStringLiteral("c1"));
    QCOMPARE(r.phase, QStringLiteral("messages"));
    QCOMPARE(r.client.plan, QStringLiteral("plus"));
    QCOMPARE(r.contract.status, QStringLiteral("none"));
    QCOMPARE(r.history.size(), 1);
    QCOMPARE(r.history.at(0).verdict, QStringLiteral("violation"));
    QCOMPARE(r.history.at(0).penalty, QStringLiteral("warning"));
    QCOMPARE(r.history.at(0).decidedAt, QDateTime(QDate(2026, 3, 2), QTime(0, 0), Qt::UTC));
    QVERIFY(!r.history.at(0).reversed);
    QCOMPARE(r.messages.size(), 3);
    QCOMPARE(r.messages.at(0).externalId, QStringLiteral("c1m1"));
    QCOMPARE(r.messages.at(0).sender, QStringLiteral("client"));
    QCOMPARE(r.messages.at(0).sentAt, QDateTime(QDate(2026, 5, 1), QTime(10, 0), Qt::UTC));
    QCOMPARE(r.messages.at(0).text, QStringLiteral("We need an NDA signed first - what's your email?"));
    QCOMPARE(r.messages.at(0).phase, QStringLiteral("messages"));
    QCOMPARE(r.subjectRole, QStringLiteral("freelancer"));
}

void TestConversationJson::rejected_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");

    QTest::newRow("not json") << QByteArray("{\"id\": \"c1\",") << QStringLiteral("not JSON");
    QTest::newRow("array, not object") << QByteArray("[1, 2]") << QStringLiteral("not a JSON object");
    QTest::newRow("no id") << edited(R"("id": "c1",)", "") << QStringLiteral("id: missing");
    QTest::newRow("id is a list") << edited(R"("id": "c1")", R"("id": ["c1"])")
                                  << QStringLiteral("id: expected a string or a number, got an array");
    QTest::newRow("missing context")
        << QByteArray(R"({"id": "c1", "messages": []})") << QStringLiteral("context: missing");
    QTest::newRow("context is a string")
        << QByteArray(R"({"id": "c1", "context": "messages", "messages": []})")
        << QStringLiteral("context: expected an object, got a string");
    QTest::newRow("missing phase") << edited(R"("phase": "messages",)", "")
                                   << QStringLiteral("context.phase: missing");
    QTest::newRow("unknown phase") << edited(R"("phase": "messages")", R"("phase": "chat")")
                                   << QStringLiteral("context.phase: unknown value \"chat\"");
    QTest::newRow("unknown plan") << edited(R"("client_plan": "plus")", R"("client_plan": "standard")")
                                  << QStringLiteral("context.client_plan: unknown value \"standard\"");
    QTest::newRow("plan is a number") << edited(R"("client_plan": "plus")", R"("client_plan": 3)")
                                      << QStringLiteral("context.client_plan: expected a string, got a number");
    QTest::newRow("unknown contract status")
        << edited(R"({"status": "none"})", R"({"status": "signed"})")
        << QStringLiteral("context.contract.status: unknown value \"signed\"");
    QTest::newRow("contract without status") << edited(R"({"status": "none"})", "{}")
                                             << QStringLiteral("context.contract.status: missing");
    QTest::newRow("active without start") << edited(R"({"status": "none"})", R"({"status": "active"})")
                                          << QStringLiteral("context.contract.start: missing for an active contract");
    QTest::newRow("bad start date")
        << edited(R"({"status": "none"})", R"({"status": "active", "start": "2026-13-01"})")
        << QStringLiteral("context.contract.start: not an ISO date (\"2026-13-01\")");
    QTest::newRow("start in words")
        << edited(R"({"status": "none"})", R"({"status": "active", "start": "May 3rd"})")
        << QStringLiteral("context.contract.start: not an ISO date");
    QTest::newRow("closed without end")
        << edited(R"({"status": "none"})", R"({"status": "closed", "start": "2026-01-05"})")
        << QStringLiteral("context.contract.end: missing for a closed contract");
    QTest::newRow("end before start")
        << edited(R"({"status": "none"})", R"({"status": "closed", "start": "2026-01-05", "end": "2025-12-01"})")
        << QStringLiteral("context.contract.end: before the start date");
    QTest::newRow("fee paid as text")
        << edited(R"({"status": "none"})", R"({"status": "none", "conversion_fee_paid": "yes"})")
        << QStringLiteral("context.contract.conversion_fee_paid: expected true or false, got a string");
    QTest::newRow("relationship as text")
        << edited(R"("pre_existing_relationship": false)", R"("pre_existing_relationship": "no")")
        << QStringLiteral("context.pre_existing_relationship: expected true or false");
    QTest::newRow("history not a list") << edited(R"("history": [)", R"("history": {"x": [)")
                                                .replace("}]},", "}]}},")
                                        << QStringLiteral("context.history: expected an array, got an object");
    QTest::newRow("history verdict unknown") << edited(R"("verdict": "violation")", R"("verdict": "guilty")")
                                             << QStringLiteral("context.history[0].verdict: unknown value \"guilty\"");
    QTest::newRow("history bad date") << edited(R"("decided_at": "2026-03-02")", R"("decided_at": "yesterday")")
                                      << QStringLiteral("context.history[0].decided_at: not an ISO date-time");
    QTest::newRow("history reversed as text")
        << edited(R"("penalty": "warning")", R"("penalty": "warning", "reversed": "yes")")
        << QStringLiteral("context.history[0].reversed: expected true or false");
    QTest::newRow("missing messages") << QByteArray(R"({"id": "c1", "context": {"phase": "messages"}})")
                                      << QStringLiteral("messages: missing");
    QTest::newRow("message not an object") << edited(R"({"id": "c1m2")", R"(7, {"id": "c1m2")")
                                           << QStringLiteral("messages[1]: expected an object, got a number");
    QTest::newRow("unknown sender") << edited(R"("sender": "client", "sent_at": "2026-05-01T10:09)",
                                              R"("sender": "bot", "sent_at": "2026-05-01T10:09)")
                                    << QStringLiteral("messages[2].sender: unknown value \"bot\"");
    QTest::newRow("missing sent_at") << edited(R"("sent_at": "2026-05-01T10:05:00Z",)", "")
                                     << QStringLiteral("messages[1].sent_at: missing");
    QTest::newRow("sent_at is a date only") << edited("2026-05-01T10:05:00Z", "2026-05-01")
                                            << QStringLiteral("messages[1].sent_at: not an ISO date-time");
    QTest::newRow("text is a number") << edited(R"("text": "Sure.")", R"("text": 5)")
                                      << QStringLiteral("messages[1].text: expected a string, got a number");
    QTest::newRow("message id empty") << edited(R"("id": "c1m2")", R"("id": " ")")
                                      << QStringLiteral("messages[1].id: empty");
    QTest::newRow("message id twice") << edited(R"("id": "c1m3")", R"("id": "c1m1")")
                                      << QStringLiteral("messages[2].id: \"c1m1\" is used twice");
    QTest::newRow("unknown message phase")
        << edited(R"("text": "Sure.")", R"("text": "Sure.", "phase": "negotiation")")
        << QStringLiteral("messages[1].phase: unknown value \"negotiation\"");
    QTest::newRow("unknown subject") << edited(R"("id": "c1",)", R"("id": "c1", "subject": "moderator",)")
                                     << QStringLiteral("subject: unknown value \"moderator\"");
    QTest::newRow("flag not an object") << edited(R"("id": "c1",)", R"("id": "c1", "flag": "user_report",)")
                                        << QStringLiteral("flag: expected an object, got a string");
    QTest::newRow("bad flagged_at")
        << edited(R"("id": "c1",)", R"("id": "c1", "flag": {"source": "auto_filter", "flagged_at": "soon"},)")
        << QStringLiteral("flag.flagged_at: not an ISO date-time (\"soon\")");
    QTest::newRow("client id is true") << edited(R"("id": "c1",)", R"("id": "c1", "client": {"id": true},)")
                                       << QStringLiteral("client.id: expected a string or a number, got a boolean");
    QTest::newRow("freelancer country a number")
        << edited(R"("id": "c1",)", R"("id": "c1", "freelancer": {"id": "f1", "country": 63},)")
        << QStringLiteral("freelancer.country: expected a string, got a number");
}

void TestConversationJson::rejected()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    const auto result = ConversationJson::parse(json);
    QVERIFY2(!result.ok(), json.constData());
    QVERIFY2(result.error.startsWith(error), qPrintable(result.error));
    QCOMPARE(result.record.messages.size(), 0); // nothing half-read is handed out
}

void TestConversationJson::defaults()
{
    const auto result = ConversationJson::parse(QByteArray(
        R"({"id": 42, "context": {"phase": "proposal"},
            "messages": [{"id": 7, "sender": "freelancer", "sent_at": "2026-02-01T09:30:00+02:00", "text": "Hi"}]})"));
    QVERIFY2(result.ok(), qPrintable(result.error));
    const ConversationRecord &r = result.record;
    QCOMPARE(r.externalId, QStringLiteral("42"));
    QCOMPARE(r.client.plan, QString());
    QCOMPARE(r.contract.status, QStringLiteral("none"));
    QVERIFY(!r.contract.conversionFeePaid);
    QVERIFY(!r.preExistingRelationship);
    QVERIFY(r.history.isEmpty());
    QCOMPARE(r.messages.at(0).externalId, QStringLiteral("7"));
    QCOMPARE(r.messages.at(0).phase, QStringLiteral("proposal"));
    QCOMPARE(r.messages.at(0).sentAt, QDateTime(QDate(2026, 2, 1), QTime(7, 30), Qt::UTC));
    QCOMPARE(r.client.role, QStringLiteral("client"));
    QCOMPARE(r.freelancer.role, QStringLiteral("freelancer"));
    QCOMPARE(r.subjectRole, QStringLiteral("freelancer"));
}

void TestConversationJson::extensions()
{
    const auto result = ConversationJson::parse(QByteArray(R"({"id": "k-9", "job_title": "Shopify theme fixes",
        "flag": {"source": "user_report", "reason": "asked for WhatsApp", "flagged_at": "2026-03-04T11:00:00Z"},
        "subject": "client",
        "client": {"id": "cl-7", "name": "Northbay Legal", "country": "US"},
        "freelancer": {"id": 1042, "name": "Ana Cruz", "country": "PH"},
        "context": {"phase": "interview", "client_plan": "enterprise",
                    "contract": {"status": "closed", "start": "2025-10-01", "end": "2026-01-31", "conversion_fee_paid": true},
                    "pre_existing_relationship": true,
                    "history": [{"decided_at": "2025-12-01T08:00:00Z", "verdict": "violation", "penalty": "badge_loss",
                                 "reversed": true, "moderator": "kim", "note": "overturned"}]},
        "messages": [{"id": "m1", "sender": "client", "sent_at": "2026-03-01T10:00:00Z", "phase": "job_post", "text": "Job"},
                     {"id": "m2", "sender": "freelancer", "sent_at": "2026-03-02T10:00:00Z", "text": "Proposal"}]})"));
    QVERIFY2(result.ok(), qPrintable(result.error));
    const ConversationRecord &r = result.record;
    QCOMPARE(r.jobTitle, QStringLiteral("Shopify theme fixes"));
    QCOMPARE(r.flagSource, QStringLiteral("user_report"));
    QCOMPARE(r.flagReason, QStringLiteral("asked for WhatsApp"));
    QCOMPARE(r.flaggedAt, QDateTime(QDate(2026, 3, 4), QTime(11, 0), Qt::UTC));
    QCOMPARE(r.subjectRole, QStringLiteral("client"));
    QCOMPARE(r.client.externalId, QStringLiteral("cl-7"));
    QCOMPARE(r.client.displayName, QStringLiteral("Northbay Legal"));
    QCOMPARE(r.client.plan, QStringLiteral("enterprise"));
    QCOMPARE(r.freelancer.externalId, QStringLiteral("1042"));
    QCOMPARE(r.freelancer.country, QStringLiteral("PH"));
    QCOMPARE(r.contract.status, QStringLiteral("closed"));
    QCOMPARE(r.contract.start, QDate(2025, 10, 1));
    QCOMPARE(r.contract.end, QDate(2026, 1, 31));
    QVERIFY(r.contract.conversionFeePaid);
    QVERIFY(r.preExistingRelationship);
    QVERIFY(r.history.at(0).reversed);
    QCOMPARE(r.history.at(0).moderator, QStringLiteral("kim"));
    QCOMPARE(r.messages.at(0).phase, QStringLiteral("job_post"));
    QCOMPARE(r.messages.at(1).phase, QStringLiteral("interview"));
}

void TestConversationJson::dateForms_data()
{
    QTest::addColumn<QString>("start");
    QTest::addColumn<QDate>("expected");
    QTest::newRow("date") << QStringLiteral("2026-04-20") << QDate(2026, 4, 20);
    QTest::newRow("date-time utc") << QStringLiteral("2026-04-20T23:30:00Z") << QDate(2026, 4, 20);
    QTest::newRow("date-time with offset") << QStringLiteral("2026-04-21T01:30:00+02:00") << QDate(2026, 4, 20);
    QTest::newRow("leap day") << QStringLiteral("2028-02-29") << QDate(2028, 2, 29);
}

void TestConversationJson::dateForms()
{
    QFETCH(QString, start);
    QFETCH(QDate, expected);
    const QByteArray json = edited(R"({"status": "none"})",
                                   QByteArray(R"({"status": "active", "start": ")" + start.toUtf8() + "\"}").constData());
    const auto result = ConversationJson::parse(json);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.record.contract.start, expected);
}

void TestConversationJson::roundTrip()
{
    const auto first = ConversationJson::parse(QByteArray(R"({"id": "r1", "job_title": "Logo",
        "flag": {"source": "auto_filter", "reason": "phone", "flagged_at": "2026-03-04T11:00:00Z"},
        "subject": "client", "client": {"id": "c", "name": "Café Ñandú"}, "freelancer": {"id": "f"},
        "context": {"phase": "messages", "client_plan": "basic",
                    "contract": {"status": "active", "start": "2026-03-01"},
                    "history": [{"decided_at": "2026-01-01", "verdict": "allowed", "penalty": null}]},
        "messages": [{"id": "m1", "sender": "client", "sent_at": "2026-03-03T10:00:00Z", "text": "Llámame 📞"}]})"));
    QVERIFY2(first.ok(), qPrintable(first.error));
    const auto second = ConversationJson::parse(ConversationJson::toJson(first.record));
    QVERIFY2(second.ok(), qPrintable(second.error));
    QCOMPARE(ConversationJson::toJson(second.record), ConversationJson::toJson(first.record));
    QCOMPARE(second.record.client.displayName, QStringLiteral("Café Ñandú"));
    QCOMPARE(second.record.messages.at(0).text, first.record.messages.at(0).text);
    QCOMPARE(second.record.history.at(0).penalty, QString());
}

void TestConversationJson::subjectFromFirstContactDetail()
{
    const cg::Detector detector;
    const QByteArray json = R"({"id": "s1", "context": {"phase": "messages"}, "messages": [
        {"id": "m1", "sender": "freelancer", "sent_at": "2026-03-03T10:00:00Z", "text": "Hello there"},
        {"id": "m2", "sender": "client", "sent_at": "2026-03-03T10:05:00Z", "text": "Write to ops@bakery-example.com"},
        {"id": "m3", "sender": "freelancer", "sent_at": "2026-03-03T10:07:00Z", "text": "Mine is +1 415 555 0132"}]})";
    QCOMPARE(ConversationJson::parse(json, &detector).record.subjectRole, QStringLiteral("client"));
    QCOMPARE(ConversationJson::parse(json).record.subjectRole, QStringLiteral("freelancer"));
}

QTEST_APPLESS_MAIN(TestConversationJson)
#include "tst_conversationjson.moc"
