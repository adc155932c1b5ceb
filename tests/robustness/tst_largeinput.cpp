#include "CliHarness.h"

#include "CaseDatabase.h"
#include "ConversationModel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace cg;
using namespace robustness;

namespace {

constexpr qsizetype kHugeMessageBytes = 50 * 1024 * 1024;
constexpr int kManyMessages = 100000;

// Ordinary words with a phone number at the very end, `bytes` long.
QByteArray hugeText(qsizetype bytes)
{
    const QByteArray tail = " call me at +1 415 555 0132";
    const QByteArray words = "the logo needs a bolder font and the colours of the brief, thanks ";
    QByteArray text;
    text.reserve(bytes);
    while (text.size() + words.size() + tail.size() <= bytes)
        text += words;
    text += QByteArray(bytes - text.size() - tail.size(), 'x');
    return text + tail;
}

// Texts without digits: numbers spread over many messages read as a phone number in parts.
const char *const kWords[] = {"sounds good", "see the draft", "the colours look right", "thanks, talk soon"};

QByteArray manyMessagesLine()
{
    QByteArray line = "{\"id\":\"long\",\"context\":{\"phase\":\"messages\"},\"messages\":[";
    for (int m = 0; m < kManyMessages; ++m) {
        if (m > 0)
            line += ',';
        const QDateTime sent = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC).addSecs(m);
        line += "{\"id\":\"m" + QByteArray::number(m) + "\",\"sender\":\"" + (m % 2 ? "client" : "freelancer")
            + "\",\"sent_at\":\"" + sent.toString(Qt::ISODate).toLatin1() + "\",\"text\":\"" + kWords[m % 4]
            + (m == kManyMessages - 1 ? " mail me at jdoe@example.com" : "") + "\"}";
    }
    return line + "]}\n";
}

} // namespace

// A 50 MB message and a conversation of 100,000 messages go through import, scan,
// assess and the app's conversation model (which pages them in). No timing is
// asserted; the generous CTest timeout catches a hang.
class TestLargeInput : public QObject
{
    Q_OBJECT

private:
    QString writeFile(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
            return {};
        return path;
    }

    QTemporaryDir m_dir;
    QString m_db;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("large.sqlite"));
    }

    void hugeMessage()
    {
        const QByteArray text = hugeText(kHugeMessageBytes);
        const QByteArray line = conversationLine("huge", {"hello", text});
        const QString input = writeFile(QStringLiteral("huge.jsonl"), line);
        QVERIFY(!input.isEmpty());

        const CliRun imported = runCli({QStringLiteral("import"), QStringLiteral("--db"), m_db, input}, {}, {}, cliPath(), 600000);
        QVERIFY2(imported.exitCode == 0, imported.out.left(500) + imported.err);
        QCOMPARE(count(m_db, QStringLiteral("SELECT MAX(length(body)) FROM messages")), qint64(text.size()));

        const CliRun scanned = runCli({QStringLiteral("scan"), QStringLiteral("--db"), m_db}, {}, {}, cliPath(), 600000);
        QVERIFY2(scanned.exitCode == 0, scanned.err.constData());
        QCOMPARE(count(m_db, QStringLiteral("SELECT start_pos FROM detections WHERE type = 'phone'")),
                 qint64(text.size() - 15));

        const CliRun assessed = runCli({QStringLiteral("assess")}, line, {}, cliPath(), 600000);
        QVERIFY2(assessed.exitCode == 0, assessed.err.constData());
        const QJsonObject verdict = QJsonDocument::fromJson(assessed.out).object();
        QCOMPARE(verdict.value(QStringLiteral("verdict")).toString(), QStringLiteral("violation"));
        QCOMPARE(verdict.value(QStringLiteral("spans")).toArray().first().toObject().value(QStringLiteral("start")).toInteger(),
                 qint64(text.size() - 15));

        OpenResult result;
        auto db = CaseDatabase::open(m_db, OpenMode::ExistingOnly, &result);
        QVERIFY2(db, qPrintable(result.message));
        ConversationModel model;
        model.setCase(db->connection(), count(m_db, QStringLiteral("SELECT id FROM conversations WHERE external_id = 'huge'")));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.data(model.index(1), Qt::DisplayRole).toString().size(), text.size());
        QCOMPARE(model.data(model.index(1), ConversationModel::SpansRole).value<DetectedSpans>().size(), 1);
    }

    void conversationOfHundredThousandMessages()
    {
        const QString input = writeFile(QStringLiteral("long.jsonl"), manyMessagesLine());
        QVERIFY(!input.isEmpty());
        const CliRun imported = runCli({QStringLiteral("import"), QStringLiteral("--db"), m_db, input}, {}, {}, cliPath(), 600000);
        QVERIFY2(imported.exitCode == 0, imported.out.left(500) + imported.err);
        const qint64 caseId = count(m_db, QStringLiteral("SELECT id FROM conversations WHERE external_id = 'long'"));
        QCOMPARE(count(m_db, QStringLiteral("SELECT COUNT(*) FROM messages WHERE conversation_id = %1").arg(caseId)),
                 qint64(kManyMessages));

        const CliRun scanned = runCli({QStringLiteral("scan"), QStringLiteral("--db"), m_db}, {}, {}, cliPath(), 600000);
        QVERIFY2(scanned.exitCode == 0, scanned.err.constData());
        QCOMPARE(count(m_db, QStringLiteral("SELECT COUNT(*) FROM detections d JOIN messages m ON m.id = d.message_id "
                                            "WHERE m.conversation_id = %1 AND d.type = 'email'").arg(caseId)),
                 1);
        QVERIFY(!query(m_db, QStringLiteral("SELECT suggested_verdict FROM conversations WHERE id = %1").arg(caseId)).toString().isEmpty());

        const CliRun assessed = runCli({QStringLiteral("assess")}, manyMessagesLine(), {}, cliPath(), 600000);
        QVERIFY2(assessed.exitCode == 0, assessed.err.constData());
        const QJsonObject verdict = QJsonDocument::fromJson(assessed.out).object();
        QCOMPARE(verdict.value(QStringLiteral("spans")).toArray().size(), 1);

        // The model pages the conversation in: one page first, then the rest on demand, in order.
        OpenResult result;
        auto db = CaseDatabase::open(m_db, OpenMode::ExistingOnly, &result);
        QVERIFY2(db, qPrintable(result.message));
        ConversationModel model;
        model.setCase(db->connection(), caseId);
        QCOMPARE(model.rowCount(), ConversationModel::kPageSize);
        int pages = 1;
        while (model.canFetchMore({})) {
            model.fetchMore({});
            ++pages;
        }
        QVERIFY2(model.lastError().isEmpty(), qPrintable(model.lastError()));
        QCOMPARE(model.rowCount(), kManyMessages);
        // Page by page; a last full page may take one more (empty) fetch to find the end.
        const int fullPages = (kManyMessages + ConversationModel::kPageSize - 1) / ConversationModel::kPageSize;
        QVERIFY2(pages == fullPages || pages == fullPages + 1, qPrintable(QString::number(pages)));
        for (int row : {0, 1, 4999, 77777, kManyMessages - 1})
            QCOMPARE(model.data(model.index(row), ConversationModel::ExternalIdRole).toString(), QStringLiteral("m%1").arg(row));
        QCOMPARE(model.data(model.index(kManyMessages - 1), ConversationModel::SpansRole).value<DetectedSpans>().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestLargeInput)
#include "tst_largeinput.moc"
