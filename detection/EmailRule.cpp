#include "EmailRule.h"

#include "NormalizedText.h"
#include "RegexScan.h"
#include "TriggerScan.h"

#include <algorithm>
#include <iterator>

namespace cg {

namespace {

constexpr double kPlainConfidence = 0.95;
constexpr double kBracketConfidence = 0.9;
constexpr double kWordConfidence = 0.8;

bool isAsciiAlnum(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

std::string lowerAscii(std::string text)
{
    for (char &c : text) {
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
    }
    return text;
}

bool isWebmailDomain(const QString &domain)
{
    static const QLatin1String kWebmail[] = {
        QLatin1String("gmail."),   QLatin1String("googlemail."), QLatin1String("yahoo."),
        QLatin1String("ymail."),   QLatin1String("outlook."),    QLatin1String("hotmail."),
        QLatin1String("live."),    QLatin1String("msn."),        QLatin1String("proton"),
        QLatin1String("pm.me"),    QLatin1String("icloud."),     QLatin1String("me.com"),
        QLatin1String("aol."),     QLatin1String("gmx."),        QLatin1String("yandex."),
        QLatin1String("zoho"),     QLatin1String("mail."),       QLatin1String("rediffmail."),
    };
    return std::any_of(std::begin(kWebmail), std::end(kWebmail),
                       [&](QLatin1String prefix) { return domain.startsWith(prefix); });
}

QString domainOf(const std::string &address)
{
    const std::size_t at = address.rfind('@');
    return QString::fromStdString(at == std::string::npos ? address : address.substr(at + 1));
}

// Pieces of the spelled-out pattern. A label is one word of a name or domain.
constexpr char kLabel[] = R"([a-z0-9](?:[a-z0-9_\-]*[a-z0-9])?)";
// The words for "at" and "dot" (CG_AT_WORDS, CG_DOT_WORDS) are in TriggerScan.h.
constexpr char kDot[] = R"((?:\.|\s*[\[\(\{<]\s*(?:)" CG_DOT_WORDS R"(|\.)\s*[\]\)\}>]\s*|\s+(?:)" CG_DOT_WORDS R"()\s+))";
// After an "at" form the writer is already disguising, so a dot with spaces round
// it ("gmail . com") still joins domain labels; before it, "1.2 . 3" is just text.
constexpr char kDomainDot[] = R"((?:[ \t]*\.[ \t]+|[ \t]+\.[ \t]*))";
constexpr char kAt[] = R"((?:\s*@\s*|\s*[\[\(\{<]\s*(?:)" CG_AT_WORDS R"(|@)\s*[\]\)\}>]\s*|\s+at\s+the\s+rate(?:\s+of)?\s+|\s+(?:)" CG_AT_WORDS R"()\s+))";
// People split the big webmail names when they spell an address out ("g mail").
constexpr char kWebmail[] = R"((?:g\s?mail|hot\s?mail|out\s?look|proton\s?mail|ya\s?hoo|i\s?cloud))";
// Spelled-out forms need a real top-level domain, or "meet at the office dot"
// chatter would turn into addresses.
constexpr char kTopLevel[] =
    "(?:com|net|org|edu|gov|io|co|me|info|biz|dev|app|ai|in|uk|de|fr|es|it|nl|br|mx|ph|ng|eg|pk|"
    "bd|au|ca|ru|ua|pl|tr|za|ke|cn|jp|ar|vn|id|us|ch|se|dk|be|pt|ie|nz|sg|my)";

std::string spelledOutPattern()
{
    const std::string label = kLabel;
    const std::string dot = kDot;
    const std::string domainDot = "(?:" + dot + "|" + kDomainDot + ")";
    return "(?i)" + label + "(?:" + dot + label + ")*" + kAt + "(?:" + kWebmail + "|" + label + ")"
        + "(?:" + domainDot + label + ")*" + domainDot + kTopLevel + R"(\b)";
}

} // namespace

EmailRule::EmailRule()
    : m_plain(R"((?i)[a-z0-9_%+\-]+(?:\.[a-z0-9_%+\-]+)*@[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?)*\.[a-z]{2,24})")
    , m_spelledOut(spelledOutPattern())
    , m_bracketAt(R"((?i)\s*[\[\(\{<]\s*(?:)" CG_AT_WORDS R"(|@)\s*[\]\)\}>]\s*)")
    , m_bracketDot(R"((?i)\s*[\[\(\{<]\s*(?:)" CG_DOT_WORDS R"(|\.)\s*[\]\)\}>]\s*)")
    , m_wordAt(R"((?i)\s+(?:)" CG_AT_WORDS R"()\s+(?:the\s+rate\s+(?:of\s+)?)?)")
    , m_wordDot(R"((?i)\s+(?:)" CG_DOT_WORDS R"()\s+)")
    , m_spaces(R"(\s+)")
    , m_spacedDot(R"([ \t]\.|\.[ \t])")
{
}

std::vector<std::string> EmailRule::triggers() const
{
    // What a spelled-out address cannot be written without: an "at" or "dot" in
    // brackets or an "@" with space round it, or as words (triggerWords()). The
    // spelled-out pattern is costly, so it runs only after one of these. Plain
    // addresses need no trigger: findPlain() looks for "@" itself.
    return {triggers::kSpelledEmail};
}

std::vector<DetectionRule::TriggerWord> EmailRule::triggerWords() const
{
    // The "at" and "dot" words with spaces round them (the trigger's
    // \s(?:at|dot)\s; the walk takes any of RE2's \s for a space), and a webmail
    // name split in two ("g mail"). Words need no automaton, and they keep the
    // shared set out of every message with an " at " in it.
    std::vector<TriggerWord> words;
    for (const std::string &word : triggers::atAndDotWords())
        words.push_back({" " + word + " ", {}, {}, {}});
    for (const char *name : {"g mail", "hot mail", "out look", "proton mail", "ya hoo", "i cloud"})
        words.push_back({name, {}, {}, {}});
    return words;
}

void EmailRule::find(const NormalizedText &text, const std::vector<int> &fired, DetectedSpans &out) const
{
    findPlain(text, out);
    if (!fired.empty())
        findSpelledOut(text, out);
}

void EmailRule::findPlain(const NormalizedText &text, DetectedSpans &out) const
{
    // An address holds an "@" and no space: only the stretches between spaces
    // round each "@" are scanned.
    const std::string &working = text.working();
    for (std::size_t at = working.find('@'); at != std::string::npos;) {
        const auto [from, to] = stretchAround(working, at);
        findPlain(text, from, to, out);
        at = working.find('@', to);
    }
}

void EmailRule::findPlain(const NormalizedText &text, std::size_t from, std::size_t to, DetectedSpans &out) const
{
    const std::string &working = text.working();
    RegexScan addresses(m_plain, working, from, to);
    re2::StringPiece match;
    while (addresses.next(match)) {
        const std::size_t start = std::size_t(match.data() - working.data());
        const std::size_t end = start + match.size();
        if (end < working.size()) {
            const char after = working[end];
            // "gmail.com2" is not an address; "git@github.com:org/repo" is a
            // repository location written in SCP style.
            if (isAsciiAlnum(after) || after == '_')
                continue;
            if (after == ':' && end + 1 < working.size()
                && (isAsciiAlnum(working[end + 1]) || working[end + 1] == '/'))
                continue;
        }
        const std::string value = lowerAscii(std::string(match));
        DetectedSpan span = text.makeSpan(ContactType::Email, start, end);
        span.value = QString::fromStdString(value);
        span.confidence = kPlainConfidence;
        if (span.obfuscated) {
            span.rule = QStringLiteral("email.disguised_characters");
            span.explanation =
                QStringLiteral("E-mail address at %1, written with hidden or look-alike characters.")
                    .arg(domainOf(value));
        } else {
            span.rule = QStringLiteral("email.plain");
            span.explanation = QStringLiteral("E-mail address at %1.").arg(domainOf(value));
        }
        out.append(span);
    }
}

void EmailRule::findSpelledOut(const NormalizedText &text, DetectedSpans &out) const
{
    const std::string &working = text.working();
    RegexScan addresses(m_spelledOut, working);
    re2::StringPiece match;
    while (addresses.next(match)) {
        const std::string raw(match);
        const bool hasBrackets = raw.find_first_of("[({<") != std::string::npos;
        const bool hasSpaces = raw.find_first_of(" \t\r\n\f") != std::string::npos;
        if (!hasBrackets && !hasSpaces)
            continue; // a plain address: findPlain() reports it
        // "jo@mail.com. It" ends a sentence: a spaced dot joins labels only after a
        // disguised "at".
        if (!hasBrackets && raw.find('@') != std::string::npos && RE2::PartialMatch(raw, m_spacedDot))
            continue;
        const std::size_t start = std::size_t(match.data() - working.data());
        const std::string value = spelledOutValue(raw);
        if (!hasBrackets && !RE2::PartialMatch(raw, m_wordDot) && raw.find('@') == std::string::npos
            && !isWebmailDomain(domainOf(value))) {
            // "pay the deposit at paypal.me", "see me at example.com": an ordinary
            // "at" before a link. Only webmail domains make that an address.
            continue;
        }
        DetectedSpan span = text.makeSpan(ContactType::Email, start, start + match.size());
        span.value = QString::fromStdString(value);
        span.obfuscated = true;
        if (hasBrackets) {
            span.rule = QStringLiteral("email.brackets");
            span.confidence = kBracketConfidence;
            span.explanation =
                QStringLiteral("E-mail address at %1 with 'at' or 'dot' in brackets to slip past filters.")
                    .arg(domainOf(value));
        } else {
            span.rule = QStringLiteral("email.at_dot_words");
            span.confidence = kWordConfidence;
            span.explanation =
                QStringLiteral("E-mail address at %1 spelled out with 'at' and 'dot' words.")
                    .arg(domainOf(value));
        }
        out.append(span);
    }
}

std::string EmailRule::spelledOutValue(std::string text) const
{
    text = lowerAscii(std::move(text));
    RE2::GlobalReplace(&text, m_bracketAt, "@");
    RE2::GlobalReplace(&text, m_bracketDot, ".");
    RE2::GlobalReplace(&text, m_wordAt, "@");
    RE2::GlobalReplace(&text, m_wordDot, ".");
    RE2::GlobalReplace(&text, m_spaces, "");
    return text;
}

} // namespace cg
