#include "LinkedTextPanel.h"

#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

namespace cg {

LinkedTextPanel::LinkedTextPanel(const QString &objectName, const QString &accessibleName,
                                 const QString &contentName, QWidget *parent)
    : QWidget(parent)
    , m_browser(new QTextBrowser(this))
{
    setObjectName(objectName);
    setAccessibleName(accessibleName);
    m_browser->setObjectName(objectName + QStringLiteral("TextBrowser"));
    m_browser->setAccessibleName(contentName);
    m_browser->setOpenLinks(false);
    m_browser->setFrameShape(QFrame::NoFrame);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_browser);
    connect(m_browser, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) { onLinkActivated(url); });
}

QString LinkedTextPanel::plainText() const
{
    return m_browser->toPlainText();
}

void LinkedTextPanel::setHtml(const QString &html)
{
    m_browser->setHtml(html);
}

} // namespace cg
