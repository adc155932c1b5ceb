#pragma once

#include <QList>
#include <QString>
#include <QStringView>

#include <cstddef>
#include <optional>

namespace cg {

// The nine kinds of contact detail the policy forbids sharing before a contract
// starts. The names are the wire names of the CLI contract (../shared/contracts/cli.md).
enum class ContactType {
    Phone,
    Email,
    Messenger,
    Social,
    Address,
    Url,
    Form,
    Payment,
    ContactRequest,
};

constexpr std::size_t kContactTypeCount = std::size_t(ContactType::ContactRequest) + 1;

QString contactTypeName(ContactType type);
std::optional<ContactType> contactTypeFromName(QStringView name);
QList<ContactType> allContactTypes();

} // namespace cg
