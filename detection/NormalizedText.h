#pragma once

#include "DetectedSpan.h"
#include "TextEdit.h"

#include <QString>

#include <cstdint>
#include <string>
#include <vector>

namespace cg {

class SpelledNumbers;

// A UTF-8 working copy of one message for the RE2 rules, plus the map back to
// code points of the original text.
//
// Disguises are folded into plain ASCII so one rule sees every spelling:
// fullwidth forms, Arabic-Indic / Devanagari / mathematical / circled / keycap
// digits, Cyrillic and Greek look-alike letters, typographic dashes and spaces.
// Invisible characters (zero-width space, soft hyphen, bidi marks, variation
// selectors) are dropped. Every working byte remembers the original code points
// it came from, so a match is reported on the original text, never on this copy.
//
// Two word-level passes follow: letters spaced out one by one ("s k y p e",
// "j d o e @ g m a i l . c o m") are joined, and, given `numbers`, phone numbers
// spelled out in words or split up are rewritten as digits (see SpelledNumbers).
class NormalizedText final
{
public:
    explicit NormalizedText(const QString &original, const SpelledNumbers *numbers = nullptr);
    NormalizedText() = default;

    // Normalises `original` afresh, reusing this object's buffers: the detector
    // keeps one per message of a block and thread, so most messages allocate nothing.
    void reset(const QString &original, const SpelledNumbers *numbers = nullptr);
    // The last pass of reset() on its own, for a caller that knows when it can
    // skip it (the Detector): rewrites the numbers `numbers` finds as digits, and
    // returns whether the text changed.
    bool rewriteNumbers(const SpelledNumbers &numbers);
    // Lets go of the original text and of buffers a huge message grew; the object
    // is reset() before its next use.
    void release();

    const std::string &working() const { return m_working; }
    // Whether working() is plain ASCII (most messages). May say false for a text
    // that became ASCII only when separators were dropped: callers then take
    // their general path.
    bool isAscii() const { return m_ascii; }
    // Whether every letter, number and mark of working() is ASCII: what else it
    // holds beyond ASCII is symbols, punctuation, spaces and the like (U+FFFD,
    // emoji, typographic quotes). A pattern narrowed with asciiNarrowed() then
    // finds exactly what the full one finds, as the Unicode classes it narrows
    // match no such character. True whenever isAscii() is.
    bool hasOnlyAsciiLetters() const { return m_onlyAsciiLetters; }
    const QString &original() const { return m_original; }

    // Original code-point range of working bytes [byteStart, byteEnd).
    qsizetype codePointStart(std::size_t byteStart) const;
    qsizetype codePointEnd(std::size_t byteEnd) const;

    // UTF-16 index into original() of a code-point offset, in constant time.
    qsizetype utf16Offset(qsizetype codePoint) const
    {
        return m_utf16Index.empty() ? codePoint : m_utf16Index[std::size_t(codePoint)];
    }

    // Whether the writer disguised any character inside [byteStart, byteEnd):
    // a folded look-alike or an invisible character between two kept ones.
    bool isDisguised(std::size_t byteStart, std::size_t byteEnd) const;

    // A span over working bytes [byteStart, byteEnd) with start, end and text
    // taken from the original; `obfuscated` starts as isDisguised().
    DetectedSpan makeSpan(ContactType type, std::size_t byteStart, std::size_t byteEnd) const;

private:
    enum Flag : std::uint8_t {
        Folded = 1,       // this byte comes from a disguised character
        HiddenBefore = 2, // an invisible disguise character was dropped right before it
    };
    struct Origin
    {
        std::int32_t start; // first original code point
        std::int32_t end;   // one past the last original code point
        std::uint8_t flags;
    };

    void appendOrigin(std::size_t bytes, qsizetype start, qsizetype end, std::uint8_t flags);
    void foldCharacters(const QString &original);
    void joinSpacedLetters();
    // Rebuilds the working text with `edits` applied (sorted, non-overlapping);
    // replaced and joined bytes are marked as disguised.
    void applyEdits(const std::vector<TextEdit> &edits);

    QString m_original;
    std::string m_working;
    // Empty when the text needed no folding and is pure ASCII: then byte offsets
    // are code-point offsets, which keeps the common case cheap.
    std::vector<Origin> m_origins;
    std::vector<qsizetype> m_utf16Index; // code point -> UTF-16 index; empty when identity
    qsizetype m_codePointCount = 0;
    bool m_ascii = false;
    bool m_onlyAsciiLetters = false;
};

} // namespace cg
