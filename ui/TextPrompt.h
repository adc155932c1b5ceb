#pragma once

#include <QString>

#include <optional>

class QWidget;

namespace cg {

// Asks for a short text (a reason) in a modal prompt, which tests answer in
// advance instead of facing a window, like FileDialog.
class TextPrompt final
{
public:
    static TextPrompt &instance();

    // The text, or nothing when the moderator cancelled.
    std::optional<QString> ask(QWidget *parent, const QString &title, const QString &label);
    void setNextAnswer(const std::optional<QString> &answer);

private:
    TextPrompt() = default;
    std::optional<std::optional<QString>> m_next;
};

} // namespace cg
