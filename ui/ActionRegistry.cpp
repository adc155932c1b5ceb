#include "ActionRegistry.h"

#include "AppSettings.h"

#include <QAction>

namespace cg {

ActionRegistry::ActionRegistry(QObject *parent)
    : QObject(parent)
{
    add(ActionId::Open, "openAction", tr("&Open Case Database…"));
    add(ActionId::Quit, "quitAction", tr("&Quit"));
    add(ActionId::NextCase, "nextCaseAction", tr("&Next Case"));
    add(ActionId::PreviousCase, "previousCaseAction", tr("&Previous Case"));
    add(ActionId::VerdictViolation, "verdictViolationAction", tr("Verdict: &Violation"));
    add(ActionId::VerdictException, "verdictExceptionAction", tr("Verdict: &Exception"));
    add(ActionId::VerdictAllowed, "verdictAllowedAction", tr("Verdict: &Allowed"));
    add(ActionId::VerdictNoContact, "verdictNoContactAction", tr("Verdict: No &Contact"));
    add(ActionId::FocusNote, "focusNoteAction", tr("Write a &Note"));
    add(ActionId::NextSpan, "nextSpanAction", tr("Next &Highlight"));
    add(ActionId::PenaltyMenu, "penaltyMenuAction", tr("Choose a &Penalty"));
    add(ActionId::Submit, "submitAction", tr("&Submit and Go to Next"));
    add(ActionId::Search, "searchAction", tr("&Search Cases"));
    add(ActionId::ShortcutSheet, "shortcutSheetAction", tr("&Keyboard Shortcuts"));
    add(ActionId::Preferences, "preferencesAction", tr("P&references…"));
    add(ActionId::ShowDecisionLog, "showDecisionLogAction", tr("Decision &Log"));
    add(ActionId::Export, "exportAction", tr("E&xport Decisions…"));
    action(ActionId::ShowDecisionLog)->setCheckable(true);
    for (QAction *verdict : {action(ActionId::VerdictViolation), action(ActionId::VerdictException),
                             action(ActionId::VerdictAllowed), action(ActionId::VerdictNoContact)})
        verdict->setCheckable(true);
}

void ActionRegistry::add(ActionId id, const char *objectName, const QString &text)
{
    auto *action = new QAction(text, this);
    action->setObjectName(QString::fromLatin1(objectName));
    action->setShortcut(defaultShortcut(id));
    // Single-key shortcuts must work wherever focus is in the window, but widgets
    // that take text (search, note) still get their keys first.
    action->setShortcutContext(Qt::WindowShortcut);
    m_actions.insert(id, action);
    m_order.append(id);
}

QKeySequence ActionRegistry::defaultShortcut(ActionId id)
{
    switch (id) {
    case ActionId::Open: return QKeySequence(QKeySequence::Open);
    case ActionId::Quit: return QKeySequence(QKeySequence::Quit);
    case ActionId::NextCase: return QKeySequence(Qt::Key_J);
    case ActionId::PreviousCase: return QKeySequence(Qt::Key_K);
    case ActionId::VerdictViolation: return QKeySequence(Qt::Key_1);
    case ActionId::VerdictException: return QKeySequence(Qt::Key_2);
    case ActionId::VerdictAllowed: return QKeySequence(Qt::Key_3);
    case ActionId::VerdictNoContact: return QKeySequence(Qt::Key_4);
    case ActionId::FocusNote: return QKeySequence(Qt::Key_N);
    case ActionId::NextSpan: return QKeySequence(Qt::Key_S);
    case ActionId::PenaltyMenu: return QKeySequence(Qt::Key_P);
    case ActionId::Submit: return QKeySequence(Qt::CTRL | Qt::Key_Return);
    case ActionId::Search: return QKeySequence(Qt::Key_Slash);
    case ActionId::ShortcutSheet: return QKeySequence(Qt::Key_F1);
    case ActionId::Preferences: return QKeySequence(QKeySequence::Preferences);
    case ActionId::ShowDecisionLog: return QKeySequence(Qt::CTRL | Qt::Key_L);
    case ActionId::Export: return QKeySequence(Qt::CTRL | Qt::Key_E);
    }
    return {};
}

QAction *ActionRegistry::action(ActionId id) const
{
    return m_actions.value(id);
}

QList<QAction *> ActionRegistry::allActions() const
{
    QList<QAction *> actions;
    for (ActionId id : m_order)
        actions.append(m_actions.value(id));
    return actions;
}

void ActionRegistry::applyShortcuts(const AppSettings &settings)
{
    for (ActionId id : std::as_const(m_order)) {
        QAction *action = m_actions.value(id);
        action->setShortcut(settings.shortcut(action->objectName()).value_or(defaultShortcut(id)));
    }
}

QSet<ActionId> ActionRegistry::enabledActions(const ActionContext &context)
{
    QSet<ActionId> enabled{ActionId::Open, ActionId::Quit, ActionId::ShortcutSheet, ActionId::Preferences};
    if (context.hasDatabase) {
        enabled << ActionId::Search << ActionId::ShowDecisionLog << ActionId::Export;
        if (!context.caseIsLast)
            enabled << ActionId::NextCase;
        if (context.hasCase && !context.caseIsFirst)
            enabled << ActionId::PreviousCase;
    }
    if (context.hasCase) {
        enabled << ActionId::VerdictViolation << ActionId::VerdictException << ActionId::VerdictAllowed
                << ActionId::VerdictNoContact << ActionId::FocusNote << ActionId::PenaltyMenu << ActionId::Submit
                << ActionId::NextSpan;
    }
    return enabled;
}

void ActionRegistry::updateEnabled(const ActionContext &context)
{
    const QSet<ActionId> enabled = enabledActions(context);
    for (ActionId id : std::as_const(m_order))
        m_actions.value(id)->setEnabled(enabled.contains(id));
}

} // namespace cg
