#pragma once

#include <QByteArray>
#include <QIODevice>
#include <QString>
#include <QStringList>

namespace cg {

// One CSV record: its fields, the physical line it starts on, or why it is malformed.
struct CsvRecord
{
    QStringList fields;
    qint64 line = 0;   // 1-based line number of the record's first character
    QString error;     // empty when the record is well-formed

    bool ok() const { return error.isEmpty(); }
};

// Reads RFC 4180 CSV incrementally: fields separated by commas, records by CRLF or
// LF, fields in double quotes may hold commas, line breaks and doubled quotes ("").
// A malformed record (a quote inside an unquoted field, text after a closing quote,
// bytes that are not UTF-8) is returned with an error and reading goes on at the
// next line; a quote left open runs to the end of the input and is reported there.
// A UTF-8 byte-order mark at the start is skipped.
class CsvReader final
{
public:
    explicit CsvReader(QIODevice &device);

    // False at the end of the input; blank lines are skipped.
    bool next(CsvRecord *record);

    // A device read error, if reading stopped because of one.
    QString ioError() const { return m_ioError; }

private:
    bool fill();
    int peek();
    int take();
    void skipRestOfLine();

    QIODevice &m_device;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
    qint64 m_line = 1;
    bool m_started = false;
    QString m_ioError;
};

} // namespace cg
