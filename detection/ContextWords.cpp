#include "ContextWords.h"

#include "NormalizedText.h"

#include <algorithm>

namespace cg {

namespace {

constexpr qsizetype kBeforeWindow = 48;
constexpr qsizetype kRightBeforeWindow = 16;
constexpr qsizetype kAfterWindow = 24;

// `text` in lower case, into `out` (reused: this runs for every span).
void lowerInto(QStringView text, QString &out)
{
    const bool ascii = std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() < 0x80; });
    if (!ascii) {
        out = text.toString().toLower();
        return;
    }
    out.resize(text.size());
    QChar *to = out.data();
    for (QChar c : text)
        *to++ = (c.unicode() >= 'A' && c.unicode() <= 'Z') ? QChar(c.unicode() + ('a' - 'A')) : c;
}

// `text` as bytes into `out`, if it is all ASCII.
bool asciiInto(QStringView text, std::string &out)
{
    out.resize(std::size_t(text.size()));
    char16_t any = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        any |= c;
        out[std::size_t(i)] = char(c);
    }
    return any < 0x80;
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber();
}

// Whether `word` occurs in `window` as a whole word (at least at the ends where
// the word itself has a letter or digit).
bool containsWord(QStringView window, const QString &word)
{
    for (qsizetype at = window.indexOf(word); at >= 0; at = window.indexOf(word, at + 1)) {
        const qsizetype end = at + word.size();
        const bool startOk = at == 0 || !isWordChar(word.front()) || !isWordChar(window.at(at - 1));
        const bool endOk = end >= window.size() || !isWordChar(word.back()) || !isWordChar(window.at(end));
        if (startOk && endOk)
            return true;
    }
    return false;
}

} // namespace

ContextWords::ContextWords(const std::vector<DetectionData::ContextWord> &words)
{
    LiteralSet::ByteSet alnum;
    for (int c = 0; c < 0x80; ++c) {
        if (isWordChar(QChar(c)))
            alnum.set(std::size_t(c));
    }
    for (std::size_t type = 0; type < kContactTypeCount; ++type) {
        ForType &forType = m_types[type];
        std::vector<LiteralSet::Literal> before;
        std::vector<LiteralSet::Literal> rightBefore;
        std::vector<LiteralSet::Literal> after;
        for (const DetectionData::ContextWord &word : words) {
            if (word.type && std::size_t(*word.type) != type)
                continue;
            const int index = int(forType.words.size());
            forType.words.push_back({word.weight, word.where, QString::fromStdString(word.word)});
            // The same whole-word test as containsWord(), for ASCII windows: a word
            // beyond ASCII cannot stand in one.
            if (word.word.empty()
                || std::any_of(word.word.begin(), word.word.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }))
                continue;
            const LiteralSet::Literal literal{word.word,
                                              alnum[static_cast<unsigned char>(word.word.front())] ? alnum : LiteralSet::ByteSet(),
                                              alnum[static_cast<unsigned char>(word.word.back())] ? alnum : LiteralSet::ByteSet(),
                                              {}};
            const auto add = [&](std::vector<LiteralSet::Literal> &literals, ForType::Window &window) {
                literals.push_back(literal);
                window.wordOf.push_back(index);
            };
            switch (word.where) {
            case Where::Before:
                add(before, forType.before);
                break;
            case Where::RightBefore:
                add(rightBefore, forType.rightBefore);
                break;
            case Where::After:
                add(after, forType.after);
                break;
            case Where::Near:
                add(before, forType.before);
                add(after, forType.after);
                break;
            }
        }
        forType.asciiSets = true;
        for (auto [literals, window] : {std::pair{&before, &forType.before}, {&rightBefore, &forType.rightBefore},
                                        {&after, &forType.after}}) {
            if (literals->empty())
                continue;
            window->set = std::make_unique<LiteralSet>(*literals, LiteralSet::LookAlikes::No);
            forType.asciiSets = forType.asciiSets && window->set->isValid();
        }
    }
}

void ContextWords::apply(const NormalizedText &text, DetectedSpans &spans) const
{
    const QString &original = text.original();
    // Reused: this runs for every message with a finding.
    thread_local QString before;
    thread_local QString after;
    thread_local std::string asciiBefore;
    thread_local std::string asciiAfter;
    thread_local std::vector<bool> found;
    for (DetectedSpan &span : spans) {
        const ForType &type = m_types[std::size_t(span.type)];
        if (type.words.empty()) {
            span.confidence = std::clamp(span.confidence, 0.0, 0.99);
            continue;
        }
        const qsizetype start = text.utf16Offset(span.start);
        const qsizetype end = text.utf16Offset(span.end);
        const QStringView beforeWindow =
            QStringView(original).mid(std::max<qsizetype>(0, start - kBeforeWindow), std::min(start, kBeforeWindow));
        const QStringView afterWindow = QStringView(original).mid(end, kAfterWindow);
        found.assign(type.words.size(), false);
        if (type.asciiSets && asciiInto(beforeWindow, asciiBefore) && asciiInto(afterWindow, asciiAfter)) {
            findInAsciiWindows(type, asciiBefore, asciiAfter, found);
        } else {
            lowerInto(beforeWindow, before);
            lowerInto(afterWindow, after);
            findInWindows(type, before, after, found);
        }
        adjust(type, found, span);
    }
}

void ContextWords::findInWindows(const ForType &type, QStringView before, QStringView after,
                                 std::vector<bool> &found)
{
    const QStringView rightBefore = before.right(kRightBeforeWindow);
    for (std::size_t i = 0; i < type.words.size(); ++i) {
        const Word &word = type.words[i];
        switch (word.where) {
        case Where::Before:
            found[i] = containsWord(before, word.word);
            break;
        case Where::RightBefore:
            found[i] = containsWord(rightBefore, word.word);
            break;
        case Where::After:
            found[i] = containsWord(after, word.word);
            break;
        case Where::Near:
            found[i] = containsWord(before, word.word) || containsWord(after, word.word);
            break;
        }
    }
}

void ContextWords::findInAsciiWindows(const ForType &type, std::string_view before, std::string_view after,
                                      std::vector<bool> &found)
{
    thread_local std::vector<int> literals;
    const auto mark = [&found](const ForType::Window &window, std::string_view text) {
        if (!window.set)
            return;
        window.set->match(text, literals);
        for (int literal : literals)
            found[std::size_t(window.wordOf[std::size_t(literal)])] = true;
    };
    mark(type.before, before);
    mark(type.rightBefore, before.substr(before.size() - std::min<std::size_t>(before.size(), kRightBeforeWindow)));
    mark(type.after, after);
}

void ContextWords::adjust(const ForType &type, const std::vector<bool> &found, DetectedSpan &span)
{
    double raise = 0;
    double lower = 0;
    const QString *cue = nullptr;
    for (std::size_t i = 0; i < type.words.size(); ++i) {
        if (!found[i])
            continue;
        // The strongest word each way counts, not their sum: three hotwords are
        // not three times the evidence.
        const Word &word = type.words[i];
        if (word.weight > raise)
            raise = word.weight;
        if (word.weight < lower) {
            lower = word.weight;
            cue = &word.word;
        }
    }
    span.confidence = std::clamp(span.confidence + raise + lower, 0.0, 0.99);
    if (cue != nullptr) {
        QString explanation = span.explanation;
        explanation.chop(1);
        span.explanation = explanation
            + QStringLiteral(", though the word '%1' nearby suggests it is not a real one.").arg(*cue);
    }
}

} // namespace cg
