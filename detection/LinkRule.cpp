#include "LinkRule.h"

#include "NormalizedText.h"
#include "RegexScan.h"
#include "TriggerScan.h"
#include "UrlScan.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace cg {

namespace {

constexpr double kSchemeLink = 0.92;
constexpr double kBareLinkWithPath = 0.88;
constexpr double kBareDomain = 0.6;
constexpr double kSiteWithoutProfile = 0.45; // "facebook.com" alone: talk about the site
constexpr double kDisguisedLink = 0.88;

bool isAsciiAlnum(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// RE2's \s, or a bracket that can open a spelled-out "[dot]".
// A set of ASCII bytes. The links' character tests run for every candidate;
// std::strchr() and find_first_of() call memchr() once per byte they test.
class ByteSet
{
public:
    constexpr explicit ByteSet(std::string_view bytes)
    {
        for (char c : bytes)
            m_bits[static_cast<unsigned char>(c) >> 6] |= std::uint64_t(1) << (static_cast<unsigned char>(c) & 63);
    }
    constexpr bool contains(char c) const
    {
        return (m_bits[static_cast<unsigned char>(c) >> 6] >> (static_cast<unsigned char>(c) & 63)) & 1;
    }
    // The offset of the first byte of `text` in the set; npos for none.
    std::size_t findIn(std::string_view text) const
    {
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (contains(text[i]))
                return i;
        }
        return std::string_view::npos;
    }

private:
    std::uint64_t m_bits[4] = {};
};

constexpr ByteSet kHostEnd("/?#");
constexpr ByteSet kPathEnd("?#");
// These two hold NUL too, as the std::strchr() tests they replace did.
constexpr ByteSet kNotBeforeLink(std::string_view("@.-_/$#%+=\\\0", 12));
constexpr ByteSet kSentencePunctuation(std::string_view(".,;:!?'\"*\0", 10));

// Whether `text` holds `word` (lower-case ASCII) in any case.
bool containsCaseless(std::string_view text, std::string_view word)
{
    return std::search(text.begin(), text.end(), word.begin(), word.end(), [](char a, char b) {
               return (a >= 'A' && a <= 'Z' ? char(a + ('a' - 'A')) : a) == b;
           }) != text.end();
}

bool isSpaceOrOpeningBracket(char c)
{
    switch (c) {
    case ' ': case '\t': case '\n': case '\r': case '\f': case '[': case '(': case '{': case '<':
        return true;
    default:
        return false;
    }
}

// A byte that (?i)[a-z] can start with: an ASCII letter, or the lead or
// continuation byte of a letter that folds to one (U+017F, U+212A).
bool couldBeLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
}

bool isAsciiW(char c)
{
    return c == 'w' || c == 'W';
}

// Whether a plain link can hold working[at], a '.' or ':': every match of the
// URL pattern holds "://", "www." or a dot before two letters.
bool isLinkAnchor(std::string_view working, std::size_t at)
{
    const std::size_t size = working.size();
    if (working[at] == ':')
        return at + 2 < size && working[at + 1] == '/' && working[at + 2] == '/';
    return (at + 2 < size && couldBeLetter(working[at + 1]) && couldBeLetter(working[at + 2]))
        || (at >= 3 && isAsciiW(working[at - 1]) && isAsciiW(working[at - 2]) && isAsciiW(working[at - 3]));
}

// The stretches of text between spaces that hold a link anchor, in order. The
// next "." and ":" are each looked for once, so a long text with many of one and
// none of the other is still read once.
class LinkStretches
{
public:
    explicit LinkStretches(std::string_view working)
        : m_working(working)
        , m_dot(find('.', 0))
        , m_colon(find(':', 0))
    {
    }

    // The next stretch, as [first, second), or false when there is none.
    bool next(std::pair<std::size_t, std::size_t> &stretch)
    {
        while (m_dot != std::string_view::npos || m_colon != std::string_view::npos) {
            const std::size_t at = std::min(m_dot, m_colon);
            if (at == m_dot)
                m_dot = find('.', at + 1);
            else
                m_colon = find(':', at + 1);
            if (at < m_from || !isLinkAnchor(m_working, at))
                continue;
            stretch = stretchAround(m_working, at);
            m_from = stretch.second;
            return true;
        }
        return false;
    }

private:
    std::size_t find(char c, std::size_t from) const
    {
        if (from >= m_working.size())
            return std::string_view::npos;
        const void *found = std::memchr(m_working.data() + from, c, m_working.size() - from);
        return found == nullptr ? std::string_view::npos : std::size_t(static_cast<const char *>(found) - m_working.data());
    }

    std::string_view m_working;
    std::size_t m_dot;
    std::size_t m_colon;
    std::size_t m_from = 0; // where the last stretch ended
};

std::string lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](char c) {
        return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
    });
    return text;
}

bool hostMatches(std::string_view host, std::string_view domain)
{
    return host == domain
        || (host.size() > domain.size() && host.substr(host.size() - domain.size()) == domain
            && host[host.size() - domain.size() - 1] == '.');
}

// Whether `path` starts with `prefix`, ignoring ASCII case in `path` (prefixes
// are lower case).
bool startsWithLowered(std::string_view path, std::string_view prefix)
{
    if (path.size() < prefix.size())
        return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        const char c = path[i];
        if (((c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c) != prefix[i])
            return false;
    }
    return true;
}

// Appends UTF-8 `text` to `out` without a temporary string when it is ASCII (most
// hosts and paths).
QString &appendUtf8(QString &out, std::string_view text)
{
    if (std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
        return out.append(QLatin1StringView(text.data(), qsizetype(text.size())));
    return out.append(QString::fromUtf8(text.data(), qsizetype(text.size())));
}

QString typeDescription(ContactType type)
{
    switch (type) {
    case ContactType::Messenger:
        return QStringLiteral("a messaging app's contact or invite link");
    case ContactType::Social:
        return QStringLiteral("a social-media profile");
    case ContactType::Form:
        return QStringLiteral("an off-platform form, scheduling page or job application system");
    case ContactType::Payment:
        return QStringLiteral("an off-platform payment page");
    default:
        return QStringLiteral("a website off the platform");
    }
}

} // namespace

struct LinkRule::Link
{
    ContactType type = ContactType::Url;
    std::string host;
    std::string path;
    std::string service;
    double confidence = 0;
};

LinkRule::LinkRule(const DetectionData &data, const QStringList &platformDomains)
    : m_domains(data.domains)
    , m_topLevelDomains(data.topLevelDomains.begin(), data.topLevelDomains.end())
    , m_disguised(R"((?i)(?:https?\s*:\s*/\s*/\s*)?[a-z0-9][a-z0-9\-]*(?:(?:\s*[\[\(\{<]\s*(?:dot|\.)\s*[\]\)\}>]\s*|\s+dot\s+|\s+\.\s+|\.)[a-z0-9][a-z0-9\-]*)+(?:(?:\s*/\s*|\s+slash\s+|\s*[\[\(]\s*slash\s*[\]\)]\s*)[a-z0-9_@.\-~%]*[a-z0-9_])*)")
    , m_dotWord(R"((?i)\s*[\[\(\{<]\s*(?:dot|\.)\s*[\]\)\}>]\s*|\s+dot\s+|\s+\.\s+)")
    , m_spacedSlash(R"((?i)\sslash\s|\s/|/\s)")
    , m_slashWord(R"((?i)\s*[\[\(]\s*slash\s*[\]\)]\s*|\s+slash\s+|\s*/\s*)")
{
    for (const QString &domain : platformDomains)
        m_platformDomains.push_back(domain.toLower().toStdString());
    // Most specific first: the longest domain, then the longest path prefix.
    std::stable_sort(m_domains.begin(), m_domains.end(),
                     [](const DetectionData::Domain &a, const DetectionData::Domain &b) {
                         if (a.domain.size() != b.domain.size())
                             return a.domain.size() > b.domain.size();
                         return a.pathPrefix.size() > b.pathPrefix.size();
                     });
    // Keys view the names in m_domains, which never changes after this.
    for (std::size_t i = 0; i < m_domains.size(); ++i)
        m_domainsByName[m_domains[i].domain].push_back(i);
}

std::vector<std::size_t> LinkRule::domainsOf(std::string_view host) const
{
    std::vector<std::size_t> found;
    for (std::size_t from = 0; from != std::string_view::npos;) {
        const auto it = m_domainsByName.find(host.substr(from));
        if (it != m_domainsByName.end())
            found.insert(found.end(), it->second.begin(), it->second.end());
        const std::size_t dot = host.find('.', from);
        from = dot == std::string_view::npos ? dot : dot + 1;
    }
    std::sort(found.begin(), found.end());
    return found;
}

std::vector<std::string> LinkRule::triggers() const
{
    // A spelled-out dot or a spaced slash, without which the disguised pattern
    // reports nothing; it matches every dotted word, so it runs only when this
    // fires. Plain links need no trigger: findPlain() looks for "://", "www." and
    // dots before letters itself, faster than the shared set can.
    return {triggers::kDisguisedLink};
}

std::vector<DetectionRule::TriggerWord> LinkRule::triggerWords() const
{
    // The rest of the trigger, as words: \sdot\s, \s\.\s and \sslash\s (the walk takes
    // any of RE2's \s for a space, and any case).
    return {{" dot ", {}, {}, {}}, {" . ", {}, {}, {}}, {" slash ", {}, {}, {}}};
}

bool LinkRule::classify(std::string_view url, bool bare, Link &link) const
{
    // Most candidates are turned away or are plain links: views until the end,
    // and only the host is copied (lower case, short enough to stay inline).
    std::string_view rest = url;
    const std::size_t scheme = rest.find("://");
    if (scheme != std::string_view::npos)
        rest.remove_prefix(scheme + 3);
    const std::size_t hostEnd = kHostEnd.findIn(rest);
    const std::string_view path = hostEnd == std::string_view::npos ? std::string_view() : rest.substr(hostEnd);
    std::string host = lower(std::string(rest.substr(0, hostEnd)));
    const std::size_t colon = host.find(':');
    if (colon != std::string::npos)
        host.erase(colon);
    if (host.compare(0, 4, "www.") == 0)
        host.erase(0, 4);
    if (host.empty() || host.find('.') == std::string::npos)
        return false;
    const std::string_view tld = std::string_view(host).substr(host.rfind('.') + 1);
    if (tld.empty() || std::any_of(tld.begin(), tld.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return false;
    const std::vector<std::size_t> listed = domainsOf(host);
    if (bare && listed.empty() && m_topLevelDomains.count(std::string(tld)) == 0)
        return false;
    for (const std::string &platform : m_platformDomains) {
        if (hostMatches(host, platform))
            return false;
    }
    const std::string_view cleanPath = path.substr(0, kPathEnd.findIn(path));
    link = Link();
    for (std::size_t index : listed) {
        const DetectionData::Domain &domain = m_domains[index];
        if (!domain.pathPrefix.empty() && !startsWithLowered(cleanPath, domain.pathPrefix))
            continue;
        link.type = domain.type;
        link.service = domain.service;
        break;
    }
    const bool hasPath = cleanPath.size() > 1 || path.size() > 2; // "signal.me/#p/+1..."
    const bool ownSubdomain = link.type != ContactType::Url && !hostMatches(host, "www")
        && std::any_of(listed.begin(), listed.end(), [&](std::size_t index) {
               const DetectionData::Domain &d = m_domains[index];
               return host.size() > d.domain.size() && d.service == link.service && d.type == ContactType::Form;
           });
    if (link.type == ContactType::Url)
        link.confidence = !bare ? kSchemeLink : hasPath ? kBareLinkWithPath : kBareDomain;
    else
        link.confidence = (hasPath || ownSubdomain) ? (bare ? kBareLinkWithPath : kSchemeLink)
                                                    : kSiteWithoutProfile;
    link.host = std::move(host);
    link.path = path;
    return true;
}

void LinkRule::report(const NormalizedText &text, std::size_t start, std::size_t end, const Link &link,
                      bool disguised, DetectedSpans &out) const
{
    DetectedSpan span = text.makeSpan(link.type, start, end);
    std::string_view path = link.path;
    if (link.type != ContactType::Url)
        path = path.substr(0, kPathEnd.findIn(path));
    while (!path.empty() && path.back() == '/')
        path.remove_suffix(1);
    // Each string built in one buffer: most messages with a finding have a link.
    span.value.reserve(qsizetype(link.service.size() + 1 + link.host.size() + path.size()));
    if (!link.service.empty())
        appendUtf8(span.value, link.service).append(QLatin1Char(':'));
    appendUtf8(appendUtf8(span.value, link.host), path);
    span.confidence = link.confidence;
    span.obfuscated = span.obfuscated || disguised;
    span.rule = ruleName(link, disguised);
    const QString type = typeDescription(link.type);
    const QLatin1StringView ending = disguised ? QLatin1StringView(", with its dots or slashes spelled out.")
                                               : QLatin1StringView(".");
    span.explanation.reserve(qsizetype(8 + link.host.size() + 2) + type.size() + ending.size());
    appendUtf8(span.explanation.append(QLatin1StringView("Link to ")), link.host).append(QLatin1StringView(", "));
    span.explanation.append(type).append(ending);
    out.append(std::move(span));
}

QString LinkRule::ruleName(const Link &link, bool disguised)
{
    const QString suffix = disguised ? QStringLiteral("_disguised") : QString();
    if (link.service.empty()) {
        // Nearly every link: names made once.
        static const QString kPlain[] = {
            contactTypeName(ContactType::Url) + QStringLiteral(".link"),
            contactTypeName(ContactType::Url) + QStringLiteral(".link_disguised"),
        };
        if (link.type == ContactType::Url)
            return kPlain[disguised ? 1 : 0];
        return contactTypeName(link.type) + QStringLiteral(".link") + suffix;
    }
    return contactTypeName(link.type) + QStringLiteral(".%1_link").arg(QString::fromStdString(link.service)) + suffix;
}

void LinkRule::find(const NormalizedText &text, const std::vector<int> &fired, DetectedSpans &out) const
{
    findPlain(text, out);
    if (!fired.empty())
        findDisguised(text, out);
}

void LinkRule::findPlain(const NormalizedText &text, DetectedSpans &out) const
{
    const std::string &working = text.working();
    // A link never holds a space, so only the stretches between spaces that hold
    // an anchor of one are scanned: a third of messages fire the link trigger,
    // and most of their text is prose ending in full stops.
    LinkStretches stretches(working);
    for (std::pair<std::size_t, std::size_t> stretch; stretches.next(stretch);)
        findPlain(text, stretch.first, stretch.second, out);
}

void LinkRule::findPlain(const NormalizedText &text, std::size_t from, std::size_t to, DetectedSpans &out) const
{
    const std::string &working = text.working();
    std::size_t matchStart = 0;
    std::size_t matchEnd = 0;
    for (std::size_t next = from; findUrl(working, next, to, matchStart, matchEnd); next = matchEnd) {
        const std::size_t start = matchStart;
        std::size_t end = matchEnd;
        const std::string_view match(working.data() + start, end - start);
        const bool bare = !(match.substr(0, 4) == "http" || match.substr(0, 4) == "HTTP" || match.substr(0, 4) == "www."
                            || match.substr(0, 4) == "WWW.");
        if (start > 0) {
            const char before = working[start - 1];
            if (isAsciiAlnum(before) || kNotBeforeLink.contains(before))
                continue;
        }
        // Trailing punctuation belongs to the sentence; an unmatched ")" too.
        while (end > start && kSentencePunctuation.contains(working[end - 1]))
            --end;
        if (end > start && working[end - 1] == ')') {
            const std::string_view body(working.data() + start, end - start);
            if (std::count(body.begin(), body.end(), '(') < std::count(body.begin(), body.end(), ')'))
                --end;
        }
        if (end < working.size() && bare && (working[end] == '@' || working[end] == '(' || working[end] == '='))
            continue; // "john.doe@", "obj.method(", "x.y=1": not links
        Link link;
        if (!classify(std::string_view(working.data() + start, end - start), bare, link))
            continue;
        report(text, start, end, link, false, out);
    }
}

void LinkRule::findDisguised(const NormalizedText &text, DetectedSpans &out) const
{
    const std::string &working = text.working();
    RegexScan links(m_disguised, working);
    re2::StringPiece match;
    while (links.next(match)) {
        // A spelled-out dot has a space or a bracket, and so has a spaced slash:
        // most matches are plain dotted words ("example.com", "e.g"), handled above.
        if (std::none_of(match.begin(), match.end(), isSpaceOrOpeningBracket))
            continue;
        const std::size_t start = std::size_t(match.data() - working.data());
        if (start > 0 && (isAsciiAlnum(working[start - 1]) || working[start - 1] == '@'))
            continue;
        const bool spelledDot = RE2::PartialMatch(match, m_dotWord);
        if (!spelledDot && !RE2::PartialMatch(match, m_spacedSlash))
            continue; // plain: handled above
        // The rewrites only where they can change something: most candidates
        // have a spaced slash and no spelled-out dot, or the reverse.
        std::string url(match);
        if (spelledDot)
            RE2::GlobalReplace(&url, m_dotWord, ".");
        if (url.find('/') != std::string::npos || containsCaseless(url, "slash"))
            RE2::GlobalReplace(&url, m_slashWord, "/");
        url.erase(std::remove_if(url.begin(), url.end(), [](char c) { return c == ' ' || c == '\t'; }), url.end());
        Link link;
        if (!classify(url, true, link))
            continue;
        // Without its path a spelled-out link must at least have a spelled-out dot.
        if (!spelledDot && link.type == ContactType::Url)
            continue;
        if (link.confidence > kSiteWithoutProfile)
            link.confidence = std::max(link.confidence, kDisguisedLink);
        report(text, start, start + match.size(), link, true, out);
    }
}

} // namespace cg
