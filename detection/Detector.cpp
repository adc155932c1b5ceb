#include "Detector.h"

#include "ContextWords.h"
#include "DetectionData.h"
#include "DetectionRule.h"
#include "EmailRule.h"
#include "HandleRule.h"
#include "LinkRule.h"
#include "NormalizedText.h"
#include "PatternRule.h"
#include "PaymentRule.h"
#include "PhoneRule.h"
#include "SpelledNumbers.h"
#include "TriggerScan.h"
#include "TriggerWords.h"

#include <re2/set.h>

#include <algorithm>
#include <array>
#include <iterator>
#include <map>
#include <optional>
#include <vector>

namespace cg {

namespace {

// When two findings overlap, the more specific kind wins: the digits of a phone
// inside an e-mail address ("jo.4155550132@mail.com") are part of the address,
// "WhatsApp +44 ..." is a messenger ID rather than a bare phone, and a request
// phrase gives way to the detail it overlaps.
int overlapRank(ContactType type)
{
    switch (type) {
    case ContactType::Email:
        return 0;
    case ContactType::Form:
    case ContactType::Payment:
        return 1;
    case ContactType::Messenger:
    case ContactType::Social:
        return 2;
    case ContactType::Url:
        return 3;
    case ContactType::Phone:
        return 4;
    case ContactType::Address:
        return 5;
    case ContactType::ContactRequest:
        return 6;
    }
    return 7;
}

// Keeps the best span of every overlapping group: by kind, then confidence, then
// the longer one.
DetectedSpans resolveOverlaps(DetectedSpans spans)
{
    if (spans.size() < 2)
        return spans; // most messages: nothing to resolve
    std::stable_sort(spans.begin(), spans.end(), [](const DetectedSpan &a, const DetectedSpan &b) {
        const int rankA = overlapRank(a.type);
        const int rankB = overlapRank(b.type);
        if (rankA != rankB)
            return rankA < rankB;
        if ((a.end - a.start) != (b.end - b.start))
            return (a.end - a.start) > (b.end - b.start);
        return a.confidence > b.confidence;
    });
    // Kept spans never overlap, so they sit in a map by start and a new span can
    // only clash with its neighbours: O(n log n) even for a huge message.
    std::map<qsizetype, qsizetype> taken; // start -> end
    DetectedSpans kept;
    for (const DetectedSpan &span : spans) {
        auto next = taken.lower_bound(span.start);
        if (next != taken.end() && next->first < span.end)
            continue;
        if (next != taken.begin() && std::prev(next)->second > span.start)
            continue;
        taken.emplace(span.start, span.end);
        kept.append(span);
    }
    std::sort(kept.begin(), kept.end(), [](const DetectedSpan &a, const DetectedSpan &b) {
        return a.start != b.start ? a.start < b.start : a.end < b.end;
    });
    return kept;
}

} // namespace

struct Detector::Private
{
    DetectorOptions options;
    QString error;
    std::unique_ptr<SpelledNumbers> numbers;
    std::vector<std::unique_ptr<DetectionRule>> rules;
    // Triggers are numbered across all rules, in order; a rule's are its
    // patterns, then its words: [firstTrigger, firstTrigger + triggerCount).
    std::vector<int> firstTrigger;
    std::vector<int> triggerCount;
    std::unique_ptr<RE2::Set> triggers; // the patterns, as set entries 0, 1, ...
    std::vector<int> triggerOfPattern; // set entry -> trigger
    // set entry -> its pattern's TriggerScan bit. When every entry has one, the
    // scan answers for the set, which runs only when the scan is unsure; a pattern
    // from patterns.tsv with neither words nor a gate brings the set back for every
    // message.
    std::vector<unsigned> scanBitOfEntry;
    bool scanAnswersForSet = true;
    std::unique_ptr<TriggerWords> triggerWords;
    // The spelled-number words, found with the rules' trigger words, numbered
    // after every rule's triggers: numberWordTrigger + SpelledNumbers::Trigger.
    int numberWordTrigger = 0;
    std::unique_ptr<ContextWords> contextWords;

    void build(const DetectionData &data);
    // A message's triggers, in two steps. findWords() sets `hits` to the trigger
    // words in `text`, after rewriting the numbers spelled out in it; matchSet()
    // then adds the shared set's patterns and sorts them, false when the set ran
    // out of DFA memory.
    void findWords(NormalizedText &text, std::vector<int> &hits) const;
    bool matchSet(const NormalizedText &text, std::vector<int> &hits) const;
    // Detects in texts[0..count) into spans[0..count); see detect(QStringList).
    void detectBlock(const QString *texts, qsizetype count, DetectedSpans *spans) const;
};

void Detector::Private::build(const DetectionData &data)
{
    numbers = std::make_unique<SpelledNumbers>(data.numberWords);
    // Rules compile their RE2 patterns here, once; detect() only reads them.
    rules.push_back(std::make_unique<EmailRule>());
    rules.push_back(std::make_unique<PhoneRule>(options.defaultRegion.toStdString()));
    rules.push_back(std::make_unique<LinkRule>(data, options.platformDomains));
    rules.push_back(std::make_unique<HandleRule>(data.services));
    rules.push_back(std::make_unique<PaymentRule>());
    rules.push_back(std::make_unique<PatternRule>(data.patterns));

    RE2::Options setOptions;
    setOptions.set_log_errors(false);
    setOptions.set_max_mem(256 << 20);
    triggers = std::make_unique<RE2::Set>(setOptions, RE2::UNANCHORED);
    std::vector<std::pair<int, DetectionRule::TriggerWord>> words;
    int next = 0;
    for (const auto &rule : rules) {
        firstTrigger.push_back(next);
        const std::vector<std::string> patterns = rule->triggers();
        for (const std::string &pattern : patterns) {
            std::string setError;
            if (triggers->Add(pattern, &setError) < 0) {
                error = QStringLiteral("trigger pattern '%1' does not compile: %2")
                            .arg(QString::fromStdString(pattern).left(80), QString::fromStdString(setError));
                return;
            }
            triggerOfPattern.push_back(next++);
            scanBitOfEntry.push_back(TriggerScan::patternBit(pattern));
            scanAnswersForSet = scanAnswersForSet && scanBitOfEntry.back() != 0;
        }
        const std::vector<DetectionRule::TriggerWord> ruleWords = rule->triggerWords();
        for (const DetectionRule::TriggerWord &word : ruleWords)
            words.emplace_back(next++, word);
        triggerCount.push_back(int(patterns.size() + ruleWords.size()));
    }
    numberWordTrigger = next;
    for (const auto &[trigger, word] : numbers->triggerWords())
        words.emplace_back(numberWordTrigger + int(trigger), word);
    if (!triggers->Compile()) {
        error = QStringLiteral("the trigger patterns do not fit in memory together");
        return;
    }
    triggerWords = std::make_unique<TriggerWords>(words);
    contextWords = std::make_unique<ContextWords>(data.contextWords);
}

Detector::Detector(DetectorOptions options)
    : d(std::make_unique<Private>())
{
    d->options = std::move(options);
    d->options.defaultRegion = d->options.defaultRegion.toUpper();
    for (QString &domain : d->options.platformDomains)
        domain = domain.toLower();
    const QString directory = d->options.rulesDirectory.isEmpty()
        ? DetectionData::environmentOverrideDirectory()
        : d->options.rulesDirectory;
    std::optional<DetectionData> data = DetectionData::load(directory, &d->error);
    if (!data)
        return;
    d->build(*data);
    if (!d->error.isEmpty())
        d->rules.clear();
}

Detector::~Detector() = default;

bool Detector::isValid() const
{
    return d->error.isEmpty();
}

QString Detector::errorString() const
{
    return d->error;
}

void Detector::Private::findWords(NormalizedText &text, std::vector<int> &hits) const
{
    // The words first: they also say whether the message may hold a number spelled
    // out (where its number and joining words are), and the rest of the work is
    // done on the text with it rewritten.
    thread_local TriggerWords::Places places;
    thread_local std::vector<SpelledNumbers::FoundWord> numberWords;
    triggerWords->match(text, hits, &places);
    bool mayRewrite = !text.isAscii() || !places.complete;
    if (!mayRewrite) {
        numberWords.clear();
        for (const TriggerWords::Place &place : places.list) {
            if (place.trigger >= numberWordTrigger)
                numberWords.push_back(
                    {SpelledNumbers::Trigger(place.trigger - numberWordTrigger), place.start, place.end});
        }
        mayRewrite = numbers->mayRewrite(text.working(), numberWords);
    }
    if (mayRewrite && text.rewriteNumbers(*numbers)) {
        hits.clear();
        triggerWords->match(text, hits);
    }
}

bool Detector::Private::matchSet(const NormalizedText &text, std::vector<int> &hits) const
{
    thread_local std::vector<int> setHits;
    if (scanAnswersForSet) {
        const unsigned found = TriggerScan::matches(text.working());
        if (!(found & TriggerScan::Unsure)) {
            for (std::size_t entry = 0; entry < scanBitOfEntry.size(); ++entry) {
                if (found & scanBitOfEntry[entry])
                    hits.push_back(triggerOfPattern[entry]);
            }
            std::sort(hits.begin(), hits.end());
            return true;
        }
    }
    RE2::Set::ErrorInfo errorInfo{};
    const bool setAnswered = triggers->Match(text.working(), &setHits, &errorInfo) || errorInfo.kind == RE2::Set::kNoError;
    for (int hit : setHits)
        hits.push_back(triggerOfPattern[std::size_t(hit)]);
    std::sort(hits.begin(), hits.end());
    return setAnswered;
}

void Detector::Private::detectBlock(const QString *texts, qsizetype count, DetectedSpans *spans) const
{
    // Working copies and trigger lists of each thread's latest block, reused: their
    // buffers keep their size, so a block of ordinary messages allocates little.
    thread_local std::vector<NormalizedText> normalized;
    thread_local std::vector<std::vector<int>> matched;
    thread_local std::vector<bool> runAll;
    if (normalized.size() < std::size_t(count)) {
        normalized.resize(std::size_t(count));
        matched.resize(std::size_t(count));
    }
    for (qsizetype m = 0; m < count; ++m)
        normalized[std::size_t(m)].reset(texts[m]);

    // Which triggers matched in each message, sorted; all of them when the set ran
    // out of DFA memory (then every rule runs: slower, never wrong).
    runAll.assign(std::size_t(count), false);
    for (qsizetype m = 0; m < count; ++m) {
        std::vector<int> &hits = matched[std::size_t(m)];
        hits.clear();
        if (!texts[m].isEmpty())
            findWords(normalized[std::size_t(m)], hits);
    }
    // The set's turn once the words are found in the whole block: its DFA states
    // stay in the cache from one message to the next (about 5% of the time a
    // block takes when each message went through both in turn).
    for (qsizetype m = 0; m < count; ++m) {
        if (!texts[m].isEmpty())
            runAll[std::size_t(m)] = !matchSet(normalized[std::size_t(m)], matched[std::size_t(m)]);
    }

    thread_local std::vector<int> fired;
    for (std::size_t r = 0; r < rules.size(); ++r) {
        const int first = firstTrigger[r];
        const int last = first + triggerCount[r];
        for (qsizetype m = 0; m < count; ++m) {
            if (texts[m].isEmpty())
                continue;
            const std::vector<int> &hits = matched[std::size_t(m)];
            fired.clear();
            if (runAll[std::size_t(m)]) {
                for (int i = first; i < last; ++i)
                    fired.push_back(i - first);
            } else {
                for (auto it = std::lower_bound(hits.begin(), hits.end(), first); it != hits.end() && *it < last;
                     ++it)
                    fired.push_back(*it - first);
            }
            if (!fired.empty() || rules[r]->runsOnEveryMessage())
                rules[r]->find(normalized[std::size_t(m)], fired, spans[m]);
        }
    }

    for (qsizetype m = 0; m < count; ++m) {
        DetectedSpans &found = spans[m];
        // Most messages have no finding. Their lists are left alone: Qt allocates
        // an empty list that is asked for a mutable iterator.
        if (!found.isEmpty()) {
            contextWords->apply(normalized[std::size_t(m)], found);
            found.erase(std::remove_if(found.begin(), found.end(),
                                       [this](const DetectedSpan &span) { return span.confidence < options.minConfidence; }),
                        found.end());
            found = resolveOverlaps(std::move(found));
        }
        normalized[std::size_t(m)].release();
    }
}

DetectedSpans Detector::detect(const QString &text) const
{
    DetectedSpans spans;
    if (!text.isEmpty() && isValid())
        d->detectBlock(&text, 1, &spans);
    return spans;
}

QList<DetectedSpans> Detector::detect(const QStringList &texts) const
{
    // Enough messages to keep each stage's tables warm, few enough that their
    // working copies stay in the cache too.
    constexpr qsizetype kBlock = 128;
    QList<DetectedSpans> spans(texts.size());
    if (!isValid())
        return spans;
    for (qsizetype start = 0; start < texts.size(); start += kBlock)
        d->detectBlock(texts.constData() + start, std::min(kBlock, texts.size() - start), spans.data() + start);
    return spans;
}

const DetectorOptions &Detector::options() const
{
    return d->options;
}

QString Detector::version()
{
    // Bump whenever a rule, a pattern, a data file or a confidence changes: stored
    // detections carry this so older messages get rescanned.
    return QStringLiteral("detector-5");
}

bool Detector::isKnownRegion(const QString &region)
{
    return PhoneRule::isKnownRegion(region.toUpper().toStdString());
}

} // namespace cg
