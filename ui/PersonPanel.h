#pragma once

#include "CaseDetails.h"

#include <QWidget>

class QTextBrowser;

namespace cg {

// The person whose conduct is under review: plan, contract state, active
// penalties and earlier decisions (reversed ones struck through, since they do
// not count on the penalty ladder). Earlier cases are links.
class PersonPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PersonPanel)

public:
    explicit PersonPanel(QWidget *parent = nullptr);

    void showCase(const std::optional<CaseDetails> &details);
    QString plainText() const;

signals:
    void caseLinkActivated(qint64 caseId);

private:
    static QString describe(const CaseDetails &details);

    QTextBrowser *m_browser;
};

} // namespace cg
