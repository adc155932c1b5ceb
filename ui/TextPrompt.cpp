#include "TextPrompt.h"

#include <QInputDialog>

namespace cg {

TextPrompt &TextPrompt::instance()
{
    static TextPrompt prompt;
    return prompt;
}

std::optional<QString> TextPrompt::ask(QWidget *parent, const QString &title, const QString &label)
{
    if (m_next) {
        const std::optional<QString> answer = *m_next;
        m_next.reset();
        return answer;
    }
    bool accepted = false;
    const QString text = QInputDialog::getMultiLineText(parent, title, label, QString(), &accepted);
    return accepted ? std::optional<QString>(text) : std::nullopt;
}

void TextPrompt::setNextAnswer(const std::optional<QString> &answer)
{
    m_next = answer;
}

} // namespace cg
