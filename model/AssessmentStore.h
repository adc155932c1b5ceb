#pragma once

#include <QSqlDatabase>
#include <QString>

#include <functional>

namespace cg {

class PolicyAssessor;

struct AssessOutcome
{
    bool ok = false;
    bool cancelled = false;
    qint64 conversationsAssessed = 0;
    QString error;
};

// Keeps each case's suggested verdict in the database: assesses every conversation
// whose stored suggestion is missing or was made by another assessor or detector
// version, from the spans the scanner stored. The queue sorts and filters on the
// result; batches are committed with an audit entry each, so it resumes.
class AssessmentStore final
{
public:
    using Progress = std::function<void(qint64 done, qint64 total)>;
    using CancelCheck = std::function<bool()>;

    AssessmentStore(QSqlDatabase db, const PolicyAssessor &assessor, QString actor);

    AssessOutcome assessPending(int threads, const Progress &progress = {}, const CancelCheck &isCancelled = {});

    // Names what made a stored suggestion: the policy rules and the detector.
    static QString version();

private:
    QSqlDatabase m_db;
    const PolicyAssessor &m_assessor;
    QString m_actor;
};

} // namespace cg
