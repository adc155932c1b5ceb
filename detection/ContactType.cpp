#include "ContactType.h"

namespace cg {

namespace {
struct TypeName
{
    ContactType type;
    const char *name;
};

constexpr TypeName kTypeNames[] = {
    {ContactType::Phone, "phone"},         {ContactType::Email, "email"},
    {ContactType::Messenger, "messenger"}, {ContactType::Social, "social"},
    {ContactType::Address, "address"},     {ContactType::Url, "url"},
    {ContactType::Form, "form"},           {ContactType::Payment, "payment"},
    {ContactType::ContactRequest, "contact_request"},
};
} // namespace

QString contactTypeName(ContactType type)
{
    for (const auto &entry : kTypeNames) {
        if (entry.type == type)
            return QString::fromLatin1(entry.name);
    }
    return {};
}

std::optional<ContactType> contactTypeFromName(QStringView name)
{
    for (const auto &entry : kTypeNames) {
        if (name == QLatin1String(entry.name))
            return entry.type;
    }
    return std::nullopt;
}

QList<ContactType> allContactTypes()
{
    QList<ContactType> types;
    for (const auto &entry : kTypeNames)
        types.append(entry.type);
    return types;
}

} // namespace cg
