#include "PatternRule.h"

#include "AsciiPattern.h"
#include "NormalizedText.h"
#include "RememberedAnswers.h"

#include <QString>

#include <algorithm>
#include <iterator>
#include <numeric>
#include <unordered_map>
#include <optional>
#include <string_view>
#include <utility>

namespace cg {

namespace {

// Shorter required words ("st", "me") would pass nearly every message.
constexpr int kMinAtomLength = 3;

// An alternation of several patterns, compiled with room for it, or null when RE2
// cannot hold it.
std::unique_ptr<RE2> alternationOrNull(const std::string &alternation)
{
    RE2::Options options;
    options.set_log_errors(false);
    options.set_max_mem(256 << 20);
    auto regex = std::make_unique<RE2>(alternation, options);
    return regex->ok() ? std::move(regex) : nullptr;
}

} // namespace

PatternRule::PatternRule(const std::vector<DetectionData::Pattern> &patterns)
    : m_patterns(patterns)
    , m_filter(kMinAtomLength)
    , m_remembered(std::make_unique<RememberedAnswers<std::vector<int>, std::vector<int>>>())
{
    RE2::Options options;
    options.set_log_errors(false);
    options.set_max_mem(64 << 20);
    for (const DetectionData::Pattern &pattern : m_patterns) {
        // Without a group the whole match is the span.
        const RE2 probe(pattern.regex, options);
        const std::string regex = probe.NumberOfCapturingGroups() == 0 ? "(" + pattern.regex + ")" : pattern.regex;
        int id = 0;
        // DetectionData has checked every pattern, so Add() cannot fail here. The
        // filter keeps the compiled pattern; find() runs that one.
        m_filter.Add(regex, options, &id);
    }
    if (m_patterns.empty())
        return;
    std::vector<std::string> atoms;
    m_filter.Compile(&atoms);
    if (atoms.empty()) {
        for (std::size_t i = 0; i < m_patterns.size(); ++i)
            m_unfiltered.push_back(int(i));
    } else {
        m_filter.AllPotentials({}, &m_unfiltered); // the ones no word can rule out
    }
    // A gate replaces the filter's words and the shared set. A pattern with words
    // of its own still runs alone, where its gate passed; the others run with the
    // unfiltered ones (findWordless()).
    m_gatedWithWords.assign(m_patterns.size(), false);
    for (std::size_t i = 0; i < m_patterns.size(); ++i) {
        if (!m_patterns[i].gate)
            continue;
        if (std::find(m_unfiltered.begin(), m_unfiltered.end(), int(i)) == m_unfiltered.end())
            m_gatedWithWords[i] = true;
        else
            m_gated.push_back(int(i));
        for (const GateWord &word : m_patterns[i].gate->words) {
            m_gateWords.push_back(triggerWordOf(word, m_patterns[i].gate->ignoresCase));
            m_patternOfGateWord.push_back(int(i));
        }
    }
    m_unfiltered.erase(std::remove_if(m_unfiltered.begin(), m_unfiltered.end(),
                                      [this](int index) { return m_patterns[std::size_t(index)].gate.has_value(); }),
                       m_unfiltered.end());
    m_selectedByFilter.assign(m_patterns.size(), true);
    for (const std::vector<int> *others : {&m_unfiltered, &m_gated}) {
        for (int index : *others)
            m_selectedByFilter[std::size_t(index)] = false;
    }
    for (std::size_t i = 0; i < m_patterns.size(); ++i) {
        if (m_gatedWithWords[i])
            m_selectedByFilter[i] = false;
    }
    // Each pattern narrowed for ASCII text, where it has Unicode classes to narrow.
    m_asciiPatterns.resize(m_patterns.size());
    for (std::size_t i = 0; i < m_patterns.size(); ++i) {
        const RE2 &full = m_filter.GetRE2(int(i));
        const std::string ascii = asciiNarrowed(full.pattern());
        if (ascii == full.pattern())
            continue;
        auto narrowed = std::make_unique<RE2>(ascii, options);
        if (narrowed->ok() && narrowed->NumberOfCapturingGroups() == full.NumberOfCapturingGroups())
            m_asciiPatterns[i] = std::move(narrowed);
    }
    m_unfilteredCombined = combined(m_unfiltered);
    if (m_unfilteredCombined)
        m_asciiUnfilteredCombined = asciiCombined(*m_unfilteredCombined);
    // For messages where more than one of those without words of their own can match.
    std::merge(m_unfiltered.begin(), m_unfiltered.end(), m_gated.begin(), m_gated.end(), std::back_inserter(m_wordless));
    if (!m_gated.empty() && m_wordless.size() > 1) {
        m_wordlessCombined = combined(m_wordless);
        if (m_wordlessCombined)
            m_asciiWordlessCombined = asciiCombined(*m_wordlessCombined);
    }
    m_atoms = atoms;
    findClauses();
}

std::unique_ptr<RE2> PatternRule::combined(const std::vector<int> &indices) const
{
    std::string alternation;
    for (int index : indices) {
        if (!alternation.empty())
            alternation += '|';
        alternation += "(?:" + m_filter.GetRE2(index).pattern() + ")";
    }
    if (alternation.empty())
        return nullptr;
    // Too large together (DetectionData keeps them far from that): each then runs
    // on its own. Slower, never wrong.
    return alternationOrNull(alternation);
}

std::unique_ptr<RE2> PatternRule::asciiCombined(const RE2 &combined)
{
    const std::string ascii = asciiNarrowed(combined.pattern());
    if (ascii == combined.pattern())
        return nullptr;
    return alternationOrNull(ascii);
}

void PatternRule::findClauses()
{
    // For each filtered pattern, candidate groups from a FilteredRE2 of its own (a
    // small tree, so each question is cheap; built from the pattern narrowed to
    // ASCII where there is one, far quicker to compile): a minimal set of words
    // its condition accepts, and for each of those the other words that can stand
    // in for it. A group is kept only if the full filter rules the pattern out when
    // a message holds every word but those of the group: a message must then hold
    // one of them for the filter to allow the pattern, whatever its condition's shape.
    std::unordered_map<std::string, int> atomIndex;
    for (std::size_t i = 0; i < m_atoms.size(); ++i)
        atomIndex.emplace(m_atoms[i], int(i));
    const std::size_t words = (m_patterns.size() + 63) / 64;
    m_groupWords = words;
    m_patternsInGroup.assign(kMaxGroups * m_atoms.size() * words, 0);
    m_withoutGroup.assign(kMaxGroups * words, 0);
    m_filtered.assign(words, 0);
    RE2::Options options;
    options.set_log_errors(false);
    options.set_max_mem(64 << 20);
    const auto without = [](const std::vector<int> &from, const std::vector<int> &removed) {
        std::vector<int> rest;
        for (int atom : from) {
            if (std::find(removed.begin(), removed.end(), atom) == removed.end())
                rest.push_back(atom);
        }
        return rest;
    };
    std::vector<int> everyAtom(m_atoms.size());
    std::iota(everyAtom.begin(), everyAtom.end(), 0);
    for (std::size_t index = 0; index < m_patterns.size(); ++index) {
        if (!m_selectedByFilter[index])
            continue;
        const std::uint64_t bit = std::uint64_t(1) << (index % 64);
        const std::size_t word = index / 64;
        m_filtered[word] |= bit;
        re2::FilteredRE2 single(kMinAtomLength);
        int id = 0;
        std::vector<std::string> atoms;
        const std::unique_ptr<RE2> &narrowed = m_asciiPatterns[index];
        const std::string &pattern = narrowed ? narrowed->pattern() : m_filter.GetRE2(int(index)).pattern();
        if (single.Add(pattern, options, &id) == RE2::NoError)
            single.Compile(&atoms);
        const auto accepts = [&](const std::vector<int> &present) {
            std::vector<int> passing;
            single.AllPotentials(present, &passing);
            return !passing.empty();
        };
        std::vector<std::vector<int>> groups; // in the full filter's atoms
        if (!atoms.empty() && !accepts({})) {
            std::vector<int> all(atoms.size());
            std::iota(all.begin(), all.end(), 0);
            std::vector<int> minimal = all;
            for (int atom : all) {
                std::vector<int> fewer = without(minimal, {atom});
                if (accepts(fewer))
                    minimal = std::move(fewer);
            }
            // Candidates: all its words (one of them at least), then one group per
            // word of the minimal set.
            std::vector<std::vector<int>> candidates = {all};
            for (int atom : minimal) {
                std::vector<int> group = {atom};
                std::vector<int> others = without(minimal, {atom});
                for (int other : all) {
                    if (std::find(minimal.begin(), minimal.end(), other) != minimal.end())
                        continue;
                    others.push_back(other);
                    if (accepts(others))
                        group.push_back(other);
                    others.pop_back();
                }
                candidates.push_back(std::move(group));
            }
            for (const std::vector<int> &group : candidates) {
                std::vector<int> global;
                for (int member : group) {
                    const auto it = atomIndex.find(atoms[std::size_t(member)]);
                    if (it == atomIndex.end())
                        break;
                    global.push_back(it->second);
                }
                if (global.size() != group.size())
                    continue;
                std::sort(global.begin(), global.end());
                std::vector<int> allowed;
                m_filter.AllPotentials(without(everyAtom, global), &allowed);
                if (std::find(allowed.begin(), allowed.end(), int(index)) == allowed.end())
                    groups.push_back(std::move(global));
            }
        }
        // The smallest groups say most; only kMaxGroups are kept.
        std::sort(groups.begin(), groups.end(),
                  [](const std::vector<int> &a, const std::vector<int> &b) { return a.size() < b.size(); });
        // Without a group (none known, or fewer than kMaxGroups) a slot never
        // rules the pattern out.
        for (std::size_t g = 0; g < kMaxGroups; ++g) {
            if (g >= groups.size()) {
                m_withoutGroup[g * words + word] |= bit;
                continue;
            }
            for (int atom : groups[g])
                m_patternsInGroup[(g * m_atoms.size() + std::size_t(atom)) * words + word] |= bit;
        }
    }
}

std::vector<int> PatternRule::filterAllows(const std::vector<int> &atoms) const
{
    std::vector<int> allowed;
    m_filter.AllPotentials(atoms, &allowed);
    allowed.erase(std::remove_if(allowed.begin(), allowed.end(),
                                 [this](int index) { return !m_selectedByFilter[std::size_t(index)]; }),
                  allowed.end());
    return allowed;
}

bool PatternRule::anyFilteredPossible(const std::vector<int> &atoms) const
{
    // Per group slot, the patterns whose group there the words hold (or that have
    // no group there); a pattern is possible if it is in every slot's set.
    const std::size_t words = m_groupWords;
    for (std::size_t word = 0; word < words; ++word) {
        std::uint64_t possible = m_filtered[word];
        for (std::size_t g = 0; g < kMaxGroups && possible != 0; ++g) {
            std::uint64_t held = m_withoutGroup[g * words + word];
            for (int atom : atoms)
                held |= m_patternsInGroup[(g * m_atoms.size() + std::size_t(atom)) * words + word];
            possible &= held;
        }
        if (possible != 0)
            return true;
    }
    return false;
}

PatternRule::~PatternRule() = default;

std::vector<std::string> PatternRule::triggers() const
{
    // Only the patterns without required words: they cost the shared set little
    // and spare a scan of every message. Putting all patterns or their words
    // into the set made it several times slower (docs/performance.md).
    if (!m_unfilteredCombined)
        return {};
    return {m_unfilteredCombined->pattern()};
}

std::vector<DetectionRule::TriggerWord> PatternRule::triggerWords() const
{
    // The filter's words (lower case), which it wants to know are in a message.
    std::vector<TriggerWord> words;
    for (const std::string &atom : m_atoms)
        words.push_back({atom, {}, {}, {}});
    words.insert(words.end(), m_gateWords.begin(), m_gateWords.end()); // then the gates' words
    return words;
}

void PatternRule::find(const NormalizedText &text, const std::vector<int> &fired, DetectedSpans &out) const
{
    if (m_patterns.empty())
        return;
    // Narrowed patterns find the same in ASCII text and in text whose letters are.
    const bool ascii = text.hasOnlyAsciiLetters();
    const int firstWord = m_unfilteredCombined ? 1 : 0; // fired: the alternation's trigger, then words
    const bool unfilteredFired = m_unfilteredCombined && !fired.empty() && fired.front() == 0;
    // Scratch lists reused by each thread: find() runs for every message.
    thread_local std::vector<int> potential;
    thread_local std::vector<int> matchedAtoms;
    thread_local std::vector<int> gatesPassed;
    thread_local std::vector<int> alone;
    potential.clear();
    matchedAtoms.clear();
    gatesPassed.clear();
    alone.clear();
    const int firstGateWord = firstWord + int(m_atoms.size());
    for (int trigger : fired) {
        if (trigger >= firstGateWord) {
            const int index = m_patternOfGateWord[std::size_t(trigger - firstGateWord)];
            (m_gatedWithWords[std::size_t(index)] ? alone : gatesPassed).push_back(index);
        } else if (trigger >= firstWord) {
            matchedAtoms.push_back(trigger - firstWord);
        }
    }
    // In file order, each once (several words can open one gate).
    std::sort(gatesPassed.begin(), gatesPassed.end());
    gatesPassed.erase(std::unique(gatesPassed.begin(), gatesPassed.end()), gatesPassed.end());
    findWordless(text, ascii, unfilteredFired, gatesPassed, out);
    // Without any word only the unfiltered patterns can match, and they ran above:
    // the filter's walk (which allocates) is skipped. So it is when the words
    // cannot make any pattern possible, as for four messages with words in five.
    if (!matchedAtoms.empty() && anyFilteredPossible(matchedAtoms))
        potentialsOf(matchedAtoms, potential);
    // The filter's choice and the gated patterns with words of their own whose
    // gate passed, each alone, in file order.
    for (int index : potential) {
        if (m_selectedByFilter[std::size_t(index)])
            alone.push_back(index);
    }
    std::sort(alone.begin(), alone.end());
    alone.erase(std::unique(alone.begin(), alone.end()), alone.end());
    for (int index : alone)
        findMatches(text, regexFor(index, ascii), {index}, out);
}

void PatternRule::findWordless(const NormalizedText &text, bool ascii, bool unfilteredFired,
                               const std::vector<int> &gatesPassed, DetectedSpans &out) const
{
    if (!m_unfilteredCombined) {
        for (int index : m_unfiltered)
            findMatches(text, regexFor(index, ascii), {index}, out);
    }
    const std::size_t candidates = (unfilteredFired ? 1 : 0) + gatesPassed.size();
    if (candidates == 0)
        return;
    // More than one at once run as one alternation, in file order, as the set's
    // do on their own: each match is then the leftmost of any of them, whichever
    // passed (one that did not cannot match anywhere in the message).
    if (candidates > 1 && m_wordlessCombined) {
        findMatches(text, ascii && m_asciiWordlessCombined ? *m_asciiWordlessCombined : *m_wordlessCombined,
                    m_wordless, out);
        return;
    }
    if (unfilteredFired)
        findMatches(text, ascii && m_asciiUnfilteredCombined ? *m_asciiUnfilteredCombined : *m_unfilteredCombined,
                    m_unfiltered, out);
    for (int index : gatesPassed)
        findMatches(text, regexFor(index, ascii), {index}, out);
}

const RE2 &PatternRule::regexFor(int index, bool asciiText) const
{
    const std::unique_ptr<RE2> &narrowed = m_asciiPatterns[std::size_t(index)];
    return asciiText && narrowed ? *narrowed : m_filter.GetRE2(index);
}

void PatternRule::potentialsOf(const std::vector<int> &atoms, std::vector<int> &potential) const
{
    // The filter's walk allocates and costs about half a microsecond, and most
    // messages with words share their few words with others ("here", "send").
    std::size_t hash = 0;
    for (int atom : atoms)
        hash = hash * 1000003u ^ std::size_t(atom);
    if (m_remembered->find(atoms, hash, potential))
        return;
    potential.clear();
    m_filter.AllPotentials(atoms, &potential);
    m_remembered->remember(atoms, hash, potential);
}

void PatternRule::findMatches(const NormalizedText &text, const RE2 &regex, const std::vector<int> &patternOfGroup,
                              DetectedSpans &out) const
{
    const std::string &working = text.working();
    const int groups = regex.NumberOfCapturingGroups();
    std::vector<re2::StringPiece> submatches(std::size_t(groups) + 1);
    std::size_t position = 0;
    while (position <= working.size()
           && regex.Match(working, position, working.size(), RE2::UNANCHORED, submatches.data(), groups + 1)) {
        const re2::StringPiece whole = submatches[0];
        const std::size_t wholeEnd = std::size_t(whole.data() - working.data()) + whole.size();
        position = whole.empty() ? wholeEnd + 1 : wholeEnd;
        // Each pattern has exactly one group (its span), so group g is pattern g - 1.
        for (int g = 1; g <= groups && std::size_t(g) <= patternOfGroup.size(); ++g) {
            const re2::StringPiece match = submatches[std::size_t(g)];
            if (match.data() == nullptr || match.empty())
                continue;
            const DetectionData::Pattern &pattern = m_patterns[std::size_t(patternOfGroup[std::size_t(g - 1)])];
            const std::size_t start = std::size_t(match.data() - working.data());
            DetectedSpan span = text.makeSpan(pattern.type, start, start + match.size());
            span.value = span.text.simplified();
            span.confidence = pattern.confidence;
            span.rule = QString::fromStdString(pattern.rule);
            span.explanation = pattern.explanation;
            out.append(span);
            break;
        }
    }
}

} // namespace cg
