#include "DecisionStatistics.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace cg {

std::optional<DecisionStatistics> DecisionStatistics::load(const QSqlDatabase &db, const DecisionFilter &filter,
                                                           QString *error)
{
    QStringList conditions;
    QVariantList values;
    filter.appendConditions(&conditions, &values);
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
                      "SELECT substr(d.decided_at, 1, 10), d.verdict, m.name, COALESCE(d.penalty, ''), "
                      "d.reverses_decision_id IS NOT NULL, COUNT(*) FROM decisions d "
                      "JOIN moderators m ON m.id = d.moderator_id WHERE %1 GROUP BY 1, 2, 3, 4, 5")
                      .arg(conditions.join(QStringLiteral(" AND "))));
    for (const QVariant &value : std::as_const(values))
        query.addBindValue(value);
    if (!query.exec()) {
        *error = query.lastError().text();
        return std::nullopt;
    }
    DecisionStatistics statistics;
    statistics.filter = filter;
    while (query.next()) {
        const qint64 count = query.value(5).toLongLong();
        if (query.value(4).toBool()) {
            statistics.reversals += count;
            continue;
        }
        const QString verdict = query.value(1).toString();
        statistics.decisions += count;
        statistics.perVerdict[verdict] += count;
        statistics.perDay[QDate::fromString(query.value(0).toString(), Qt::ISODate)][verdict] += count;
        statistics.perModerator[query.value(2).toString()] += count;
        if (!query.value(3).toString().isEmpty())
            statistics.perPenalty[query.value(3).toString()] += count;
    }
    return statistics;
}

} // namespace cg
