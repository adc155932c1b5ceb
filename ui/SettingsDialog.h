#pragma once

#include "AppSettings.h"

#include <QDialog>
#include <QHash>

class QComboBox;
class QKeySequenceEdit;
class QLineEdit;
class QSpinBox;

namespace cg {

class ActionRegistry;

// Preferences: who decides, how the app looks, and every shortcut. Saves to the
// settings on accept; the window applies them.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    SettingsDialog(AppSettings *settings, const ActionRegistry *actions, QWidget *parent = nullptr);

    void save();

private:
    QWidget *createGeneralPage();
    QWidget *createShortcutsPage(const ActionRegistry *actions);

    AppSettings *m_settings;
    QLineEdit *m_moderator = nullptr;
    QComboBox *m_theme = nullptr;
    QSpinBox *m_fontSize = nullptr;
    QHash<QString, QKeySequenceEdit *> m_shortcutEdits; // by action object name
};

} // namespace cg
