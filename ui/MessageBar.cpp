#include "MessageBar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

namespace cg {

MessageBar::MessageBar(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
    , m_closeButton(new QToolButton(this))
{
    setObjectName(QStringLiteral("messageBarFrame"));
    setAccessibleName(tr("Messages"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_label->setObjectName(QStringLiteral("messageBarLabel"));
    m_label->setAccessibleName(tr("Message"));
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_closeButton->setObjectName(QStringLiteral("messageBarCloseButton"));
    m_closeButton->setAccessibleName(tr("Dismiss message"));
    m_closeButton->setIcon(style()->standardIcon(QStyle::SP_DialogCloseButton));
    m_closeButton->setAutoRaise(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_closeButton, 0, Qt::AlignTop);
    connect(m_closeButton, &QToolButton::clicked, this, &QWidget::hide);
    hide();
}

void MessageBar::showMessage(Kind kind, const QString &text)
{
    m_kind = kind;
    m_label->setText(text);
    // Tinted from the palette's base so the bar reads in light and dark themes.
    QColor tint;
    switch (kind) {
    case Kind::Information: tint = QColor(0x3d, 0xae, 0xe9); break;
    case Kind::Positive: tint = QColor(0x27, 0xae, 0x60); break;
    case Kind::Warning: tint = QColor(0xf6, 0x74, 0x00); break;
    case Kind::Error: tint = QColor(0xda, 0x44, 0x53); break;
    }
    QPalette pal = palette();
    const QColor base = parentWidget() ? parentWidget()->palette().color(QPalette::Window) : pal.color(QPalette::Window);
    QColor background;
    background.setRgbF(base.redF() * 0.75 + tint.redF() * 0.25, base.greenF() * 0.75 + tint.greenF() * 0.25,
                       base.blueF() * 0.75 + tint.blueF() * 0.25);
    pal.setColor(QPalette::Window, background);
    setPalette(pal);
    show();
}

QString MessageBar::text() const
{
    return m_label->text();
}

} // namespace cg
