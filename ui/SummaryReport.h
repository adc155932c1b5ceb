#pragma once

#include "AuditLog.h"
#include "DecisionStatistics.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

class QIODevice;

namespace cg {

// A one-page PDF summary of the decision log: totals, decisions per verdict and
// per day as charts, per moderator and per penalty, and whether the audit chain
// was intact when it was made. Painting goes to a QPdfWriter, which is safe on a
// worker thread, so the report is made off the GUI thread.
class SummaryReport final
{
    Q_DECLARE_TR_FUNCTIONS(SummaryReport)

public:
    struct Content
    {
        DecisionStatistics statistics;
        AuditVerification audit;
        QString databaseName;
        QString generatedBy;
        QDateTime generatedAt;
    };

    static bool render(const Content &content, QIODevice *device, QString *error);
};

} // namespace cg
