#pragma once

#include <QByteArray>
#include <QKeySequence>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

class QSettings;

namespace cg {

// Typed access to the desktop app's persistent settings. Tests construct it on a
// temporary INI file so they never touch the user's settings.
class AppSettings final
{
public:
    AppSettings();                              // the user's settings
    explicit AppSettings(const QString &iniPath); // a private file (tests)
    ~AppSettings();
    AppSettings(const AppSettings &) = delete;
    AppSettings &operator=(const AppSettings &) = delete;

    static constexpr int kMaxRecentFiles = 8;

    QStringList recentFiles() const;
    void addRecentFile(const QString &path);
    void removeRecentFile(const QString &path);

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);
    QByteArray splitterState() const;
    void setSplitterState(const QByteArray &state);

    QString moderatorName() const; // defaults to the login name
    void setModeratorName(const QString &name);

    enum class Theme { System, Light, Dark };
    Theme theme() const;
    void setTheme(Theme theme);
    int fontPointSize() const; // 0: the system's size
    void setFontPointSize(int points);

    // A remapped shortcut for the action with this object name, or none.
    std::optional<QKeySequence> shortcut(const QString &actionName) const;
    void setShortcut(const QString &actionName, const QKeySequence &sequence);

    void sync();

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace cg
