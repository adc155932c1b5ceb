#pragma once

#include "DetectionData.h"
#include "DetectionRule.h"

#include <re2/filtered_re2.h>
#include <re2/re2.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace cg {

template <typename Key, typename Value>
class RememberedAnswers;

// The data-driven rules of patterns.tsv: requests for contact details and
// proposals to move off the platform in many languages, and postal addresses of
// several countries.
//
// Most messages hold none of them, so each pattern is gated by the literal words
// it cannot match without (RE2's FilteredRE2 works them out, as AND/OR of words:
// "your" and one of "number", "email", ...). Those words are this rule's
// trigger words, which the Detector finds with every other rule's in one pass
// over the message; they tell which patterns can match, and only those run.
// Patterns FilteredRE2 finds no such words in (addresses of digits, capitals and
// two-letter words such as "St") name them in patterns.tsv as a gate
// (PatternGate), words with their edges and case, found by the same walk; so do
// patterns whose words are too common to tell much ("your", "ring" inside
// "string"): their gate names narrower ones ("send your", "ring 5"), and they
// run alone where it passes. The rest are one alternation with a group per
// pattern; it is this rule's trigger in the detector's shared set, so it runs
// only on the few messages it matches.
class PatternRule final : public DetectionRule
{
public:
    explicit PatternRule(const std::vector<DetectionData::Pattern> &patterns);
    ~PatternRule() override;

    std::vector<std::string> triggers() const override;
    std::vector<TriggerWord> triggerWords() const override;
    bool runsOnEveryMessage() const override { return true; }
    void find(const NormalizedText &text, const std::vector<int> &fired,
              DetectedSpans &out) const override;

    // The filter's required words: the first filterWordCount() trigger words
    // (the gates' words follow them).
    std::size_t filterWordCount() const { return m_atoms.size(); }
    // Whether a message holding the required words `atoms` (indices below
    // filterWordCount(), ascending) can match any pattern that has required words: a
    // quick answer, never "no" when filterAllows() names such a pattern.
    bool anyFilteredPossible(const std::vector<int> &atoms) const;
    // The patterns with required words that FilteredRE2 says `atoms` allow.
    std::vector<int> filterAllows(const std::vector<int> &atoms) const;

private:
    // Every match of `regex`: the first non-empty group names the pattern by
    // `patternOfGroup` (group 1 -> patternOfGroup[0]).
    void findMatches(const NormalizedText &text, const RE2 &regex, const std::vector<int> &patternOfGroup,
                     DetectedSpans &out) const;

    // Patterns `indices` as one alternation, group i for pattern indices[i - 1];
    // null when there are none or they are too large together.
    std::unique_ptr<RE2> combined(const std::vector<int> &indices) const;
    // `combined` narrowed for ASCII messages; null when nothing narrows.
    static std::unique_ptr<RE2> asciiCombined(const RE2 &combined);

    // Groups of words of which each filtered pattern needs one each, for
    // anyFilteredPossible().
    void findClauses();
    // The patterns the required words `atoms` allow (m_filter.AllPotentials()),
    // remembered.
    void potentialsOf(const std::vector<int> &atoms, std::vector<int> &potential) const;
    // The patterns without words of their own that can match: the unfiltered ones
    // when the shared set's alternation fired, and those whose gate passed.
    void findWordless(const NormalizedText &text, bool ascii, bool unfilteredFired,
                      const std::vector<int> &gatesPassed, DetectedSpans &out) const;
    // Pattern `index` as it runs on a message: narrowed when the message is ASCII.
    const RE2 &regexFor(int index, bool asciiText) const;

    std::vector<DetectionData::Pattern> m_patterns;
    re2::FilteredRE2 m_filter; // holds every pattern (the span is group 1), in file order
    std::vector<std::string> m_atoms; // the filter's required words, its atom indices
    // Up to kMaxGroups groups of atoms per filtered pattern, of which a message must
    // hold one each for the pattern to match. As bit sets of patterns, m_groupWords
    // 64-bit words each: m_patternsInGroup[(group * atoms + atom) * m_groupWords + w],
    // the patterns whose group holds the atom; m_withoutGroup[group * m_groupWords
    // + w], those with no such group; m_filtered, the filtered patterns.
    static constexpr std::size_t kMaxGroups = 6;
    std::size_t m_groupWords = 0;
    std::vector<std::uint64_t> m_patternsInGroup;
    std::vector<std::uint64_t> m_withoutGroup;
    std::vector<std::uint64_t> m_filtered;
    std::vector<int> m_unfiltered;     // patterns without required words or gate, in file order
    // The patterns the filter's words select: neither unfiltered nor gated.
    std::vector<bool> m_selectedByFilter;
    std::vector<TriggerWord> m_gateWords; // trigger words after m_atoms
    std::vector<int> m_patternOfGateWord;
    std::vector<int> m_gated;          // gated and without words of their own, in file order
    // Per pattern: gated, and with words of its own. Such a pattern runs alone, as
    // the filter's do, where a word of its gate is: narrower words than the filter's.
    std::vector<bool> m_gatedWithWords;
    // The unfiltered and gated patterns, in file order, and as one alternation
    // (group i: m_wordless[i - 1]) for messages where several of them can match.
    std::vector<int> m_wordless;
    std::unique_ptr<RE2> m_wordlessCombined;
    std::unique_ptr<RE2> m_asciiWordlessCombined;
    std::unique_ptr<RE2> m_unfilteredCombined; // group i: pattern m_unfiltered[i - 1]
    // For ASCII messages (most), the patterns with Unicode classes narrowed to
    // ASCII (asciiNarrowed()): the same matches there, from DFAs far cheaper to
    // build. Null where a pattern has nothing to narrow.
    std::vector<std::unique_ptr<RE2>> m_asciiPatterns;
    std::unique_ptr<RE2> m_asciiUnfilteredCombined;
    // AllPotentials()'s answers, shared by the threads that use this rule.
    std::unique_ptr<RememberedAnswers<std::vector<int>, std::vector<int>>> m_remembered;
};

} // namespace cg
