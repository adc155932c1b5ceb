#include "Appearance.h"

#include <QApplication>
#include <QFont>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

namespace cg {

namespace {

struct Defaults
{
    QString style;
    QPalette palette;
    QFont font;
};

// What the platform chose before any theme was applied, to return to "system".
const Defaults &platformDefaults(QApplication &app)
{
    static const Defaults defaults{app.style()->name(), QApplication::palette(), QApplication::font()};
    return defaults;
}

} // namespace

QPalette Appearance::darkPalette()
{
    QPalette palette;
    const QColor window(0x2b, 0x2d, 0x31);
    const QColor base(0x1f, 0x20, 0x23);
    const QColor text(0xe6, 0xe6, 0xe6);
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, QColor(0x33, 0x35, 0x3a));
    palette.setColor(QPalette::ToolTipBase, base);
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9d, 0xa3));
    palette.setColor(QPalette::Button, window);
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::BrightText, Qt::red);
    palette.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xff));
    palette.setColor(QPalette::Highlight, QColor(0x3d, 0x7e, 0xd6));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Mid, QColor(0x4a, 0x4d, 0x53));
    palette.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
    palette.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
    palette.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
    return palette;
}

void Appearance::apply(QApplication &app, AppSettings::Theme theme, int fontPointSize)
{
    const Defaults &defaults = platformDefaults(app);
    switch (theme) {
    case AppSettings::Theme::System:
        QApplication::setStyle(QStyleFactory::create(defaults.style));
        QApplication::setPalette(defaults.palette);
        break;
    case AppSettings::Theme::Light:
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(QApplication::style()->standardPalette());
        break;
    case AppSettings::Theme::Dark:
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(darkPalette());
        break;
    }
    QFont font = defaults.font;
    if (fontPointSize > 0)
        font.setPointSize(fontPointSize);
    QApplication::setFont(font);
}

} // namespace cg
