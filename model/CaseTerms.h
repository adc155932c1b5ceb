#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace cg {

// Where a case is in the queue.
enum class CaseStatus { New, Claimed, Decided, Escalated };

// What a member of the trust-and-safety staff may do. Trainees decide only in
// training; leads may reverse decisions; admins manage the staff.
enum class ModeratorRole { Trainee, Moderator, Lead, Admin };

QString caseStatusName(CaseStatus status);
std::optional<CaseStatus> caseStatusFromName(QStringView name);
QStringList caseStatusNames();

QString moderatorRoleName(ModeratorRole role);
std::optional<ModeratorRole> moderatorRoleFromName(QStringView name);

} // namespace cg
