#include "PolicyBasis.h"

#include <array>
#include <utility>

namespace cg {

namespace {

struct BasisEntry
{
    Basis basis;
    const char *name;
    Verdict verdict;
};

constexpr std::array<BasisEntry, 22> kBases{{
    {Basis::ContractActive, "contract_active", Verdict::Allowed},
    {Basis::ContractClosed, "contract_closed", Verdict::Allowed},
    {Basis::PreExistingRelationship, "pre_existing_relationship", Verdict::Allowed},
    {Basis::WebsiteLink, "website_link", Verdict::Allowed},
    {Basis::Enterprise, "enterprise", Verdict::Exception},
    {Basis::LegalNda, "legal_nda", Verdict::Exception},
    {Basis::LegalBusinessLicense, "legal_business_license", Verdict::Exception},
    {Basis::LegalAuthorityVerification, "legal_authority_verification", Verdict::Exception},
    {Basis::LegalBackgroundCheck, "legal_background_check", Verdict::Exception},
    {Basis::AccessCodeRepo, "access_code_repo", Verdict::Exception},
    {Basis::AccessAnalytics, "access_analytics", Verdict::Exception},
    {Basis::AccessBookkeeping, "access_bookkeeping", Verdict::Exception},
    {Basis::AccessCloudDrive, "access_cloud_drive", Verdict::Exception},
    {Basis::AccessEsignature, "access_esignature", Verdict::Exception},
    {Basis::AccessWebsiteHost, "access_website_host", Verdict::Exception},
    {Basis::Accessibility, "accessibility", Verdict::Exception},
    {Basis::BeforeContract, "before_contract", Verdict::Violation},
    {Basis::AskedForContact, "asked_for_contact", Verdict::Violation},
    {Basis::ExceptionMisused, "exception_misused", Verdict::Violation},
    {Basis::OffPlatformPayment, "off_platform_payment", Verdict::Violation},
    {Basis::CircumventionAfterClose, "circumvention_after_close", Verdict::Violation},
    {Basis::ContactInJobPost, "contact_in_job_post", Verdict::Violation},
}};

const BasisEntry &entryOf(Basis basis)
{
    return kBases.at(std::size_t(basis));
}

} // namespace

QString basisName(Basis basis)
{
    return QString::fromLatin1(entryOf(basis).name);
}

std::optional<Basis> basisFromName(QStringView name)
{
    for (const BasisEntry &entry : kBases) {
        if (name == QLatin1String(entry.name))
            return entry.basis;
    }
    return std::nullopt;
}

QList<Basis> allBases()
{
    QList<Basis> bases;
    for (const BasisEntry &entry : kBases)
        bases.append(entry.basis);
    return bases;
}

Verdict verdictOfBasis(Basis basis)
{
    return entryOf(basis).verdict;
}

} // namespace cg
