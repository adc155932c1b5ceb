#include "DateBoundEdit.h"

namespace cg {

DateBoundEdit::DateBoundEdit(const QString &objectName, const QString &accessibleName, QWidget *parent)
    : QDateEdit(parent)
{
    setObjectName(objectName);
    setAccessibleName(accessibleName);
    setCalendarPopup(true);
    setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    setMinimumDate(QDate(2000, 1, 1));
    setSpecialValueText(tr("any day"));
    clearBound();
}

QDate DateBoundEdit::bound() const
{
    return date() == minimumDate() ? QDate() : date();
}

void DateBoundEdit::clearBound()
{
    setDate(minimumDate());
}

} // namespace cg
