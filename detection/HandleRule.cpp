#include "HandleRule.h"

#include "LiteralSet.h"
#include "NormalizedText.h"
#include "TriggerScan.h"

#include <re2/set.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <iterator>
#include <map>
#include <set>

namespace cg {

namespace {

constexpr double kStrongSeparator = 0.92;
constexpr double kAdjacent = 0.88;
constexpr double kLaterHandle = 0.7;
constexpr std::size_t kLaterWindow = 80;
constexpr std::size_t kShortName = 4;

// Letters writers swap for digits or symbols to get an app's name past filters.
std::string letterClass(char c)
{
    switch (c) {
    case 'a': return "[a@4]";
    case 'e': return "[e3]";
    case 'i': return "[i1!|l]";
    case 'l': return "[l1|i]";
    case 'o': return "[o0]";
    case 's': return "[s5$]";
    case 't': return "[t7]";
    case 'g': return "[g9]";
    case 'b': return "[b8]";
    case ' ': return R"((?:\s*-?\s*))";
    default: break;
    }
    const unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80)
        return std::string(1, c);
    return "\\" + std::string(1, c);
}

std::string namePattern(const std::string &name)
{
    std::string lower;
    for (char c : name)
        lower.push_back((c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c);
    std::string pattern;
    for (char c : lower)
        pattern += letterClass(c);
    return pattern;
}

std::size_t codePointLength(const std::string &text)
{
    return std::size_t(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

// Chinese, Japanese and Korean names ("微信", "ライン") are short in characters
// but as distinctive as long Latin ones; "wa" or "ig" are not.
bool isIdeographic(const std::string &name)
{
    const unsigned char first = name.empty() ? 0 : static_cast<unsigned char>(name.front());
    // Three-byte UTF-8 sequences from U+2E80 on: CJK radicals, kana, ideographs, Hangul.
    return first >= 0xE2 && first <= 0xED && !(first == 0xE2 && static_cast<unsigned char>(name[1]) < 0xBA);
}

// A Discord tag ("gamerpro#1234") is distinctive even without the app's name.
constexpr double kDiscordTag = 0.75;

// Words that take a "#1234" number in ordinary talk: "order#1234" is not a tag.
bool isNumberedThing(std::string word)
{
    static const std::set<std::string> kThings = {
        "order", "invoice", "inv", "ticket", "issue", "issues", "pr", "bug", "task", "item",
        "ref", "case", "room", "table", "seat", "no", "nr", "num", "number", "step", "page",
        "build", "job", "version", "ver", "sku", "po", "receipt", "booking", "reference",
        "claim", "request", "req", "story", "epic", "feature", "sprint", "week", "day", "lot",
        "unit", "apt", "suite", "flat", "house", "box", "account", "acct", "card", "tx",
        "txn", "transaction", "id", "milestone", "contract", "project", "offer", "proposal",
        "batch", "run", "test", "line", "row", "col", "part", "model", "item_no", "store",
        "code", "promo", "coupon", "serial", "rev", "flight", "vol", "chapter", "pin", "kb",
        "error", "err", "patch", "release", "file", "doc", "form", "report", "list", "msg",
    };
    std::transform(word.begin(), word.end(), word.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return kThings.count(word) > 0;
}

// What may stand between a name and its ID: "skype: x", "WeChat ID: x", "my skype
// is x", "s k y p e - x", "微信：x", "telegram as @x", "discord, username is x",
// "wechat, my id is x", "whatsapp me on +44 ...", "mi whatsapp es el ...",
// "mon whatsapp c'est le ...", "mein WhatsApp ist ...", "venmo me @x", "微信是 x".
// Longer verbs come first:
// RE2 takes the first alternative that fits, and "is" would stop "ist" short.
std::string separatorPattern()
{
    const std::string verb = "(?:c['’ ]?est|ist|est|is|es|é|是|为|為|は)";
    const std::string possessive = "(?:(?:my|mi|mon|ma|meu|minha|mein|meine|мой)\\s+)?";
    const std::string idWord = "(?:id|ID|Id|username|user name|name|handle|nick|number|no\\.?|num|account|acc|номер|ник|号)";
    const std::string mark = "(?::|-|–|—|=|->|→|>)";
    return "^((?:\\s*,?\\s*(?:'s|’s)?\\s*(?:" + possessive + idWord + "\\s*(?:" + verb + "|" + mark + ")?|" + verb
        + "|me\\s+(?:(?:on|at)\\s)?|(?:as|on|at)\\s|" + mark + ")\\s*|\\s*\\(\\s*|\\s*,\\s+|\\s+))";
}

// Whether a separator says outright that an ID follows ("skype: x", "my id is x",
// "mi telegram es x", "微信是 x"), rather than only a space or a comma.
bool isStrongSeparator(const std::string &separator)
{
    if (separator.find_first_of(":-=>") != std::string::npos)
        return true;
    static const char *const kWords[] = {"is", "id", "ID", "number", "\xE2\x80" /* dashes, arrows */,
                                         "es", "est", "é", "是", "为", "為", "は"};
    return std::any_of(std::begin(kWords), std::end(kWords),
                       [&](const char *word) { return separator.find(word) != std::string::npos; });
}

bool isStopWord(std::string word)
{
    static const std::set<std::string> kStop = {
        "the", "and", "for", "only", "not", "yes", "please", "pls", "available", "later",
        "same", "here", "there", "soon", "now", "too", "also", "bots", "bot", "api", "business",
        "group", "groups", "channel", "call", "calls", "chat", "meeting", "integration",
        "number", "web", "desktop", "app", "apps", "account", "link", "ads", "marketing",
        "page", "profile", "post", "posts", "story", "stories", "reels", "video", "videos",
        "message", "messages", "both", "either", "none", "works", "fine", "ok", "okay",
        "or", "is", "me", "my", "it", "this", "that", "with", "from", "which", "what",
    };
    std::transform(word.begin(), word.end(), word.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return kStop.count(word) > 0;
}

} // namespace

struct HandleRule::Id
{
    std::size_t end = 0;
    std::string value;
    bool phone = false;
    bool disguised = false;
    double confidence = 0;
};

HandleRule::HandleRule(const std::vector<DetectionData::Service> &services)
    : m_services(services)
    // What may stand between a name and its ID: see separatorPattern().
    , m_separator(separatorPattern())
    // "whatsapp es el 55 ...", "c'est le 06 ...": an article may come before a number.
    , m_phone(R"(^(?:(?:el|la|le|o|the)\s+)?(\+?\(?[0-9][0-9 \-().]{5,22}[0-9]))")
    , m_handle(R"(^(live:[A-Za-z0-9_.:\-]+[A-Za-z0-9_]|@?[A-Za-z0-9_][A-Za-z0-9_.\-]*[A-Za-z0-9_](?:#[0-9]{4})?))")
    , m_dottedHandle(R"(^((?i)[a-z0-9_]+(?:\s*[\[\(\{]\s*dot\s*[\]\)\}]\s*[a-z0-9_]+|\s+dot\s+[a-z0-9_]+)+))")
    , m_cashtag(R"(^(\$[A-Za-z][A-Za-z0-9_\-]{1,20}))")
    , m_pathHandle(R"(^((?i)(?:\s*/\s*|\s+slash\s+)(?:(?:in|company|u|user|channel|c|pub)(?:\s*/\s*|\s+slash\s+))?@?[a-z0-9_][a-z0-9_.\-]*[a-z0-9_]))")
    , m_dotWord(R"((?i)\s*[\[\(\{]\s*dot\s*[\]\)\}]\s*|\s+dot\s+)")
    , m_laterHandle(R"((?:^|[\s:(])(@[A-Za-z0-9_][A-Za-z0-9_.]*[A-Za-z0-9_]))")
    , m_discordTag(R"((?:^|[^A-Za-z0-9_.#/@-])([A-Za-z][A-Za-z0-9_.]{1,30}[A-Za-z0-9_]#[0-9]{4})(?:[^A-Za-z0-9_#]|$))")
{
    std::string all;
    RE2::Options setOptions;
    setOptions.set_case_sensitive(false);
    setOptions.set_log_errors(false);
    m_serviceNames = std::make_unique<RE2::Set>(setOptions, RE2::ANCHOR_BOTH);
    for (const DetectionData::Service &service : m_services) {
        CompiledService compiled;
        compiled.service = &service;
        std::string alternatives;
        for (const std::string &name : service.names) {
            if (!alternatives.empty())
                alternatives += '|';
            alternatives += namePattern(name);
        }
        RE2::Options options;
        options.set_case_sensitive(false);
        options.set_log_errors(false);
        compiled.name = std::make_unique<RE2>("^(?:" + alternatives + ")$", options);
        m_compiled.push_back(std::move(compiled));
        if (m_serviceNames && m_serviceNames->Add(alternatives, nullptr) < 0)
            m_serviceNames.reset(); // then each name pattern is tried in turn
        if (!all.empty())
            all += '|';
        all += alternatives;
    }
    // The name must stand alone: not inside a word ("Slackware", "baseline"), not a
    // domain's part ("line.me" is a link) and not an e-mail's.
    // Latin and Cyrillic names need a word boundary; Chinese ones stand inside text.
    const std::string before = "(?:^|[^A-Za-z0-9_@.$/#\\x{0400}-\\x{04FF}])";
    const std::string after = "(?:[^A-Za-z0-9_.@\\x{0400}-\\x{04FF}]|$)";
    m_namesPattern = before + "(" + all + ")" + after;
    RE2::Options options;
    options.set_case_sensitive(false);
    options.set_max_mem(64 << 20);
    // With a very long service list the DFA can run out of memory; RE2 then falls
    // back to its slower NFA, which is no reason to write to stderr.
    options.set_log_errors(false);
    m_names = std::make_unique<RE2>(m_namesPattern, options);
    if (m_serviceNames && !m_serviceNames->Compile())
        m_serviceNames.reset();
}

HandleRule::~HandleRule() = default;

std::vector<std::string> HandleRule::triggers() const
{
    return {triggers::kDiscordTag};
}

std::vector<DetectionRule::TriggerWord> HandleRule::triggerWords() const
{
    // The names standing alone, as m_namesPattern has them: short names ("wa",
    // "x", "ig") inside ordinary words would otherwise send most messages through
    // findNamed(). A name of several words ("we chat") by its first word, then
    // spaces or hyphens and the next word's first letter. The Detector matches
    // look-alike digits and symbols; the i's and l's, which stand for each other
    // in names, are spelled out here.
    constexpr std::size_t kMostSwaps = 6; // 2^6 spellings; a longer name is cut short
    std::bitset<256> ascii;
    for (int c = 0; c < 0x80; ++c)
        ascii.set(std::size_t(c));
    const std::bitset<256> notBefore = wordBytes() | bytesOf("@.$/#");
    const std::bitset<256> endsName = ascii & ~(wordBytes() | bytesOf(".@"));
    const std::bitset<256> separator = bytesOf(" \t\n\r\f-");
    // The bytes that can stand for the (lower-case) letter `c` in a name.
    const auto spellingsOf = [&](char c) {
        std::string bytes = std::string(1, c) + LiteralSet::lookAlikesOf(c);
        if (c == 'i' || c == 'l')
            bytes += LiteralSet::lookAlikesOf(c == 'i' ? 'l' : 'i');
        return bytesOf(bytes);
    };
    // Each spelling, whether a name of several words (then a separator is passed
    // over first): the ASCII bytes that may come next.
    std::map<std::pair<std::string, bool>, std::bitset<256>> mayFollow;
    for (const DetectionData::Service &service : m_services) {
        for (const std::string &name : service.names) {
            std::string word;
            for (char c : name)
                word.push_back((c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c);
            std::bitset<256> next = endsName;
            bool severalWords = false;
            if (const std::size_t space = word.find(' '); space != std::string::npos) {
                const std::size_t nextWord = word.find_first_not_of(' ', space);
                next = nextWord == std::string::npos ? ascii : spellingsOf(word[nextWord]);
                severalWords = true;
                word.erase(space);
            }
            std::vector<std::size_t> swaps;
            for (std::size_t i = 0; i < word.size(); ++i) {
                if (word[i] != 'i' && word[i] != 'l')
                    continue;
                if (swaps.size() == kMostSwaps) {
                    word.erase(i);
                    next = ascii; // cut short: anything may follow
                    break;
                }
                swaps.push_back(i);
            }
            if (word.empty())
                continue;
            for (std::size_t spelling = 0; spelling < (std::size_t(1) << swaps.size()); ++spelling) {
                for (std::size_t k = 0; k < swaps.size(); ++k)
                    word[swaps[k]] = (spelling >> k & 1) ? 'l' : 'i';
                mayFollow[{word, severalWords}] |= next;
            }
        }
    }
    std::vector<TriggerWord> words;
    for (const auto &[spelling, next] : mayFollow)
        words.push_back({spelling.first, notBefore, ascii & ~next, spelling.second ? separator : std::bitset<256>()});
    return words;
}

const HandleRule::CompiledService *HandleRule::serviceOf(const std::string &name, bool &shortName) const
{
    // The first service whose names match. The set says which at once, and the
    // loop confirms it; without the set (too large to build, or out of memory) the
    // loop tries each in turn.
    std::size_t first = 0;
    if (m_serviceNames) {
        thread_local std::vector<int> matched;
        RE2::Set::ErrorInfo error{};
        if (m_serviceNames->Match(name, &matched, &error)) {
            first = std::size_t(*std::min_element(matched.begin(), matched.end()));
        } else if (error.kind == RE2::Set::kNoError) {
            return nullptr;
        }
    }
    for (auto compiled = m_compiled.begin() + std::ptrdiff_t(first); compiled != m_compiled.end(); ++compiled) {
        if (!RE2::FullMatch(name, *compiled->name))
            continue;
        // Short if the name was written in one of its short forms ("wa", "ig"),
        // not a Chinese or Japanese name that is two characters long ("微信").
        shortName = codePointLength(name) <= kShortName && !isIdeographic(name);
        return &*compiled;
    }
    return nullptr;
}

bool HandleRule::readId(const std::string &working, std::size_t from, const CompiledService &compiled,
                        bool shortName, Id &id) const
{
    const DetectionData::Service &service = *compiled.service;
    re2::StringPiece rest(working.data() + from, working.size() - from);
    re2::StringPiece separator;
    if (!RE2::PartialMatch(rest, m_separator, &separator))
        separator = re2::StringPiece(rest.data(), 0);
    const std::string sep(separator);
    const bool strong = isStrongSeparator(sep);
    const bool colon = sep.find(':') != std::string::npos;
    re2::StringPiece after(rest.data() + separator.size(), rest.size() - separator.size());
    const std::size_t idStart = from + separator.size();
    re2::StringPiece match;

    if (service.type == ContactType::Social || service.type == ContactType::Messenger) {
        if (RE2::PartialMatch(rest, m_pathHandle, &match)) {
            id.end = from + match.size();
            std::string handle(match);
            const std::size_t slash = std::max(handle.rfind('/'), handle.rfind("slash ") == std::string::npos
                                                                      ? std::string::npos
                                                                      : handle.rfind("slash ") + 5);
            handle = handle.substr(slash == std::string::npos ? 0 : slash + 1);
            handle.erase(0, handle.find_first_not_of(" @"));
            id.value = handle;
            id.disguised = match.find("slash") != re2::StringPiece::npos;
            id.confidence = kStrongSeparator;
            return true;
        }
    }
    if (service.phoneIds && RE2::PartialMatch(after, m_phone, &match)) {
        const std::string raw(match);
        std::string digits;
        for (char c : raw) {
            if (c >= '0' && c <= '9')
                digits.push_back(c);
        }
        if (digits.size() >= 7 && digits.size() <= 15) {
            id.end = std::size_t(match.data() - working.data()) + match.size();
            id.value = (raw.front() == '+' ? "+" : "") + digits;
            id.phone = true;
            id.confidence = strong ? kStrongSeparator : kAdjacent;
            return true;
        }
    }
    if (service.cashtagIds && RE2::PartialMatch(after, m_cashtag, &match)) {
        id.end = idStart + match.size();
        id.value = std::string(match);
        id.confidence = kStrongSeparator;
        return true;
    }
    if (!service.handleIds)
        return false;
    if (RE2::PartialMatch(after, m_dottedHandle, &match) && (strong || colon)) {
        std::string value(match);
        RE2::GlobalReplace(&value, m_dotWord, ".");
        id.end = idStart + match.size();
        id.value = value;
        id.disguised = true;
        id.confidence = kStrongSeparator;
        return true;
    }
    if (!RE2::PartialMatch(after, m_handle, &match))
        return false;
    std::string handle(match);
    std::size_t end = idStart + match.size();
    // "LinkedIn: linkedin.com/in/x": the name and its link are one span.
    if (end < working.size() && working[end] == '/' && handle.find('.') != std::string::npos) {
        while (end < working.size() && !std::isspace(static_cast<unsigned char>(working[end])))
            ++end;
        while (end > idStart && std::strchr(".,;:!?)'\"", working[end - 1]) != nullptr)
            --end;
        id.end = end;
        id.value = working.substr(idStart, end - idStart);
        id.confidence = kStrongSeparator;
        return true;
    }
    // "ravi.k@okaxis": a payment address at a provider, not an e-mail (no dot after).
    if (end + 1 < working.size() && working[end] == '@' && service.type == ContactType::Payment) {
        std::size_t provider = end + 1;
        while (provider < working.size() && std::isalnum(static_cast<unsigned char>(working[provider])))
            ++provider;
        if (provider > end + 1 && (provider == working.size() || working[provider] != '.')) {
            id.end = provider;
            id.value = working.substr(idStart, provider - idStart);
            id.confidence = kStrongSeparator;
            return true;
        }
    }
    const bool at = handle.front() == '@';
    const bool live = handle.compare(0, 5, "live:") == 0;
    const bool marked = handle.find_first_of("0123456789_.#") != std::string::npos;
    // "name@domain.com" after the name is an e-mail address: the e-mail rule has it.
    if (end < working.size() && working[end] == '@')
        return false;
    if (at || live) {
        // "@handle" or "live:..." is an ID after any separator.
    } else if (shortName) {
        if (!colon || handle.size() < 3 || isStopWord(handle))
            return false;
    } else if (!(colon || (strong && marked) || handle.find('#') != std::string::npos) || handle.size() < 3
               || isStopWord(handle)) {
        // Otherwise an ID needs a colon, or "is"/"id" and a digit, dot or tag ("name#1234").
        return false;
    }
    if (at) {
        handle.erase(0, 1);
        // "Aug 19, @10" is a time, even though "19" reads as a disguised "ig".
        if (std::none_of(handle.begin(), handle.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }))
            return false;
    }
    if (handle.size() < 2)
        return false;
    id.end = end;
    id.value = handle;
    id.confidence = (strong || at) ? kStrongSeparator : kAdjacent;
    return true;
}

void HandleRule::find(const NormalizedText &text, const std::vector<int> &fired,
                      DetectedSpans &out) const
{
    // fired: 0 the Discord tag, then the names' words.
    if (!fired.empty() && fired.front() == 0)
        findDiscordTags(text, out);
    if (!fired.empty() && fired.back() > 0)
        findNamed(text, out);
}

void HandleRule::findDiscordTags(const NormalizedText &text, DetectedSpans &out) const
{
    const std::string &working = text.working();
    re2::StringPiece input(working);
    re2::StringPiece tag;
    while (RE2::FindAndConsume(&input, m_discordTag, &tag)) {
        const std::string value(tag);
        if (isNumberedThing(value.substr(0, value.find('#'))))
            continue;
        const std::size_t start = std::size_t(tag.data() - working.data());
        DetectedSpan span = text.makeSpan(ContactType::Messenger, start, start + tag.size());
        span.value = QStringLiteral("discord:") + QString::fromStdString(value);
        span.confidence = kDiscordTag;
        span.rule = QStringLiteral("messenger.discord_tag");
        span.explanation = QStringLiteral("A Discord user tag (name#1234), which identifies an account on its own.");
        out.append(span);
    }
}

void HandleRule::findNamed(const NormalizedText &text, DetectedSpans &out) const
{
    const std::string &working = text.working();
    re2::StringPiece input(working);
    re2::StringPiece name;
    while (RE2::FindAndConsume(&input, *m_names, &name)) {
        const std::size_t nameStart = std::size_t(name.data() - working.data());
        const std::size_t nameEnd = nameStart + name.size();
        // Let the next search start right after the name: the byte that ended it
        // may begin another name.
        input = re2::StringPiece(working.data() + nameEnd, working.size() - nameEnd);
        bool shortName = false;
        const CompiledService *compiled = serviceOf(std::string(name), shortName);
        if (compiled == nullptr)
            continue;
        const DetectionData::Service &service = *compiled->service;
        const QString serviceName = QString::fromStdString(service.service);
        const QString written = QString::fromUtf8(name.data(), qsizetype(name.size()));
        Id id;
        if (readId(working, nameEnd, *compiled, shortName, id)) {
            DetectedSpan span = text.makeSpan(service.type, nameStart, id.end);
            span.value = serviceName + QLatin1Char(':') + QString::fromStdString(id.value);
            span.confidence = id.confidence;
            span.obfuscated = span.obfuscated || id.disguised
                || std::any_of(name.begin(), name.end(), [](char c) {
                       return (c >= '0' && c <= '9') || c == '@' || c == '$' || c == '!' || c == '|';
                   });
            const QString typeName = contactTypeName(service.type);
            span.rule = typeName + QLatin1Char('.') + serviceName
                + (id.phone ? QStringLiteral("_number") : QStringLiteral("_id"));
            span.explanation = QStringLiteral("%1 %2 written right after the name '%3'%4.")
                                   .arg(serviceName.at(0).toUpper() + serviceName.mid(1),
                                        id.phone ? QStringLiteral("number") : QStringLiteral("ID"),
                                        written,
                                        span.obfuscated ? QStringLiteral(", disguised to slip past filters")
                                                        : QString());
            out.append(span);
            input = re2::StringPiece(working.data() + id.end, working.size() - id.end);
            continue;
        }
        // "find me on Instagram, I'm @lena.makes": a social site named just before an
        // @handle. The handle alone is the span.
        if (service.type != ContactType::Social || shortName)
            continue; // "-X POST ... @payload.json" is curl, not X
        const std::size_t windowEnd = std::min(working.size(), nameEnd + kLaterWindow);
        const std::size_t lineEnd = working.find('\n', nameEnd);
        re2::StringPiece window(working.data() + nameEnd,
                                std::min(windowEnd, lineEnd == std::string::npos ? windowEnd : lineEnd)
                                    - nameEnd);
        re2::StringPiece handle;
        if (!RE2::PartialMatch(window, m_laterHandle, &handle))
            continue;
        const std::size_t start = std::size_t(handle.data() - working.data());
        const std::size_t end = start + handle.size();
        if (end < working.size() && working[end] == '@')
            continue;
        DetectedSpan span = text.makeSpan(service.type, start, end);
        span.value = serviceName + QLatin1Char(':') + QString::fromUtf8(handle.data() + 1, qsizetype(handle.size()) - 1);
        span.confidence = kLaterHandle;
        span.rule = contactTypeName(service.type) + QLatin1Char('.') + serviceName + QStringLiteral("_mention");
        span.explanation = QStringLiteral("%1 handle given after the word '%2'.")
                               .arg(serviceName.at(0).toUpper() + serviceName.mid(1), written);
        out.append(span);
    }
}

} // namespace cg
