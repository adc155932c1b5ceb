#pragma once

#include "ContactType.h"
#include "DetectedSpan.h"
#include "DetectionData.h"
#include "LiteralSet.h"

#include <QString>

#include <array>
#include <memory>
#include <vector>

namespace cg {

class NormalizedText;

// Words near a finding that raise or lower its confidence (context.tsv), as
// Presidio's context enhancement and Google DLP's hotword and exclusion rules use
// them: a word counts where it stands as a whole word in the original text, within
// 48 characters before the span, 24 after, or the 16 right before it.
class ContextWords final
{
public:
    explicit ContextWords(const std::vector<DetectionData::ContextWord> &words);

    // Adjusts each span's confidence by the strongest word each way round it
    // (clamped to [0, 0.99]); a lowering word is named in the explanation.
    void apply(const NormalizedText &text, DetectedSpans &spans) const;

private:
    using Where = DetectionData::ContextWord::Where;
    struct Word
    {
        double weight = 0;
        Where where = Where::Before;
        QString word; // lower case
    };
    // A span type's words, in file order, and for the usual case of windows all
    // ASCII, its ASCII words as one set per window (literal i is word wordOf[i]).
    struct ForType
    {
        std::vector<Word> words;
        struct Window
        {
            std::unique_ptr<LiteralSet> set;
            std::vector<int> wordOf;
        };
        Window before; // Before and Near words
        Window rightBefore;
        Window after; // After and Near words
        bool asciiSets = false; // whether the three sets could be built
    };

    // Which of `type`'s words stand in the windows (lower case, any script).
    static void findInWindows(const ForType &type, QStringView before, QStringView after, std::vector<bool> &found);
    // The same for ASCII windows (as bytes, any case), with the sets.
    static void findInAsciiWindows(const ForType &type, std::string_view before, std::string_view after,
                                   std::vector<bool> &found);
    static void adjust(const ForType &type, const std::vector<bool> &found, DetectedSpan &span);

    std::array<ForType, kContactTypeCount> m_types;
};

} // namespace cg
