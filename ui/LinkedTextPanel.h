#pragma once

#include <QWidget>

class QTextBrowser;
class QUrl;

namespace cg {

// A side panel of rich text whose links act inside the app (a case, a piece of
// evidence) instead of opening a browser.
class LinkedTextPanel : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LinkedTextPanel)

public:
    QString plainText() const;

protected:
    LinkedTextPanel(const QString &objectName, const QString &accessibleName, const QString &contentName,
                    QWidget *parent);

    void setHtml(const QString &html);
    virtual void onLinkActivated(const QUrl &url) = 0;

private:
    QTextBrowser *m_browser;
};

} // namespace cg
