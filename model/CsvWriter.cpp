#include "CsvWriter.h"

namespace cg {

QString CsvWriter::guardFormula(const QString &cell)
{
    if (cell.isEmpty())
        return cell;
    switch (cell.front().unicode()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
        return QLatin1Char('\'') + cell;
    default:
        return cell;
    }
}

QString CsvWriter::field(const QString &cell)
{
    const QString text = guardFormula(cell);
    const bool needsQuotes = text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"'))
        || text.contains(QLatin1Char('\n')) || text.contains(QLatin1Char('\r'));
    if (!needsQuotes)
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QByteArray CsvWriter::row(const QStringList &cells)
{
    QStringList fields;
    fields.reserve(cells.size());
    for (const QString &cell : cells)
        fields.append(field(cell));
    return fields.join(QLatin1Char(',')).toUtf8() + "\r\n";
}

} // namespace cg
