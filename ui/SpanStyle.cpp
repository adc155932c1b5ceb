#include "SpanStyle.h"

#include <QCoreApplication>

namespace cg {

namespace {

struct TypeLook
{
    int hue;
    QTextCharFormat::UnderlineStyle underline;
};

TypeLook look(ContactType type)
{
    switch (type) {
    case ContactType::Phone: return {0, QTextCharFormat::SingleUnderline};
    case ContactType::Email: return {28, QTextCharFormat::DashUnderline};
    case ContactType::Messenger: return {130, QTextCharFormat::DotLine};
    case ContactType::Social: return {205, QTextCharFormat::DashDotLine};
    case ContactType::Address: return {275, QTextCharFormat::DashDotDotLine};
    case ContactType::Url: return {175, QTextCharFormat::WaveUnderline};
    case ContactType::Form: return {52, QTextCharFormat::SingleUnderline};
    case ContactType::Payment: return {320, QTextCharFormat::WaveUnderline};
    case ContactType::ContactRequest: return {235, QTextCharFormat::DotLine};
    }
    return {0, QTextCharFormat::SingleUnderline};
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightnessF() < 0.5;
}

} // namespace

SpanStyle spanStyle(ContactType type, const QPalette &palette)
{
    const TypeLook typeLook = look(type);
    const bool dark = isDark(palette);
    SpanStyle style;
    style.background = QColor::fromHsl(typeLook.hue, dark ? 110 : 200, dark ? 70 : 220);
    style.underline = QColor::fromHsl(typeLook.hue, 220, dark ? 170 : 90);
    style.underlineStyle = typeLook.underline;
    return style;
}

QTextCharFormat spanFormat(ContactType type, const QPalette &palette)
{
    const SpanStyle style = spanStyle(type, palette);
    QTextCharFormat format;
    format.setBackground(style.background);
    format.setUnderlineStyle(style.underlineStyle);
    format.setUnderlineColor(style.underline);
    return format;
}

QString contactTypeLabel(ContactType type)
{
    switch (type) {
    case ContactType::Phone: return QCoreApplication::translate("cg::SpanStyle", "Phone");
    case ContactType::Email: return QCoreApplication::translate("cg::SpanStyle", "E-mail");
    case ContactType::Messenger: return QCoreApplication::translate("cg::SpanStyle", "Messenger");
    case ContactType::Social: return QCoreApplication::translate("cg::SpanStyle", "Social");
    case ContactType::Address: return QCoreApplication::translate("cg::SpanStyle", "Address");
    case ContactType::Url: return QCoreApplication::translate("cg::SpanStyle", "Link");
    case ContactType::Form: return QCoreApplication::translate("cg::SpanStyle", "Form");
    case ContactType::Payment: return QCoreApplication::translate("cg::SpanStyle", "Payment");
    case ContactType::ContactRequest: return QCoreApplication::translate("cg::SpanStyle", "Request");
    }
    return {};
}

} // namespace cg
