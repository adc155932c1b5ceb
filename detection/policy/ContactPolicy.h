#pragma once

#include "ContactType.h"
#include "CueMatcher.h"
#include "PolicyBasis.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <array>
#include <memory>

namespace cg {

class ContactPolicy;

// The cue lists the rules read, besides each exception's own cues. The wire names
// are the keys under "cues" in contact-policy.json.
enum class CueList {
    OnPlatform,              // "contact me here on Upwork": a reminder to stay on the platform
    ContactInvitation,       // "reach me at", "get in touch": inviting contact off the platform
    PreExistingRelationship, // "we worked together at ..."
    MisuseChannel,           // "I emailed you", "over email from now on": using obtained details
    JobTopic,                // "brief", "budget", "rate", "invoice": the job, rates or payment
    OffPlatformPayment,      // "pay me directly", "bank transfer", "avoid the Upwork fee"
    OffPlatformWork,         // "outside Upwork", "work directly", "skip Upwork"
    NewWork,                 // "next project", "phase 2": future work after a contract
    PhoneWords,              // what a phone or messenger request names ("number", "WhatsApp")
    EmailWords,              // what an e-mail request names ("email", "gmail", "correo")
    Ask,                     // "send me", "what's", "скиньте", "pásame": asking for something
    YourContact,             // "your number", "ваш телеграм", "tu correo": someone's contact channel
    Negation,                // "don't", "no need to", "не": a request turned down ("please don't share your number")
};
constexpr int kCueListCount = 13;

QString cueListName(CueList list);

// One exception of the policy recognised from what is said (legal reasons, access to a
// system, accessibility). Enterprise comes from the client's recorded plan instead.
struct PolicyException
{
    Basis basis = Basis::LegalNda;
    QString group;               // "legal", "access" or "accessibility"
    QList<ContactType> covers;   // the kinds of contact detail it allows sharing
    QStringList tools;           // named systems (access exceptions); they are cues too
    std::shared_ptr<const CueMatcher> cues;
};

// What the policy says about one basis, shown next to it.
struct PolicyClause
{
    QString label; // where it is in the policy: "Exception 2: legal reasons"
    QString text;  // quoted from the policy
};

struct ContactPolicyLoad
{
    std::shared_ptr<const ContactPolicy> policy;
    QString error; // "<file>: <entry>: <problem>" when the policy could not be used
};

// The contact-sharing policy as data: the penalty ladder, the platform's own domains,
// each basis's clause, the exceptions with their cue words per language and the tools
// each access exception covers, and the cue lists the rules read. The built-in copy is
// resources/policy/contact-policy.json (a Qt resource); a policy team overrides it with
// a directory holding its own contact-policy.json, without recompiling.
class ContactPolicy final
{
public:
    static QString fileName(); // "contact-policy.json"

    static ContactPolicyLoad builtIn();
    // Reads <directory>/contact-policy.json.
    static ContactPolicyLoad fromDirectory(const QString &directory);
    // `source` names the file in error messages.
    static ContactPolicyLoad fromJson(const QByteArray &json, const QString &source);

    const QStringList &ladder() const { return m_ladder; }
    const QStringList &platformDomains() const { return m_platformDomains; }
    const QString &platformName() const { return m_platformName; }
    PolicyClause clause(Basis basis) const { return m_clauses.value(int(basis)); }
    const QList<PolicyException> &exceptions() const { return m_exceptions; }
    const CueMatcher &cues(CueList list) const { return *m_cues.at(std::size_t(list)); }

private:
    ContactPolicy() = default;

    QStringList m_ladder;
    QStringList m_platformDomains;
    QString m_platformName;
    QHash<int, PolicyClause> m_clauses;
    QList<PolicyException> m_exceptions;
    std::array<std::shared_ptr<const CueMatcher>, kCueListCount> m_cues;
};

} // namespace cg
