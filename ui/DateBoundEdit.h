#pragma once

#include <QDateEdit>

namespace cg {

// A date edit for an optional bound of a filter: its lowest value reads "any day"
// and means no bound.
class DateBoundEdit final : public QDateEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DateBoundEdit)

public:
    DateBoundEdit(const QString &objectName, const QString &accessibleName, QWidget *parent = nullptr);

    QDate bound() const; // invalid when no bound is set
    void clearBound();
};

} // namespace cg
