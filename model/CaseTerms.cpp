#include "CaseTerms.h"

namespace cg {

namespace {
const char *const kStatusNames[] = {"new", "claimed", "decided", "escalated"};
const char *const kRoleNames[] = {"trainee", "moderator", "lead", "admin"};

template<typename Enum, std::size_t N>
std::optional<Enum> lookup(const char *const (&names)[N], QStringView name)
{
    for (std::size_t i = 0; i < N; ++i) {
        if (name == QLatin1String(names[i]))
            return static_cast<Enum>(i);
    }
    return std::nullopt;
}
} // namespace

QString caseStatusName(CaseStatus status)
{
    return QString::fromLatin1(kStatusNames[static_cast<int>(status)]);
}

std::optional<CaseStatus> caseStatusFromName(QStringView name)
{
    return lookup<CaseStatus>(kStatusNames, name);
}

QStringList caseStatusNames()
{
    QStringList names;
    for (const char *name : kStatusNames)
        names.append(QString::fromLatin1(name));
    return names;
}

QString moderatorRoleName(ModeratorRole role)
{
    return QString::fromLatin1(kRoleNames[static_cast<int>(role)]);
}

std::optional<ModeratorRole> moderatorRoleFromName(QStringView name)
{
    return lookup<ModeratorRole>(kRoleNames, name);
}

} // namespace cg
