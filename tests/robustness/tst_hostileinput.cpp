#include "CliHarness.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace robustness;

namespace {

QList<QJsonObject> jsonLines(const QByteArray &out)
{
    QList<QJsonObject> lines;
    for (const QByteArray &line : out.split('\n')) {
        if (!line.trimmed().isEmpty())
            lines.append(QJsonDocument::fromJson(line).object());
    }
    return lines;
}

// Strings that break naive SQL, LIKE patterns, JSON or CSV.
const QList<QByteArray> kInjections = {
    "x' OR '1'='1",
    "'; DROP TABLE decisions; --",
    "\\\" OR 1=1 --",
    "%_%",
    "Robert'); DELETE FROM audit_log; --",
    "1; UPDATE conversations SET status='decided'",
};

} // namespace

// Hostile text through every entry point of the CLI: invalid UTF-8 and NUL bytes,
// SQL injection in imported fields and filters, spreadsheet formulas in exports,
// rules files RE2 refuses, and contact details that must never reach standard error.
class TestHostileInput : public QObject
{
    Q_OBJECT

private:
    QString newDatabase(const QString &name)
    {
        const QString path = m_dir.filePath(name);
        const CliRun run = runCli({QStringLiteral("demo"), QStringLiteral("--out"), path, QStringLiteral("--conversations"),
                                   QStringLiteral("20"), QStringLiteral("--seed"), QStringLiteral("5")});
        return run.exitCode == 0 ? path : QString();
    }

    QTemporaryDir m_dir;

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void invalidUtf8AndNulBytesInMessages()
    {
        const QString db = newDatabase(QStringLiteral("bytes.sqlite"));
        QVERIFY(!db.isEmpty());
        // 1: an escaped NUL before a phone number; 2: a raw invalid byte; 3: a raw NUL
        // inside a JSON string; 4: a lone surrogate escape; 5: an overlong encoding.
        QByteArray input = conversationLine("nul-escaped", {"a\\u0000b call me at +1 415 555 0132"});
        input += conversationLine("raw-invalid", {"caf\xC3(\xFF call +1 415 555 0132"});
        input += conversationLine("raw-nul", {QByteArray("x") + '\0' + "y"});
        input += conversationLine("lone-surrogate", {"\\ud800 mail me at jdoe@example.com"});
        input += conversationLine("overlong", {"\xC0\xAF etc"});
        const CliRun imported = runCli({QStringLiteral("import"), QStringLiteral("--db"), db, QStringLiteral("-")}, input);
        QCOMPARE(imported.exitCode, 2);
        QVERIFY2(imported.err.contains("3 lines rejected"), imported.err.constData());
        QSet<qint64> rejected;
        for (const QJsonObject &line : jsonLines(imported.out)) {
            QVERIFY(!line.value(QStringLiteral("error")).toString().isEmpty());
            rejected.insert(line.value(QStringLiteral("line")).toInteger());
        }
        QCOMPARE(rejected, (QSet<qint64>{2, 3, 5}));
        // The NUL is stored, not cut off (30 bytes), and the detection after it points at the phone number.
        QCOMPARE(count(db, QStringLiteral("SELECT length(CAST(m.body AS BLOB)) FROM messages m JOIN conversations c ON c.id = m.conversation_id "
                                          "WHERE c.external_id = 'nul-escaped'")),
                 qint64(QStringLiteral("a b call me at +1 415 555 0132").size()));
        QCOMPARE(runCli({QStringLiteral("scan"), QStringLiteral("--db"), db}).exitCode, 0);
        QCOMPARE(query(db, QStringLiteral("SELECT d.start_pos || '-' || d.end_pos FROM detections d JOIN messages m ON m.id = d.message_id "
                                          "JOIN conversations c ON c.id = m.conversation_id WHERE c.external_id = 'nul-escaped' "
                                          "AND d.type = 'phone'")).toString(),
                 QStringLiteral("15-30"));
        QCOMPARE(runCli({QStringLiteral("verify-audit"), QStringLiteral("--db"), db}).exitCode, 0);

        // detect: the same bytes, one message per line.
        QByteArray detectInput = "{\"id\":\"1\",\"text\":\"a\\u0000b call me at +1 415 555 0132\"}\n"
                                 "{\"id\":\"2\",\"text\":\"caf\xC3(\xFF +1 415 555 0132\"}\n";
        detectInput += QByteArray("{\"id\":\"3\",\"text\":\"x") + '\0' + "y\"}\n";
        detectInput += "{\"id\":\"4\",\"text\":\"\\udfff\\ud800 +1 415 555 0132\"}\n";
        const CliRun detected = runCli({QStringLiteral("detect")}, detectInput);
        QCOMPARE(detected.exitCode, 2);
        const QList<QJsonObject> lines = jsonLines(detected.out);
        QCOMPARE(lines.size(), 4);
        const QJsonObject span = lines.at(0).value(QStringLiteral("spans")).toArray().first().toObject();
        QCOMPARE(span.value(QStringLiteral("start")).toInt(), 15);
        QCOMPARE(span.value(QStringLiteral("text")).toString(), QStringLiteral("+1 415 555 0132"));
        QVERIFY(lines.at(1).contains(QStringLiteral("error")));
        QVERIFY(lines.at(2).contains(QStringLiteral("error")));
        QVERIFY(lines.at(3).contains(QStringLiteral("spans")));

        // assess: a conversation with a NUL, and one with a raw invalid byte.
        QByteArray assessInput = conversationLine("a1", {"hi\\u0000 what's your email?"});
        assessInput += conversationLine("a2", {"\xFE\xFF"});
        const CliRun assessed = runCli({QStringLiteral("assess")}, assessInput);
        QCOMPARE(assessed.exitCode, 2);
        const QList<QJsonObject> verdicts = jsonLines(assessed.out);
        QCOMPARE(verdicts.size(), 2);
        QVERIFY(!verdicts.at(0).value(QStringLiteral("verdict")).toString().isEmpty());
        QCOMPARE(verdicts.at(1).value(QStringLiteral("line")).toInt(), 2);
    }

    void invalidUtf8AndNulBytesInCsv()
    {
        const QString db = m_dir.filePath(QStringLiteral("csv-bytes.sqlite"));
        QByteArray csv = "conversation_id,message_id,sender,sent_at,text\n"
                         "k1,1,client,2026-05-01T10:00:00Z,plain\n"
                         "k1,2,client,2026-05-01T10:01:00Z,bad \xFF byte\n";
        csv += QByteArray("k1,3,client,2026-05-01T10:02:00Z,nul ") + '\0' + " inside\n";
        csv += "k1,4,freelancer,2026-05-01T10:03:00Z,\"quoted \xC3\"\n";
        const QString file = m_dir.filePath(QStringLiteral("bytes.csv"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(csv);
        out.close();
        const CliRun imported = runCli({QStringLiteral("import"), QStringLiteral("--db"), db, file});
        QCOMPARE(imported.exitCode, 2);
        QSet<qint64> rejected;
        for (const QJsonObject &line : jsonLines(imported.out))
            rejected.insert(line.value(QStringLiteral("line")).toInteger());
        QVERIFY2(rejected.contains(3) && rejected.contains(5) && !rejected.contains(2), imported.out.constData());
        QVERIFY(count(db, QStringLiteral("SELECT COUNT(*) FROM messages")) >= 1);
        QCOMPARE(runCli({QStringLiteral("scan"), QStringLiteral("--db"), db}).exitCode, 0);
        QCOMPARE(runCli({QStringLiteral("verify-audit"), QStringLiteral("--db"), db}).exitCode, 0);
    }

    void sqlInjectionInImportedFieldsIsStoredVerbatim()
    {
        const QString db = m_dir.filePath(QStringLiteral("injection.sqlite"));
        QByteArray input;
        for (int i = 0; i < kInjections.size(); ++i) {
            const QByteArray hostile = kInjections.at(i);
            input += "{\"id\":\"" + hostile + "\",\"job_title\":\"" + hostile + "\",\"client\":{\"id\":\"" + hostile
                + "-client\",\"name\":\"" + hostile + "\"},\"freelancer\":{\"id\":\"" + hostile + "-fl\",\"name\":\"" + hostile
                + "\"},\"flag\":{\"source\":\"" + hostile + "\",\"reason\":\"" + hostile
                + "\"},\"context\":{\"phase\":\"messages\"},\"messages\":[{\"id\":\"" + hostile
                + "\",\"sender\":\"client\",\"sent_at\":\"2026-05-01T10:00:00Z\",\"text\":\"" + hostile + "\"}]}\n";
        }
        const CliRun imported = runCli({QStringLiteral("import"), QStringLiteral("--db"), db, QStringLiteral("-")}, input);
        QVERIFY2(imported.exitCode == 0, imported.out.constData());
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM conversations")), qint64(kInjections.size()));
        for (const QByteArray &hostileBytes : kInjections) {
            QString hostile = QString::fromUtf8(hostileBytes);
            hostile.replace(QStringLiteral("\\\""), QStringLiteral("\""));
            QString quoted = hostile;
            quoted.replace(QLatin1Char('\''), QStringLiteral("''"));
            QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM conversations WHERE external_id = '%1' AND job_title = '%1'").arg(quoted)), 1);
            QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM messages WHERE external_id = '%1' AND body = '%1'").arg(quoted)), 1);
            QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM people WHERE display_name = '%1'").arg(quoted)), 2);
        }
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM audit_log")), qint64(kInjections.size()));
        // Importing the same file again matches every hostile id and changes nothing.
        QCOMPARE(runCli({QStringLiteral("import"), QStringLiteral("--db"), db, QStringLiteral("-")}, input).exitCode, 0);
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM messages")), qint64(kInjections.size()));
        QCOMPARE(runCli({QStringLiteral("scan"), QStringLiteral("--db"), db}).exitCode, 0);
        QCOMPARE(runCli({QStringLiteral("verify-audit"), QStringLiteral("--db"), db}).exitCode, 0);
    }

    void sqlInjectionInExportFilters_data()
    {
        QTest::addColumn<QString>("option");
        QTest::addColumn<QString>("value");
        for (const QByteArray &hostile : kInjections)
            QTest::addRow("moderator %s", hostile.constData()) << "--moderator" << QString::fromUtf8(hostile);
        for (const QByteArray &hostile : kInjections.mid(0, 3)) {
            QTest::addRow("verdict %s", hostile.constData()) << "--verdict" << QString::fromUtf8(hostile);
            QTest::addRow("to %s", hostile.constData()) << "--to" << QString::fromUtf8(hostile);
        }
    }

    void sqlInjectionInExportFilters()
    {
        QFETCH(QString, option);
        QFETCH(QString, value);
        if (m_filterDb.isEmpty()) {
            m_filterDb = newDatabase(QStringLiteral("filters.sqlite"));
            QVERIFY(!m_filterDb.isEmpty());
            m_auditSeqBefore = count(m_filterDb, QStringLiteral("SELECT MAX(seq) FROM audit_log"));
        }
        const qint64 decisions = count(m_filterDb, QStringLiteral("SELECT COUNT(*) FROM decisions"));
        QVERIFY(decisions > 0);
        const QString out = m_dir.filePath(QStringLiteral("filtered.jsonl"));
        QFile::remove(out);
        const CliRun run = runCli({QStringLiteral("export"), QStringLiteral("--db"), m_filterDb, QStringLiteral("--format"),
                                   QStringLiteral("jsonl"), option, value, QStringLiteral("--out"), out});
        // Either refused as a bad value, or run as a filter that matches nothing.
        QVERIFY2(run.exitCode == 0 || run.exitCode == 1, run.err.constData());
        if (run.exitCode == 0) {
            QFile file(out);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QCOMPARE(file.readAll(), QByteArray());
        } else {
            QVERIFY(!run.err.isEmpty());
            QVERIFY(!QFile::exists(out));
        }
        QCOMPARE(count(m_filterDb, QStringLiteral("SELECT COUNT(*) FROM decisions")), decisions);
        QCOMPARE(count(m_filterDb, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action <> 'export'")),
                 count(m_filterDb, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action <> 'export' AND seq <= %1")
                                       .arg(m_auditSeqBefore)));
    }

    void filteredExportsLeaveTheAuditLogIntact()
    {
        QVERIFY(!m_filterDb.isEmpty());
        QCOMPARE(runCli({QStringLiteral("verify-audit"), QStringLiteral("--db"), m_filterDb}).exitCode, 0);
    }

    void formulasInEveryExportedFieldAreNeutralised()
    {
        const QString db = m_dir.filePath(QStringLiteral("formulas.sqlite"));
        const QList<QByteArray> formulas = {"=HYPERLINK(\\\"http://x\\\")", "+1+1", "-2+3", "@SUM(A1)", "\\t=1", "\\r=1"};
        QByteArray input;
        for (int i = 0; i < formulas.size(); ++i) {
            const QByteArray f = formulas.at(i);
            input += "{\"id\":\"" + f + QByteArray::number(i) + "\",\"subject\":\"freelancer\",\"freelancer\":{\"id\":\"" + f
                + "\",\"name\":\"" + f + "\"},\"context\":{\"phase\":\"messages\"},\"messages\":[{\"id\":\"m\",\"sender\":"
                  "\"freelancer\",\"sent_at\":\"2026-05-01T10:00:00Z\",\"text\":\"hi\"}]}\n";
        }
        QCOMPARE(runCli({QStringLiteral("import"), QStringLiteral("--db"), db, QStringLiteral("-")}, input).exitCode, 0);
        QByteArray batch;
        for (int i = 0; i < formulas.size(); ++i)
            batch += "{\"case\":" + QByteArray::number(i + 1) + ",\"verdict\":\"allowed\",\"moderator\":\"" + formulas.at(i)
                + "\",\"note\":\"" + formulas.at(i) + "\"}\n";
        const CliRun decided = runCli({QStringLiteral("decide"), QStringLiteral("--db"), db, QStringLiteral("--batch")}, batch);
        QVERIFY2(decided.exitCode == 0, decided.out + decided.err);
        const QString out = m_dir.filePath(QStringLiteral("formulas.csv"));
        QCOMPARE(runCli({QStringLiteral("export"), QStringLiteral("--db"), db, QStringLiteral("--format"), QStringLiteral("csv"),
                         QStringLiteral("--out"), out}).exitCode,
                 0);
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString csv = QString::fromUtf8(file.readAll());
        // Every cell, quoted or not, that starts with a formula character has the guard.
        const QRegularExpression cell(QStringLiteral("(?:^|,|\\r\\n)(\"?)([=+\\-@\\t\\r])"));
        QRegularExpressionMatchIterator it = cell.globalMatch(csv);
        while (it.hasNext()) {
            const QRegularExpressionMatch match = it.next();
            QFAIL(qPrintable(QStringLiteral("unguarded cell at %1: %2").arg(match.capturedStart()).arg(csv.mid(match.capturedStart(), 40))));
        }
        QVERIFY2(csv.contains(QStringLiteral("'=HYPERLINK")) && csv.contains(QStringLiteral("'@SUM(A1)")), qPrintable(csv));
    }

    void rulesFileRe2RejectsIsNamed_data()
    {
        QTest::addColumn<QByteArray>("pattern");
        QTest::addColumn<QString>("problem");
        QTest::newRow("syntax") << QByteArray("(?i)((unclosed") << "missing )";
        QTest::newRow("backreference") << QByteArray("(a)\\1") << "invalid escape sequence";
        QTest::newRow("lookahead") << QByteArray("(?=x)y") << "invalid perl operator";
        QTest::newRow("too large") << QByteArray("((((a{100}){100}){100}){100})") << "invalid repetition size";
        QTest::newRow("huge alternation") << QByteArray() << "pattern too large";
    }

    void rulesFileRe2RejectsIsNamed()
    {
        QFETCH(QByteArray, pattern);
        QFETCH(QString, problem);
        if (pattern.isEmpty()) {
            // 2 MB of alternatives: far beyond the size allowed for one pattern.
            pattern = "(?:";
            for (int i = 0; i < 150000; ++i)
                pattern += "w" + QByteArray::number(i * 7919) + "|";
            pattern += "zz)";
        }
        const QString rules = m_dir.filePath(QStringLiteral("rules-") + QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-')));
        QVERIFY(QDir().mkpath(rules));
        QFile file(rules + QStringLiteral("/patterns.tsv"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("# a team's own rules\ncontact_request.ok\tcontact_request\t0.8\t(?i)(ping me)\tFine.\n"
                   "contact_request.broken\tcontact_request\t0.8\t" + pattern + "\tBroken.\n");
        file.close();
        const CliRun run = runCli({QStringLiteral("detect"), QStringLiteral("--rules-dir"), rules},
                                  "{\"id\":\"1\",\"text\":\"ping me\"}\n");
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.out, QByteArray());
        QVERIFY2(run.err.contains("patterns.tsv line 3") && run.err.contains("contact_request.broken"), run.err.left(400).constData());
        QVERIFY2(run.err.contains(problem.toUtf8()), run.err.left(400).constData());
        QVERIFY2(run.err.size() < 2000, "the message repeats the whole pattern");
    }

    void rulesFileTooLargeOrNotUtf8IsNamed_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("problem");
        QTest::newRow("too large") << QStringLiteral("domains.tsv")
                                   << QByteArray("# a log saved by mistake\n") + QByteArray(5 * 1024 * 1024, 'x')
                                   << QStringLiteral("domains.tsv: too large for a detection data file (5242905 bytes; at most 4 MB)");
        QTest::newRow("latin-1") << QStringLiteral("domains.tsv") << QByteArray("example.com\turl\texample\ncaf\xe9.fr\turl\tcafe\n")
                                 << QStringLiteral("domains.tsv line 2: not valid UTF-8");
        QTest::newRow("cut off") << QStringLiteral("number-words.tsv") << QByteArray("vier\t4\nf\xc3\xbcnf\t5\nf\xc3")
                                 << QStringLiteral("number-words.tsv line 3: not valid UTF-8: the file ends in the middle of a character");
    }

    // Rules named by CONTACTGUARD_RULES_DIR that cannot be read as text: nothing is
    // detected with half the rules; the message names the file and, where there is one, the line.
    void rulesFileTooLargeOrNotUtf8IsNamed()
    {
        QFETCH(QString, fileName);
        QFETCH(QByteArray, content);
        QFETCH(QString, problem);
        const QString rules = m_dir.filePath(QStringLiteral("rules-") + QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-')));
        QVERIFY(QDir().mkpath(rules));
        QFile file(rules + QLatin1Char('/') + fileName);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(content), content.size());
        file.close();
        qputenv("CONTACTGUARD_RULES_DIR", QFile::encodeName(rules));
        const CliRun run = runCli({QStringLiteral("detect")}, "{\"id\":\"1\",\"text\":\"call +1 312 555 0147\"}\n");
        qunsetenv("CONTACTGUARD_RULES_DIR");
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.out, QByteArray());
        QVERIFY2(run.err.contains((rules + QLatin1Char('/') + problem).toUtf8()), run.err.left(400).constData());
        QVERIFY2(run.err.size() < 1000, run.err.left(400).constData());
    }

    void contactDetailsNeverReachStandardError()
    {
        const QString db = m_dir.filePath(QStringLiteral("privacy.sqlite"));
        const QList<QByteArray> details = {"+1 415 555 0132", "jdoe.private@example.com", "skype: jdoe.design",
                                           "paypal.me/jdoeprivate", "DE89370400440532013000"};
        QList<QByteArray> texts;
        for (const QByteArray &detail : details)
            texts.append("reach me at " + detail);
        QByteArray input = conversationLine("p1", texts);
        // Bad lines whose values are contact details, so error messages could quote them.
        input += "{\"id\":\"+1 415 555 0132\",\"context\":{\"phase\":\"jdoe.private@example.com\"},\"messages\":[]}\n";
        input += "{\"id\":\"p2\",\"context\":{\"phase\":\"messages\"},\"messages\":[{\"id\":\"m\",\"sender\":\"paypal.me/jdoeprivate\","
                 "\"sent_at\":\"2026-05-01T10:00:00Z\",\"text\":\"x\"}]}\n";
        input += "not json at all: skype: jdoe.design\n";
        QByteArray stderrText;
        stderrText += runCli({QStringLiteral("import"), QStringLiteral("--db"), db, QStringLiteral("-")}, input).err;
        stderrText += runCli({QStringLiteral("scan"), QStringLiteral("--db"), db}).err;
        stderrText += runCli({QStringLiteral("assess")}, input).err;
        QByteArray detectInput;
        for (const QByteArray &detail : details)
            detectInput += "{\"id\":\"" + detail + "\",\"text\":\"" + detail + "\"}\n{\"id\":\"" + detail + "\",\"text\":5}\n";
        stderrText += runCli({QStringLiteral("detect")}, detectInput).err;
        stderrText += runCli({QStringLiteral("decide"), QStringLiteral("--db"), db, QStringLiteral("--case"), QStringLiteral("1"),
                              QStringLiteral("--verdict"), QStringLiteral("violation"), QStringLiteral("--basis"), QStringLiteral("before_contract"),
                              QStringLiteral("--penalty"), QStringLiteral("warning"), QStringLiteral("--moderator"), QStringLiteral("mei"),
                              QStringLiteral("--note"), QStringLiteral("shared +1 415 555 0132 and jdoe.private@example.com")}).err;
        // A decision refused for a conflict, with contact details in its note.
        stderrText += runCli({QStringLiteral("decide"), QStringLiteral("--db"), db, QStringLiteral("--case"), QStringLiteral("1"),
                              QStringLiteral("--verdict"), QStringLiteral("allowed"), QStringLiteral("--moderator"), QStringLiteral("mei"),
                              QStringLiteral("--expect-version"), QStringLiteral("1"),
                              QStringLiteral("--note"), QStringLiteral("skype: jdoe.design")}).err;
        const QString out = m_dir.filePath(QStringLiteral("private.csv"));
        stderrText += runCli({QStringLiteral("export"), QStringLiteral("--db"), db, QStringLiteral("--format"), QStringLiteral("csv"),
                              QStringLiteral("--out"), out}).err;
        stderrText += runCli({QStringLiteral("verify-audit"), QStringLiteral("--db"), db}).err;
        for (const QByteArray &detail : details)
            QVERIFY2(!stderrText.contains(detail), stderrText.constData());
        QVERIFY2(!stderrText.contains("jdoe"), stderrText.constData());

        // The export masks what the note holds, and its file is private to its owner.
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray exported = file.readAll();
        QVERIFY(exported.contains("decision"));
        QVERIFY2(!exported.contains("jdoe.private@example.com") && !exported.contains("415 555 0132"), exported.constData());
        QCOMPARE(file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup
                                       | QFileDevice::WriteOther),
                 QFileDevice::Permissions());
        QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral("private.csv*")}, QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("private.csv")});
    }

    void newCaseDatabasesArePrivate_data()
    {
        QTest::addColumn<int>("mask");
        QTest::newRow("umask 022") << 022;
        QTest::newRow("umask 000") << 0;
    }

    // A case database made by `import` or `demo` is readable by its owner only, whatever
    // the umask, and leaves no other file behind.
    void newCaseDatabasesArePrivate()
    {
        QFETCH(int, mask);
        const QString folder = m_dir.filePath(QStringLiteral("private-%1").arg(mask, 3, 8, QLatin1Char('0')));
        QVERIFY(QDir().mkpath(folder));
        const auto setUmask = [mask] { ::umask(mode_t(mask)); };
        const QString imported = folder + QStringLiteral("/imported.sqlite");
        const CliRun import = runCli({QStringLiteral("import"), QStringLiteral("--db"), imported, QStringLiteral("-")},
                                     conversationLine("c1", {"call me on +1 415 555 0132"}), setUmask);
        QVERIFY2(import.exitCode == 0, import.err.constData());
        const QString demo = folder + QStringLiteral("/demo.sqlite");
        const CliRun demoRun = runCli({QStringLiteral("demo"), QStringLiteral("--out"), demo, QStringLiteral("--conversations"),
                                       QStringLiteral("5")},
                                      {}, setUmask);
        QVERIFY2(demoRun.exitCode == 0, demoRun.err.constData());
        QCOMPARE(count(imported, QStringLiteral("SELECT COUNT(*) FROM messages")), 1);

        const QStringList files = QDir(folder).entryList(QDir::Files | QDir::Hidden, QDir::Name);
        QCOMPARE(files, (QStringList{QStringLiteral("demo.sqlite"), QStringLiteral("imported.sqlite")}));
        for (const QString &name : files) {
            struct stat status = {};
            QVERIFY(::stat(QFile::encodeName(folder + QLatin1Char('/') + name).constData(), &status) == 0);
            QVERIFY2((status.st_mode & 0777) == 0600,
                     qPrintable(QStringLiteral("%1 has mode %2").arg(name).arg(status.st_mode & 0777, 0, 8)));
        }
    }

private:
    QString m_filterDb;
    qint64 m_auditSeqBefore = 0;
};

QTEST_GUILESS_MAIN(TestHostileInput)
#include "tst_hostileinput.moc"
