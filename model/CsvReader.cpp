#include "CsvReader.h"

#include <QStringDecoder>

namespace cg {

namespace {

constexpr qint64 kChunkSize = 64 * 1024;

QString decodeField(const QByteArray &bytes, int column, QString *error)
{
    // Stateless: a multi-byte sequence cut off at the field's end is an error, not
    // something held back for more input and silently dropped.
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder(bytes);
    if (decoder.hasError() && error->isEmpty())
        *error = QStringLiteral("column %1 is not valid UTF-8").arg(column);
    return text;
}

} // namespace

CsvReader::CsvReader(QIODevice &device)
    : m_device(device)
{
}

bool CsvReader::fill()
{
    if (m_pos < m_buffer.size())
        return true;
    // Files and stdin block until data or the end; an empty read is the end.
    m_buffer = m_device.read(kChunkSize);
    m_pos = 0;
    if (!m_started) {
        m_started = true;
        if (m_buffer.startsWith("\xEF\xBB\xBF"))
            m_pos = 3;
    }
    return m_pos < m_buffer.size();
}

int CsvReader::peek()
{
    return fill() ? static_cast<unsigned char>(m_buffer.at(m_pos)) : -1;
}

int CsvReader::take()
{
    const int c = peek();
    if (c >= 0) {
        ++m_pos;
        if (c == '\n')
            ++m_line;
    }
    return c;
}

void CsvReader::skipRestOfLine()
{
    for (int c = take(); c >= 0 && c != '\n'; c = take()) {
    }
}

bool CsvReader::next(CsvRecord *record)
{
    *record = {};
    // Skip blank lines between records.
    while (peek() == '\n' || peek() == '\r')
        take();
    if (peek() < 0)
        return false;
    record->line = m_line;

    QByteArray field;
    bool quoted = false;
    auto finishField = [&] {
        record->fields.append(decodeField(field, int(record->fields.size()) + 1, &record->error));
        field.clear();
        quoted = false;
    };
    while (true) {
        const int c = take();
        if (c < 0 || c == '\n') {
            finishField();
            return true;
        }
        if (c == '\r') {
            if (peek() == '\n')
                take();
            finishField();
            return true;
        }
        if (c == ',') {
            finishField();
            continue;
        }
        if (c != '"') {
            field.append(char(c));
            continue;
        }
        const int column = int(record->fields.size()) + 1;
        if (!field.isEmpty() || quoted) {
            record->error = QStringLiteral("column %1 has a quote inside an unquoted field; quote the whole field "
                                           "and double the quotes inside it")
                                .arg(column);
            skipRestOfLine();
            return true;
        }
        // A quoted field: runs to the next lone quote, across line breaks.
        quoted = true;
        while (true) {
            const int q = take();
            if (q < 0) {
                record->error = QStringLiteral("column %1 opens a quote that is never closed").arg(column);
                return true;
            }
            if (q == '"') {
                if (peek() == '"') {
                    take();
                    field.append('"');
                    continue;
                }
                break;
            }
            field.append(char(q));
        }
        const int after = peek();
        if (after >= 0 && after != ',' && after != '\n' && after != '\r') {
            record->error = QStringLiteral("column %1 has text after its closing quote").arg(column);
            skipRestOfLine();
            return true;
        }
    }
}

} // namespace cg
