#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace cg {

// Writes RFC 4180 CSV: CRLF line ends; a field holding a comma, a quote or a line
// break is quoted, with quotes doubled. Cells a spreadsheet would run as a formula
// (starting with = + - @, or a tab or carriage return that hides one) get a leading
// apostrophe so they are shown as text.
class CsvWriter final
{
public:
    static QByteArray row(const QStringList &cells);
    static QString field(const QString &cell);
    static QString guardFormula(const QString &cell);
};

} // namespace cg
