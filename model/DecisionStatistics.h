#pragma once

#include "DecisionFilter.h"

#include <QDate>
#include <QMap>
#include <QSqlDatabase>

#include <optional>

namespace cg {

// Counts over the decision log for a summary report: per verdict, per day and
// verdict, per moderator and per penalty. Reversals are counted apart; the
// decisions they overturned still count where they were made.
struct DecisionStatistics
{
    DecisionFilter filter;
    qint64 decisions = 0;
    qint64 reversals = 0;
    QMap<QString, qint64> perVerdict;
    QMap<QDate, QMap<QString, qint64>> perDay; // day -> verdict -> count
    QMap<QString, qint64> perModerator;
    QMap<QString, qint64> perPenalty;

    static std::optional<DecisionStatistics> load(const QSqlDatabase &db, const DecisionFilter &filter, QString *error);
};

} // namespace cg
