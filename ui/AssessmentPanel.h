#pragma once

#include "LinkedTextPanel.h"

namespace cg {

class ContactPolicy;
struct Assessment;

// What the policy suggests for the selected case: the verdict and confidence, each
// basis with the policy clause it rests on and the words that support it (links
// that scroll to them), the recommended penalty with the earlier cases it counted,
// and why an exception no longer applies when it was misused.
class AssessmentPanel final : public LinkedTextPanel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AssessmentPanel)

public:
    explicit AssessmentPanel(QWidget *parent = nullptr);

    // `assessment` may be null (no case, or no policy).
    void showAssessment(const Assessment *assessment, const ContactPolicy *policy, bool fullyScanned);
    // Follows the evidence link with this index (as a click on it would).
    void activateEvidence(int index);

signals:
    void evidenceActivated(const QString &messageId, qsizetype start, qsizetype end);

protected:
    void onLinkActivated(const QUrl &url) override;

private:
    QString describe(const Assessment &assessment, const ContactPolicy *policy, bool fullyScanned) const;

    QList<std::tuple<QString, qsizetype, qsizetype>> m_evidence; // per link index
};

} // namespace cg
