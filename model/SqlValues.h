#pragma once

#include <QString>
#include <QVariant>

namespace cg {

// Qt Sql binds a null QString as SQL NULL. Columns declared NOT NULL DEFAULT ''
// want an empty string instead, so text bound into them goes through here.
inline QVariant sqlText(const QString &text)
{
    return text.isNull() ? QVariant(QString::fromLatin1("")) : QVariant(text);
}

// The other way round: an empty value is stored as NULL (optional columns).
inline QVariant sqlOptionalText(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

} // namespace cg
