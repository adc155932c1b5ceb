#include "SettingsDialog.h"

#include "ActionRegistry.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QKeySequenceEdit>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace cg {

SettingsDialog::SettingsDialog(AppSettings *settings, const ActionRegistry *actions, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Preferences"));
    auto *tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("settingsTabWidget"));
    tabs->setAccessibleName(tr("Preference pages"));
    tabs->addTab(createGeneralPage(), tr("&General"));
    tabs->addTab(createShortcutsPage(actions), tr("&Shortcuts"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("settingsButtonBox"));
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        save();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addWidget(buttons);
    resize(480, 520);
}

QWidget *SettingsDialog::createGeneralPage()
{
    auto *page = new QWidget(this);
    m_moderator = new QLineEdit(m_settings->moderatorName(), page);
    m_moderator->setObjectName(QStringLiteral("moderatorLineEdit"));
    m_moderator->setAccessibleName(tr("Moderator name"));
    m_theme = new QComboBox(page);
    m_theme->setObjectName(QStringLiteral("themeComboBox"));
    m_theme->setAccessibleName(tr("Theme"));
    m_theme->addItem(tr("Follow the system"), static_cast<int>(AppSettings::Theme::System));
    m_theme->addItem(tr("Light"), static_cast<int>(AppSettings::Theme::Light));
    m_theme->addItem(tr("Dark"), static_cast<int>(AppSettings::Theme::Dark));
    m_theme->setCurrentIndex(m_theme->findData(static_cast<int>(m_settings->theme())));
    m_fontSize = new QSpinBox(page);
    m_fontSize->setObjectName(QStringLiteral("fontSizeSpinBox"));
    m_fontSize->setAccessibleName(tr("Font size"));
    m_fontSize->setRange(0, 32);
    m_fontSize->setSpecialValueText(tr("System size"));
    m_fontSize->setSuffix(tr(" pt"));
    m_fontSize->setValue(m_settings->fontPointSize());

    auto *form = new QFormLayout(page);
    form->addRow(tr("&Decide as"), m_moderator);
    form->addRow(new QLabel(tr("Takes effect when a case database is next opened."), page));
    form->addRow(tr("&Theme"), m_theme);
    form->addRow(tr("&Font size"), m_fontSize);
    return page;
}

QWidget *SettingsDialog::createShortcutsPage(const ActionRegistry *actions)
{
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("shortcutsScrollArea"));
    scroll->setAccessibleName(tr("Shortcuts"));
    scroll->setWidgetResizable(true);
    auto *page = new QWidget(scroll);
    auto *form = new QFormLayout(page);
    for (QAction *action : actions->allActions()) {
        auto *edit = new QKeySequenceEdit(action->shortcut(), page);
        edit->setObjectName(action->objectName() + QStringLiteral("KeySequenceEdit"));
        const QString label = action->text().remove(QLatin1Char('&'));
        edit->setAccessibleName(tr("Shortcut for %1").arg(label));
        form->addRow(label, edit);
        m_shortcutEdits.insert(action->objectName(), edit);
    }
    scroll->setWidget(page);
    return scroll;
}

void SettingsDialog::save()
{
    if (!m_moderator->text().trimmed().isEmpty())
        m_settings->setModeratorName(m_moderator->text().trimmed());
    m_settings->setTheme(static_cast<AppSettings::Theme>(m_theme->currentData().toInt()));
    m_settings->setFontPointSize(m_fontSize->value());
    for (auto it = m_shortcutEdits.cbegin(); it != m_shortcutEdits.cend(); ++it)
        m_settings->setShortcut(it.key(), it.value()->keySequence());
    m_settings->sync();
}

} // namespace cg
