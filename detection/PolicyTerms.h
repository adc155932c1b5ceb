#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace cg {

// The outcome of reviewing one conversation, with the CLI contract's wire names.
enum class Verdict {
    NoContact, // no contact details shared or asked for
    Allowed,   // shared, and the policy allows it
    Exception, // an exception of the policy may apply
    Violation,
};

// The penalty ladder, mildest first. The ladder order matters: the assessment
// climbs it one step per earlier counted violation.
enum class Penalty {
    Warning,
    BadgeLoss,
    TemporaryRestriction,
    PermanentSuspension,
};

QString verdictName(Verdict verdict);
std::optional<Verdict> verdictFromName(QStringView name);
QStringList verdictNames();

QString penaltyName(Penalty penalty);
std::optional<Penalty> penaltyFromName(QStringView name);
QStringList penaltyNames();

} // namespace cg
