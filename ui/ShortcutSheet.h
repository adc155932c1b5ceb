#pragma once

#include <QDialog>

class QAction;

namespace cg {

// F1: every action with its current shortcut, so the keyboard flow can be learnt.
class ShortcutSheet final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShortcutSheet)

public:
    ShortcutSheet(const QList<QAction *> &actions, QWidget *parent = nullptr);
};

} // namespace cg
