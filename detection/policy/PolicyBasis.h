#pragma once

#include "PolicyTerms.h"

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace cg {

// The reasons an assessment gives for its verdict, with the CLI contract's wire names.
// Each belongs to exactly one verdict: allowed, exception or violation.
enum class Basis {
    // allowed
    ContractActive,
    ContractClosed,
    PreExistingRelationship,
    WebsiteLink,
    // exception
    Enterprise,
    LegalNda,
    LegalBusinessLicense,
    LegalAuthorityVerification,
    LegalBackgroundCheck,
    AccessCodeRepo,
    AccessAnalytics,
    AccessBookkeeping,
    AccessCloudDrive,
    AccessEsignature,
    AccessWebsiteHost,
    Accessibility,
    // violation
    BeforeContract,
    AskedForContact,
    ExceptionMisused,
    OffPlatformPayment,
    CircumventionAfterClose,
    ContactInJobPost,
};

QString basisName(Basis basis);
std::optional<Basis> basisFromName(QStringView name);
QList<Basis> allBases();
Verdict verdictOfBasis(Basis basis);

} // namespace cg
