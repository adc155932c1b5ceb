#pragma once

#include "ContactType.h"

#include <QColor>
#include <QPalette>
#include <QTextCharFormat>

namespace cg {

// How a span of each contact type is drawn: a tinted background and an underline
// whose pattern differs per type, so types stay apart without colour vision and
// in dark themes. Derived from the palette, never stored in models.
struct SpanStyle
{
    QColor background;
    QColor underline;
    QTextCharFormat::UnderlineStyle underlineStyle = QTextCharFormat::SingleUnderline;
};

SpanStyle spanStyle(ContactType type, const QPalette &palette);
QTextCharFormat spanFormat(ContactType type, const QPalette &palette);
QString contactTypeLabel(ContactType type); // translated, for legends and tooltips

} // namespace cg
