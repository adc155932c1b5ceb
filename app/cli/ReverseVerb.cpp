#include "ReverseVerb.h"

#include "DecideVerb.h"
#include "DecisionService.h"

namespace cg::cli {

QString ReverseVerb::description() const
{
    return QStringLiteral(
        "Reverses a decision (leads only): records a new decision pointing at the old one, lifts the old one's\n"
        "penalty and puts the case back in the queue, with an audit entry. Decisions are never changed.\n"
        "Prints {\"decision\", \"reverses\", \"case_version\"}; exit 3 if the decision was already reversed.");
}

QList<QCommandLineOption> ReverseVerb::options() const
{
    return {valueOption(QStringLiteral("decision"), QStringLiteral("The decision to reverse."), QStringLiteral("id")),
            valueOption(QStringLiteral("moderator"), QStringLiteral("The lead reversing it."), QStringLiteral("name")),
            valueOption(QStringLiteral("note"), QStringLiteral("Why (required)."), QStringLiteral("text"))};
}

QString ReverseVerb::checkOptions(const QCommandLineParser &parser) const
{
    for (const char *required : {"decision", "moderator", "note"}) {
        if (!parser.isSet(QLatin1String(required)))
            return QStringLiteral("--%1 is required").arg(QLatin1String(required));
    }
    QString error;
    if (!integerOption(parser, QStringLiteral("decision"), 1, std::numeric_limits<qint64>::max(), &error))
        return error;
    return {};
}

int ReverseVerb::execute(Context &context)
{
    ReversalRequest request;
    request.decisionId = context.parser.value(QStringLiteral("decision")).toLongLong();
    request.moderator = context.parser.value(QStringLiteral("moderator"));
    request.note = context.parser.value(QStringLiteral("note"));
    const DecisionOutcome outcome = DecisionService(context.database.connection()).reverse(request);
    return DecideVerb::report(context.streams, name(), outcome,
                              {{QStringLiteral("decision"), outcome.decisionId},
                               {QStringLiteral("reverses"), request.decisionId},
                               {QStringLiteral("case_version"), outcome.caseVersion}});
}

} // namespace cg::cli
