// CSV import into a case database, and the CSV reader on its own: every record has
// a line number that never goes backwards, and a malformed one says why.
#include "CsvReader.h"
#include "FuzzImport.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    cg::CsvReader reader(buffer);
    cg::CsvRecord record;
    qint64 lastLine = 0;
    while (reader.next(&record)) {
        if (record.line < 1 || record.line < lastLine)
            cg::fuzz::fail(QStringLiteral("record line %1 after line %2").arg(record.line).arg(lastLine));
        lastLine = record.line;
    }
    return cg::fuzz::importInput(data, size, cg::ImportFormat::Csv);
}
