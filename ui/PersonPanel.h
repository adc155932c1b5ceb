#pragma once

#include "CaseDetails.h"
#include "LinkedTextPanel.h"

namespace cg {

// The person whose conduct is under review: plan, contract state, active
// penalties and earlier decisions (reversed ones struck through, since they do
// not count on the penalty ladder). Earlier cases are links.
class PersonPanel final : public LinkedTextPanel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PersonPanel)

public:
    explicit PersonPanel(QWidget *parent = nullptr);

    void showCase(const std::optional<CaseDetails> &details);

signals:
    void caseLinkActivated(qint64 caseId);

protected:
    void onLinkActivated(const QUrl &url) override;

private:
    static QString describe(const CaseDetails &details);
};

} // namespace cg
