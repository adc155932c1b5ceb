#include "AppSettings.h"

#include <QFileInfo>
#include <QSettings>

namespace cg {

namespace {
const QString kRecentFiles = QStringLiteral("files/recent");
const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/state");
const QString kSplitter = QStringLiteral("window/splitter");
const QString kModerator = QStringLiteral("review/moderator");
const QString kShortcutGroup = QStringLiteral("shortcuts/");
const QString kTheme = QStringLiteral("appearance/theme");
const QString kFontSize = QStringLiteral("appearance/fontPointSize");

QString loginName()
{
    QString name = qEnvironmentVariable("USER");
    if (name.isEmpty())
        name = qEnvironmentVariable("USERNAME");
    return name.isEmpty() ? QStringLiteral("moderator") : name;
}
} // namespace

AppSettings::AppSettings()
    : m_settings(std::make_unique<QSettings>())
{
}

AppSettings::AppSettings(const QString &iniPath)
    : m_settings(std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
{
}

AppSettings::~AppSettings() = default;

QStringList AppSettings::recentFiles() const
{
    return m_settings->value(kRecentFiles).toStringList();
}

void AppSettings::addRecentFile(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList files = recentFiles();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > kMaxRecentFiles)
        files.removeLast();
    m_settings->setValue(kRecentFiles, files);
}

void AppSettings::removeRecentFile(const QString &path)
{
    QStringList files = recentFiles();
    files.removeAll(QFileInfo(path).absoluteFilePath());
    m_settings->setValue(kRecentFiles, files);
}

QByteArray AppSettings::windowGeometry() const { return m_settings->value(kGeometry).toByteArray(); }
void AppSettings::setWindowGeometry(const QByteArray &geometry) { m_settings->setValue(kGeometry, geometry); }
QByteArray AppSettings::windowState() const { return m_settings->value(kState).toByteArray(); }
void AppSettings::setWindowState(const QByteArray &state) { m_settings->setValue(kState, state); }
QByteArray AppSettings::splitterState() const { return m_settings->value(kSplitter).toByteArray(); }
void AppSettings::setSplitterState(const QByteArray &state) { m_settings->setValue(kSplitter, state); }

QString AppSettings::moderatorName() const
{
    return m_settings->value(kModerator, loginName()).toString();
}

void AppSettings::setModeratorName(const QString &name)
{
    m_settings->setValue(kModerator, name);
}

AppSettings::Theme AppSettings::theme() const
{
    const QString name = m_settings->value(kTheme).toString();
    if (name == QLatin1String("light"))
        return Theme::Light;
    if (name == QLatin1String("dark"))
        return Theme::Dark;
    return Theme::System;
}

void AppSettings::setTheme(Theme theme)
{
    const char *names[] = {"system", "light", "dark"};
    m_settings->setValue(kTheme, QString::fromLatin1(names[static_cast<int>(theme)]));
}

int AppSettings::fontPointSize() const
{
    return std::clamp(m_settings->value(kFontSize, 0).toInt(), 0, 32);
}

void AppSettings::setFontPointSize(int points)
{
    m_settings->setValue(kFontSize, points);
}

std::optional<QKeySequence> AppSettings::shortcut(const QString &actionName) const
{
    const QVariant value = m_settings->value(kShortcutGroup + actionName);
    if (!value.isValid())
        return std::nullopt;
    return QKeySequence(value.toString(), QKeySequence::PortableText);
}

void AppSettings::setShortcut(const QString &actionName, const QKeySequence &sequence)
{
    m_settings->setValue(kShortcutGroup + actionName, sequence.toString(QKeySequence::PortableText));
}

void AppSettings::sync()
{
    m_settings->sync();
}

} // namespace cg
