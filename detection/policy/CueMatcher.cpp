#include "CueMatcher.h"

#include <re2/re2.h>

namespace cg {

namespace {

// Scripts written with spaces between words: there a cue must sit on word boundaries.
bool isBoundedChar(QChar c)
{
    if (c.isDigit())
        return true;
    if (!c.isLetter())
        return false;
    const QChar::Script script = c.script();
    return script == QChar::Script_Latin || script == QChar::Script_Cyrillic || script == QChar::Script_Greek;
}

bool isWordChar(char32_t c)
{
    return QChar::isLetterOrNumber(c) || QChar::category(c) == QChar::Mark_NonSpacing
        || QChar::category(c) == QChar::Mark_SpacingCombining;
}

std::string quoted(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    return RE2::QuoteMeta(re2::StringPiece(utf8.constData(), std::size_t(utf8.size())));
}

std::string cuePattern(const QString &body)
{
    std::string pattern;
    for (const QChar c : body) {
        if (c == QLatin1Char(' '))
            pattern += "\\s+";
        else if (c == QLatin1Char('-'))
            pattern += "[-\\s]?";
        else if (c == QLatin1Char('*'))
            pattern += "[\\pL\\pN\\pM]*";
        else
            pattern += quoted(QString(c));
    }
    return pattern;
}

QString normalisedCue(const QString &cue)
{
    return cue.simplified().toLower().replace(QChar(0x2019), QLatin1Char('\''));
}

} // namespace

CueText::CueText(const QString &text)
    : m_original(text)
{
    QString folded = text;
    folded.replace(QChar(0x2019), QLatin1Char('\'')); // same length: offsets do not move
    m_utf8 = folded.toStdString();
    m_codePoints = folded.toStdU32String();
}

qsizetype CueText::codePointOffset(std::size_t byteOffset) const
{
    qsizetype count = 0;
    for (std::size_t i = 0; i < byteOffset && i < m_utf8.size(); ++i) {
        if ((static_cast<unsigned char>(m_utf8[i]) & 0xC0) != 0x80)
            ++count;
    }
    return count;
}

QString CueMatcher::checkCue(const QString &cue)
{
    const QString body = normalisedCue(cue);
    if (body.isEmpty() || body == QLatin1String("*"))
        return QStringLiteral("empty cue");
    for (qsizetype i = 0; i < body.size(); ++i) {
        if (body.at(i) != QLatin1Char('*'))
            continue;
        if (i == 0 || !body.at(i - 1).isLetterOrNumber()
            || (i + 1 < body.size() && body.at(i + 1) != QLatin1Char(' ')))
            return QStringLiteral("\"*\" may only end a word");
    }
    if (!body.front().isLetterOrNumber() || !(body.back().isLetterOrNumber() || body.back() == QLatin1Char('*')))
        return QStringLiteral("a cue must start and end with a letter or digit");
    return {};
}

CueMatcher::CueMatcher(const QStringList &cues)
{
    // Group the alternatives by which ends need a word boundary; RE2 has no look-around,
    // so a boundary is a consumed non-word character that findAll() trims off again.
    std::string groups[2][2];
    for (const QString &cue : cues) {
        if (const QString problem = checkCue(cue); !problem.isEmpty()) {
            m_error = QStringLiteral("\"%1\": %2").arg(cue, problem);
            return;
        }
        const QString body = normalisedCue(cue);
        // A stem ("disabilit*") consumes the rest of its word, so the boundary still holds.
        const QChar last = body.endsWith(QLatin1Char('*')) ? body.at(body.size() - 2) : body.back();
        const bool left = isBoundedChar(body.front());
        const bool right = isBoundedChar(last);
        std::string &group = groups[left][right];
        if (!group.empty())
            group += '|';
        group += cuePattern(body);
    }
    std::string pattern;
    for (int left = 0; left < 2; ++left) {
        for (int right = 0; right < 2; ++right) {
            if (groups[left][right].empty())
                continue;
            if (!pattern.empty())
                pattern += '|';
            pattern += left ? "(?:^|[^\\pL\\pN\\pM])(?:" : "(?:";
            pattern += groups[left][right];
            pattern += right ? ")(?:$|[^\\pL\\pN\\pM])" : ")";
        }
    }
    if (pattern.empty())
        pattern = "[^\\x00-\\x{10FFFF}]"; // matches nothing
    RE2::Options options;
    options.set_case_sensitive(false);
    options.set_longest_match(true);
    options.set_log_errors(false);
    options.set_max_mem(64 << 20);
    m_pattern = std::make_unique<RE2>(pattern, options);
    if (!m_pattern->ok())
        m_error = QString::fromStdString(m_pattern->error());
}

CueMatcher::~CueMatcher() = default;

bool CueMatcher::contains(const CueText &text) const
{
    return m_error.isEmpty() && RE2::PartialMatch(text.utf8(), *m_pattern);
}

QList<CueHit> CueMatcher::findAll(const CueText &text) const
{
    QList<CueHit> hits;
    if (!m_error.isEmpty())
        return hits;
    const std::string &utf8 = text.utf8();
    const re2::StringPiece input(utf8);
    re2::StringPiece match;
    std::size_t from = 0;
    while (from <= utf8.size()
           && m_pattern->Match(input, from, utf8.size(), RE2::UNANCHORED, &match, 1)) {
        const std::size_t matchStart = std::size_t(match.data() - utf8.data());
        const std::size_t matchEnd = matchStart + match.size();
        CueHit hit{text.codePointOffset(matchStart), text.codePointOffset(matchEnd)};
        while (hit.start < hit.end && !isWordChar(text.codePointAt(hit.start)))
            ++hit.start;
        while (hit.end > hit.start && !isWordChar(text.codePointAt(hit.end - 1)))
            --hit.end;
        if (hit.end > hit.start)
            hits.append(hit);
        // Resume on the trailing boundary character so it can open the next match.
        std::size_t next = matchEnd;
        if (next > matchStart && hit.end < text.codePointOffset(matchEnd))
            --next;
        while (next > matchStart + 1 && next < utf8.size()
               && (static_cast<unsigned char>(utf8[next]) & 0xC0) == 0x80)
            --next;
        from = next > matchStart ? next : matchStart + 1;
    }
    return hits;
}

} // namespace cg
