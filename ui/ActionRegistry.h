#pragma once

#include <QHash>
#include <QKeySequence>
#include <QObject>
#include <QSet>

class QAction;

namespace cg {

class AppSettings;

enum class ActionId {
    Open,
    Quit,
    NextCase,
    PreviousCase,
    VerdictViolation,
    VerdictException,
    VerdictAllowed,
    VerdictNoContact,
    FocusNote,
    NextSpan,
    PenaltyMenu,
    Submit,
    Search,
    ShortcutSheet,
    Preferences,
    ShowDecisionLog,
    Export,
};

// What the window knows about the session when it decides which actions apply.
struct ActionContext
{
    bool hasDatabase = false;
    bool hasCase = false;
    bool caseIsLast = false;
    bool caseIsFirst = false;
};

// Every QAction of the app, created in one place with an object name and a default
// shortcut that the user's settings can remap. Menus and panels take their actions
// from here; which are enabled follows from the session alone (enabledActions).
class ActionRegistry final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActionRegistry)

public:
    explicit ActionRegistry(QObject *parent = nullptr);

    QAction *action(ActionId id) const;
    QList<QAction *> allActions() const;

    void applyShortcuts(const AppSettings &settings);
    void updateEnabled(const ActionContext &context);

    static QSet<ActionId> enabledActions(const ActionContext &context);
    static QKeySequence defaultShortcut(ActionId id);

private:
    void add(ActionId id, const char *objectName, const QString &text);

    QHash<ActionId, QAction *> m_actions;
    QList<ActionId> m_order;
};

} // namespace cg
