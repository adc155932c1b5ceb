#include "PolicyTerms.h"

#include <array>
#include <utility>

namespace cg {

namespace {

constexpr std::array<std::pair<Verdict, const char *>, 4> kVerdicts{{
    {Verdict::NoContact, "no_contact"},
    {Verdict::Allowed, "allowed"},
    {Verdict::Exception, "exception"},
    {Verdict::Violation, "violation"},
}};

constexpr std::array<std::pair<Penalty, const char *>, 4> kPenalties{{
    {Penalty::Warning, "warning"},
    {Penalty::BadgeLoss, "badge_loss"},
    {Penalty::TemporaryRestriction, "temporary_restriction"},
    {Penalty::PermanentSuspension, "permanent_suspension"},
}};

template<typename Enum, std::size_t N>
QString nameOf(const std::array<std::pair<Enum, const char *>, N> &table, Enum value)
{
    for (const auto &[candidate, name] : table) {
        if (candidate == value)
            return QString::fromLatin1(name);
    }
    return {};
}

template<typename Enum, std::size_t N>
std::optional<Enum> valueOf(const std::array<std::pair<Enum, const char *>, N> &table, QStringView name)
{
    for (const auto &[candidate, candidateName] : table) {
        if (name == QLatin1String(candidateName))
            return candidate;
    }
    return std::nullopt;
}

template<typename Enum, std::size_t N>
QStringList namesOf(const std::array<std::pair<Enum, const char *>, N> &table)
{
    QStringList names;
    for (const auto &entry : table)
        names.append(QString::fromLatin1(entry.second));
    return names;
}

} // namespace

QString verdictName(Verdict verdict) { return nameOf(kVerdicts, verdict); }
std::optional<Verdict> verdictFromName(QStringView name) { return valueOf(kVerdicts, name); }
QStringList verdictNames() { return namesOf(kVerdicts); }

QString penaltyName(Penalty penalty) { return nameOf(kPenalties, penalty); }
std::optional<Penalty> penaltyFromName(QStringView name) { return valueOf(kPenalties, name); }
QStringList penaltyNames() { return namesOf(kPenalties); }

} // namespace cg
