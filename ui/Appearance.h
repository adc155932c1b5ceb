#pragma once

#include "AppSettings.h"

#include <QPalette>

class QApplication;

namespace cg {

// Applies the theme and font size from the settings to the whole application.
// Light and dark use the Fusion style with a fixed palette so they look the same
// everywhere; "system" leaves the platform's choice alone.
class Appearance final
{
public:
    static void apply(QApplication &app, AppSettings::Theme theme, int fontPointSize);
    static QPalette darkPalette();
};

} // namespace cg
