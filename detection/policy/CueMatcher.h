#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <string>

namespace re2 {
class RE2;
}

namespace cg {

// A message prepared once for every cue list: UTF-8 for RE2 (typographic apostrophes
// folded to ASCII, which keeps code-point offsets) and its code points for trimming.
class CueText final
{
public:
    explicit CueText(const QString &text);

    const std::string &utf8() const { return m_utf8; }
    const QString &original() const { return m_original; }
    qsizetype codePointCount() const { return qsizetype(m_codePoints.size()); }
    char32_t codePointAt(qsizetype index) const { return m_codePoints.at(std::size_t(index)); }
    qsizetype codePointOffset(std::size_t byteOffset) const;

private:
    QString m_original;
    std::string m_utf8;
    std::u32string m_codePoints;
};

// Where a cue was found, in code points of the original text (end exclusive).
struct CueHit
{
    qsizetype start = 0;
    qsizetype end = 0;
};

// One list of cue words or phrases, in any language, compiled into one RE2 pattern.
// A cue is matched case-insensitively as whole words; a `*` ending a word makes it a stem
// ("disabilit*"), a space matches any run of spaces, a hyphen is optional ("e-sign"
// matches "esign" and "e sign"). Cues in scripts written without spaces (Chinese, ...)
// or with attached particles (Arabic) match anywhere in a word.
class CueMatcher final
{
public:
    explicit CueMatcher(const QStringList &cues);
    ~CueMatcher();
    CueMatcher(const CueMatcher &) = delete;
    CueMatcher &operator=(const CueMatcher &) = delete;

    // Empty when the list compiled; otherwise why not.
    QString error() const { return m_error; }

    bool contains(const CueText &text) const;
    QList<CueHit> findAll(const CueText &text) const;

    // Why `cue` cannot be used, or empty. Checked when a policy is loaded.
    static QString checkCue(const QString &cue);

private:
    std::unique_ptr<re2::RE2> m_pattern;
    QString m_error;
};

} // namespace cg
