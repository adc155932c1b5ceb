#include "CsvReader.h"
#include "CsvWriter.h"

#include <QBuffer>
#include <QTest>

using namespace cg;

// Test tables list SQL and fields as plain literals (QT_NO_CAST_FROM_ASCII is on).
inline QStringList strings(std::initializer_list<const char *> items)
{
    QStringList list;
    for (const char *item : items)
        list.append(QString::fromUtf8(item));
    return list;
}

namespace {

QList<CsvRecord> readAll(const QByteArray &bytes)
{
    QByteArray data = bytes;
    QBuffer buffer(&data);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(buffer);
    QList<CsvRecord> records;
    CsvRecord record;
    while (reader.next(&record))
        records.append(record);
    return records;
}

} // namespace

class TestCsv : public QObject
{
    Q_OBJECT

private slots:
    void readsRfc4180_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QStringList>("fields");
        QTest::newRow("plain") << QByteArray("a,b,c\n") << strings({"a", "b", "c"});
        QTest::newRow("crlf") << QByteArray("a,b\r\n") << strings({"a", "b"});
        QTest::newRow("no final newline") << QByteArray("a,b") << strings({"a", "b"});
        QTest::newRow("empty fields") << QByteArray(",,\n") << strings({"", "", ""});
        QTest::newRow("quoted comma") << QByteArray("\"a,b\",c\n") << strings({"a,b", "c"});
        QTest::newRow("doubled quote") << QByteArray("\"say \"\"hi\"\"\",x\n") << strings({"say \"hi\"", "x"});
        QTest::newRow("embedded crlf") << QByteArray("\"line 1\r\nline 2\",x\r\n") << strings({"line 1\r\nline 2", "x"});
        QTest::newRow("empty quoted") << QByteArray("\"\",x\n") << strings({"", "x"});
        QTest::newRow("byte order mark") << QByteArray("\xEF\xBB\xBF" "a,b\n") << strings({"a", "b"});
        QTest::newRow("utf-8") << QByteArray("caf\xC3\xA9,\xE2\x82\xAC\n") << QStringList{QStringLiteral("café"), QStringLiteral("€")};
    }

    void readsRfc4180()
    {
        QFETCH(QByteArray, input);
        QFETCH(QStringList, fields);
        const QList<CsvRecord> records = readAll(input);
        QCOMPARE(records.size(), 1);
        QVERIFY2(records.constFirst().ok(), qPrintable(records.constFirst().error));
        QCOMPARE(records.constFirst().fields, fields);
    }

    void reportsMalformedRecordsAndGoesOn_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("error");
        QTest::newRow("quote inside unquoted field") << QByteArray("ab\"c,d\nok,1\n") << "quote inside an unquoted field";
        QTest::newRow("text after closing quote") << QByteArray("\"ab\"c,d\nok,1\n") << "text after its closing quote";
        QTest::newRow("not utf-8") << QByteArray("\xFF\xFE,d\nok,1\n") << "not valid UTF-8";
    }

    void reportsMalformedRecordsAndGoesOn()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, error);
        const QList<CsvRecord> records = readAll(input);
        QCOMPARE(records.size(), 2);
        QVERIFY2(records.at(0).error.contains(error), qPrintable(records.at(0).error));
        QCOMPARE(records.at(0).line, 1);
        QVERIFY(records.at(1).ok());
        QCOMPARE(records.at(1).line, 2);
        QCOMPARE(records.at(1).fields, (strings({"ok", "1"})));
    }

    void unclosedQuoteRunsToTheEnd()
    {
        const QList<CsvRecord> records = readAll("a,b\n\"never closed,x\ny,z\n");
        QCOMPARE(records.size(), 2);
        QCOMPARE(records.at(1).line, 2);
        QVERIFY(records.at(1).error.contains(QStringLiteral("never closed")));
    }

    void countsLinesInsideQuotedFields()
    {
        const QList<CsvRecord> records = readAll("h\n\n\"1\n2\n3\"\nnext\n");
        QCOMPARE(records.size(), 3);
        QCOMPARE(records.at(0).line, 1);
        QCOMPARE(records.at(1).line, 3);
        QCOMPARE(records.at(2).line, 6);
    }

    void writerRoundTrips_data()
    {
        QTest::addColumn<QString>("cell");
        QTest::addColumn<QString>("expected"); // what a reader gets back
        QTest::newRow("plain") << "hello" << "hello";
        QTest::newRow("comma") << "a, b" << "a, b";
        QTest::newRow("quotes") << "say \"hi\"" << "say \"hi\"";
        QTest::newRow("line breaks") << "one\r\ntwo\nthree" << "one\r\ntwo\nthree";
        QTest::newRow("formula =") << "=SUM(A1:A9)" << "'=SUM(A1:A9)";
        QTest::newRow("formula +") << "+1 415" << "'+1 415";
        QTest::newRow("formula -") << "-2+3" << "'-2+3";
        QTest::newRow("formula @") << "@cmd" << "'@cmd";
        QTest::newRow("tab prefix") << "\t=1" << "'\t=1";
        QTest::newRow("cr prefix") << "\r=1" << "'\r=1";
        QTest::newRow("empty") << "" << "";
        QTest::newRow("non-ascii") << QStringLiteral("naïve, “quoted”") << QStringLiteral("naïve, “quoted”");
    }

    void writerRoundTrips()
    {
        QFETCH(QString, cell);
        QFETCH(QString, expected);
        const QByteArray row = CsvWriter::row({QStringLiteral("id"), cell, QStringLiteral("end")});
        QVERIFY(row.endsWith("\r\n"));
        const QList<CsvRecord> records = readAll(row);
        QCOMPARE(records.size(), 1);
        QCOMPARE(records.constFirst().fields, (QStringList{QStringLiteral("id"), expected, QStringLiteral("end")}));
    }
};

QTEST_APPLESS_MAIN(TestCsv)
#include "tst_csv.moc"
