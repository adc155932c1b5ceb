#include "ContactPolicy.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

// Q_INIT_RESOURCE declares the initialiser in the current namespace: keep it global.
static void initPolicyResource()
{
    Q_INIT_RESOURCE(policy);
}

namespace cg {

namespace {

constexpr std::array<const char *, kCueListCount> kCueListNames{{
    "on_platform",
    "contact_invitation",
    "pre_existing_relationship",
    "misuse_channel",
    "job_topic",
    "off_platform_payment",
    "off_platform_work",
    "new_work",
    "phone_words",
    "email_words",
    "ask",
    "your_contact",
    "negation",
}};

const QStringList kGroups = {QStringLiteral("legal"), QStringLiteral("access"), QStringLiteral("accessibility")};

// Collects the first problem with the path of the entry it concerns.
class Checker
{
public:
    explicit Checker(QString source)
        : m_source(std::move(source))
    {
    }

    QString error;

    bool fail(const QString &entry, const QString &problem)
    {
        if (error.isEmpty())
            error = QStringLiteral("%1: %2: %3").arg(m_source, entry, problem);
        return false;
    }

    bool strings(const QJsonValue &value, const QString &entry, QStringList *out, bool allowEmpty = false)
    {
        if (!value.isArray())
            return fail(entry, QStringLiteral("expected a list of strings"));
        const QJsonArray array = value.toArray();
        if (array.isEmpty() && !allowEmpty)
            return fail(entry, QStringLiteral("empty list"));
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString item = array.at(i).toString();
            if (!array.at(i).isString() || item.trimmed().isEmpty())
                return fail(QStringLiteral("%1[%2]").arg(entry).arg(i), QStringLiteral("expected a non-empty string"));
            out->append(item.trimmed());
        }
        return true;
    }

    // {"en": [...], "es": [...]}: cue words per language, all checked, merged into one list.
    bool cuesPerLanguage(const QJsonValue &value, const QString &entry, QStringList *out)
    {
        static const QRegularExpression language(QStringLiteral("^[a-z]{2,3}(-[A-Z][a-z]{3})?$"));
        if (!value.isObject() || value.toObject().isEmpty())
            return fail(entry, QStringLiteral("expected an object of cue lists per language, like {\"en\": [...]}"));
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString where = entry + QLatin1Char('.') + it.key();
            if (!language.match(it.key()).hasMatch())
                return fail(where, QStringLiteral("not a language tag such as \"es\" or \"hi-Latn\""));
            QStringList cues;
            if (!strings(it.value(), where, &cues))
                return false;
            for (qsizetype i = 0; i < cues.size(); ++i) {
                if (const QString problem = CueMatcher::checkCue(cues.at(i)); !problem.isEmpty())
                    return fail(QStringLiteral("%1[%2]").arg(where).arg(i),
                                QStringLiteral("cue \"%1\": %2").arg(cues.at(i), problem));
            }
            out->append(cues);
        }
        return true;
    }

    std::shared_ptr<const CueMatcher> compile(const QStringList &cues, const QString &entry)
    {
        auto matcher = std::make_shared<const CueMatcher>(cues);
        if (!matcher->error().isEmpty()) {
            fail(entry, matcher->error());
            return nullptr;
        }
        return matcher;
    }

private:
    QString m_source;
};

} // namespace

QString cueListName(CueList list)
{
    return QString::fromLatin1(kCueListNames.at(std::size_t(list)));
}

QString ContactPolicy::fileName()
{
    return QStringLiteral("contact-policy.json");
}

ContactPolicyLoad ContactPolicy::builtIn()
{
    // The resource lives in a static library: make sure it is registered.
    static const bool registered = [] {
        initPolicyResource();
        return true;
    }();
    Q_UNUSED(registered);
    return fromDirectory(QStringLiteral(":/policy"));
}

ContactPolicyLoad ContactPolicy::fromDirectory(const QString &directory)
{
    const QString path = QDir(directory).filePath(fileName());
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ContactPolicyLoad load;
        load.error = QStringLiteral("%1: cannot read the policy: %2").arg(path, file.errorString());
        return load;
    }
    return fromJson(file.readAll(), path);
}

ContactPolicyLoad ContactPolicy::fromJson(const QByteArray &json, const QString &source)
{
    ContactPolicyLoad load;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        load.error = QStringLiteral("%1: not a JSON object (%2 at offset %3)")
                         .arg(source, parseError.errorString())
                         .arg(parseError.offset);
        return load;
    }
    const QJsonObject root = document.object();
    Checker check(source);
    std::shared_ptr<ContactPolicy> policy(new ContactPolicy);

    // The ladder, mildest first.
    if (!check.strings(root.value(QLatin1String("ladder")), QStringLiteral("ladder"), &policy->m_ladder)) {
        load.error = check.error;
        return load;
    }
    if (QSet<QString>(policy->m_ladder.begin(), policy->m_ladder.end()).size() != policy->m_ladder.size()) {
        load.error = QStringLiteral("%1: ladder: a step is listed twice").arg(source);
        return load;
    }

    const QJsonObject platform = root.value(QLatin1String("platform")).toObject();
    policy->m_platformName = platform.value(QLatin1String("name")).toString();
    if (policy->m_platformName.isEmpty()) {
        load.error = QStringLiteral("%1: platform.name: missing").arg(source);
        return load;
    }
    if (!check.strings(platform.value(QLatin1String("domains")), QStringLiteral("platform.domains"),
                       &policy->m_platformDomains)) {
        load.error = check.error;
        return load;
    }
    for (QString &domain : policy->m_platformDomains)
        domain = domain.toLower();

    // Every basis needs its clause, so the app can show it next to the basis.
    const QJsonObject clauses = root.value(QLatin1String("clauses")).toObject();
    for (auto it = clauses.begin(); it != clauses.end(); ++it) {
        if (!basisFromName(it.key())) {
            load.error = QStringLiteral("%1: clauses.%2: unknown basis").arg(source, it.key());
            return load;
        }
    }
    for (const Basis basis : allBases()) {
        const QString entry = QStringLiteral("clauses.") + basisName(basis);
        const QJsonObject clause = clauses.value(basisName(basis)).toObject();
        const PolicyClause value{clause.value(QLatin1String("label")).toString(),
                                 clause.value(QLatin1String("text")).toString()};
        if (value.label.isEmpty() || value.text.isEmpty()) {
            load.error = QStringLiteral("%1: %2: missing, or without \"label\" and \"text\"").arg(source, entry);
            return load;
        }
        policy->m_clauses.insert(int(basis), value);
    }

    const QJsonValue exceptions = root.value(QLatin1String("exceptions"));
    if (!exceptions.isArray() || exceptions.toArray().isEmpty()) {
        load.error = QStringLiteral("%1: exceptions: expected a non-empty list").arg(source);
        return load;
    }
    QSet<int> seen;
    const QJsonArray exceptionArray = exceptions.toArray();
    for (qsizetype i = 0; i < exceptionArray.size(); ++i) {
        const QString entry = QStringLiteral("exceptions[%1]").arg(i);
        const QJsonObject object = exceptionArray.at(i).toObject();
        PolicyException exception;
        const QString name = object.value(QLatin1String("basis")).toString();
        const std::optional<Basis> basis = basisFromName(name);
        if (!basis || verdictOfBasis(*basis) != Verdict::Exception || *basis == Basis::Enterprise) {
            load.error = QStringLiteral("%1: %2.basis: \"%3\" is not an exception recognised from what is said")
                             .arg(source, entry, name);
            return load;
        }
        if (seen.contains(int(*basis))) {
            load.error = QStringLiteral("%1: %2.basis: \"%3\" is listed twice").arg(source, entry, name);
            return load;
        }
        seen.insert(int(*basis));
        exception.basis = *basis;
        exception.group = object.value(QLatin1String("group")).toString();
        if (!kGroups.contains(exception.group)) {
            load.error = QStringLiteral("%1: %2.group: expected one of %3")
                             .arg(source, entry, kGroups.join(QStringLiteral(", ")));
            return load;
        }
        QStringList covers;
        if (!check.strings(object.value(QLatin1String("covers")), entry + QStringLiteral(".covers"), &covers)) {
            load.error = check.error;
            return load;
        }
        for (qsizetype c = 0; c < covers.size(); ++c) {
            const std::optional<ContactType> type = contactTypeFromName(covers.at(c));
            if (!type || *type == ContactType::ContactRequest) {
                load.error = QStringLiteral("%1: %2.covers[%3]: \"%4\" is not a kind of contact detail")
                                 .arg(source, entry)
                                 .arg(c)
                                 .arg(covers.at(c));
                return load;
            }
            exception.covers.append(*type);
        }
        QStringList cues;
        if (object.contains(QLatin1String("tools"))
            && !check.strings(object.value(QLatin1String("tools")), entry + QStringLiteral(".tools"), &exception.tools)) {
            load.error = check.error;
            return load;
        }
        for (qsizetype t = 0; t < exception.tools.size(); ++t) {
            if (const QString problem = CueMatcher::checkCue(exception.tools.at(t)); !problem.isEmpty()) {
                load.error = QStringLiteral("%1: %2.tools[%3]: \"%4\": %5")
                                 .arg(source, entry)
                                 .arg(t)
                                 .arg(exception.tools.at(t), problem);
                return load;
            }
        }
        if (!check.cuesPerLanguage(object.value(QLatin1String("cues")), entry + QStringLiteral(".cues"), &cues)) {
            load.error = check.error;
            return load;
        }
        exception.cues = check.compile(cues + exception.tools, entry + QStringLiteral(".cues"));
        if (!exception.cues) {
            load.error = check.error;
            return load;
        }
        policy->m_exceptions.append(exception);
    }

    const QJsonObject cueLists = root.value(QLatin1String("cues")).toObject();
    for (auto it = cueLists.begin(); it != cueLists.end(); ++it) {
        if (std::find(kCueListNames.begin(), kCueListNames.end(), it.key().toStdString()) == kCueListNames.end()) {
            load.error = QStringLiteral("%1: cues.%2: unknown cue list (expected one of %3)")
                             .arg(source, it.key(),
                                  QString::fromLatin1(QByteArrayList(kCueListNames.begin(), kCueListNames.end())
                                                          .join(", ")));
            return load;
        }
    }
    for (int list = 0; list < kCueListCount; ++list) {
        const QString name = cueListName(CueList(list));
        const QString entry = QStringLiteral("cues.") + name;
        if (!cueLists.contains(name)) {
            load.error = QStringLiteral("%1: %2: missing").arg(source, entry);
            return load;
        }
        QStringList cues;
        if (!check.cuesPerLanguage(cueLists.value(name), entry, &cues)) {
            load.error = check.error;
            return load;
        }
        policy->m_cues.at(std::size_t(list)) = check.compile(cues, entry);
        if (!policy->m_cues.at(std::size_t(list))) {
            load.error = check.error;
            return load;
        }
    }
    load.policy = std::move(policy);
    return load;
}

} // namespace cg
