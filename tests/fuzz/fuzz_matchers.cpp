// The detector's stand-ins for RE2 must answer exactly as RE2 does. The input is a
// pattern, a NUL byte, and a text:
// - asciiNarrowed(pattern), when both it and the pattern compile, finds the same
//   matches with the same groups in the text made ASCII, and in the text with
//   each byte beyond ASCII made a character that is no letter, number or mark;
// - a LiteralSet of the pattern's '|'-separated pieces finds the same pieces as a
//   case-insensitive RE2::Set of them in the text made ASCII;
// - findUrl() finds the same links as RE2 running kUrlPattern in the text made
//   valid UTF-8;
// - SpelledNumbers::mayRewrite() says yes, given the number words found as the
//   Detector finds them, whenever rewrite() changes the text made ASCII;
// - TriggerScan::matches() finds the trigger patterns RE2 finds, in the text as
//   it is (unless it says it is unsure) and made ASCII (where it must be sure),
//   and its two scans agree.
#include "AsciiPattern.h"
#include "DetectionData.h"
#include "FuzzSupport.h"
#include "LiteralSet.h"
#include "NormalizedText.h"
#include "SpelledNumbers.h"
#include "TriggerScan.h"
#include "TriggerWords.h"
#include "UrlScan.h"

#include <QString>

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace {

constexpr std::size_t kMaxPattern = 512;

void checkNarrowed(const std::string &pattern, const std::string &text)
{
    RE2::Options options;
    options.set_log_errors(false);
    options.set_max_mem(2 << 20);
    const RE2 original(pattern, options);
    if (!original.ok())
        return;
    const RE2 narrowed(cg::asciiNarrowed(pattern), options);
    if (!narrowed.ok())
        return; // the detector then keeps the original: slower, never wrong
    const int groups = original.NumberOfCapturingGroups();
    if (narrowed.NumberOfCapturingGroups() != groups)
        cg::fuzz::fail(QStringLiteral("narrowing '%1' changed the number of groups").arg(QString::fromStdString(pattern)));
    std::vector<re2::StringPiece> a(std::size_t(groups) + 1);
    std::vector<re2::StringPiece> b(std::size_t(groups) + 1);
    std::size_t position = 0;
    for (int round = 0; round < 64 && position <= text.size(); ++round) {
        const bool foundA = original.Match(text, position, text.size(), RE2::UNANCHORED, a.data(), groups + 1);
        const bool foundB = narrowed.Match(text, position, text.size(), RE2::UNANCHORED, b.data(), groups + 1);
        if (foundA != foundB)
            cg::fuzz::fail(QStringLiteral("'%1' and its narrowed form disagree on a match").arg(QString::fromStdString(pattern)));
        if (!foundA)
            return;
        for (std::size_t g = 0; g < a.size(); ++g) {
            if (a[g].data() != b[g].data() || a[g].size() != b[g].size())
                cg::fuzz::fail(QStringLiteral("'%1' and its narrowed form disagree on group %2")
                                   .arg(QString::fromStdString(pattern)).arg(g));
        }
        const std::size_t end = std::size_t(a[0].data() - text.data()) + a[0].size();
        position = a[0].empty() ? end + 1 : end;
    }
}

void checkLiterals(const std::string &pattern, const std::string &text)
{
    std::vector<std::string> literals;
    std::size_t from = 0;
    while (from <= pattern.size() && literals.size() < 64) {
        const std::size_t bar = std::min(pattern.find('|', from), pattern.size());
        if (bar > from)
            literals.push_back(pattern.substr(from, bar - from));
        from = bar + 1;
    }
    if (literals.empty())
        return;
    const cg::LiteralSet set(literals);
    if (!set.isValid())
        return;
    RE2::Options options;
    options.set_log_errors(false);
    options.set_case_sensitive(false);
    options.set_encoding(RE2::Options::EncodingLatin1); // the literals are bytes, not UTF-8
    RE2::Set reference(options, RE2::UNANCHORED);
    for (const std::string &literal : literals) {
        if (reference.Add(RE2::QuoteMeta(literal), nullptr) < 0)
            return;
    }
    if (!reference.Compile())
        return;
    std::vector<int> found;
    set.match(text, found);
    std::vector<int> expected;
    reference.Match(text, &expected);
    std::sort(expected.begin(), expected.end());
    if (found != expected)
        cg::fuzz::fail(QStringLiteral("LiteralSet found %1 of %2 pieces, RE2::Set %3")
                           .arg(found.size()).arg(literals.size()).arg(expected.size()));
}

void checkUrls(const std::string &text)
{
    static const RE2 pattern(cg::kUrlPattern);
    std::size_t next = 0;
    std::size_t start = 0;
    std::size_t end = 0;
    re2::StringPiece match;
    for (int round = 0; round < 256; ++round) {
        const bool found = cg::findUrl(text, next, text.size(), start, end);
        const bool expected = next <= text.size() && pattern.Match(text, next, text.size(), RE2::UNANCHORED, &match, 1);
        if (found != expected)
            cg::fuzz::fail(QStringLiteral("findUrl() and RE2 disagree on whether a link follows offset %1").arg(next));
        if (!found)
            return;
        if (match.data() != text.data() + start || match.size() != end - start)
            cg::fuzz::fail(QStringLiteral("findUrl() and RE2 disagree on the link after offset %1").arg(next));
        next = end;
    }
}

void checkNumbers(const std::string &ascii)
{
    struct Numbers
    {
        Numbers()
        {
            QString error;
            const std::optional<cg::DetectionData> data = cg::DetectionData::load(QString(), &error);
            if (!data)
                cg::fuzz::fail(error);
            numbers = std::make_unique<cg::SpelledNumbers>(data->numberWords);
            std::vector<std::pair<int, cg::DetectionRule::TriggerWord>> words;
            for (const auto &[trigger, word] : numbers->triggerWords())
                words.emplace_back(int(trigger), word);
            triggerWords = std::make_unique<cg::TriggerWords>(words);
        }
        std::unique_ptr<cg::SpelledNumbers> numbers;
        std::unique_ptr<cg::TriggerWords> triggerWords;
    };
    static const Numbers fixture;
    const cg::NormalizedText text(QString::fromStdString(ascii));
    if (!text.isAscii() || fixture.numbers->rewrite(text.working()).empty())
        return;
    std::vector<int> hits;
    cg::TriggerWords::Places places;
    fixture.triggerWords->match(text, hits, &places);
    if (!places.complete)
        return; // more words than the walk locates: the Detector reads such a message
    std::vector<cg::SpelledNumbers::FoundWord> words;
    for (const cg::TriggerWords::Place &place : places.list)
        words.push_back({cg::SpelledNumbers::Trigger(place.trigger), place.start, place.end});
    if (!fixture.numbers->mayRewrite(text.working(), words))
        cg::fuzz::fail(QStringLiteral("mayRewrite() passes over a number rewrite() changes"));
}

void checkTriggerScan(const std::string &text, bool mustBeSure)
{
    static const std::vector<std::pair<std::unique_ptr<RE2>, unsigned>> kPatterns = [] {
        std::vector<std::pair<std::unique_ptr<RE2>, unsigned>> patterns;
        for (const char *pattern : {cg::triggers::kSpelledEmail, cg::triggers::kDisguisedLink, cg::triggers::kSevenDigits,
                                    cg::triggers::kDiscordTag, cg::triggers::kIban, cg::triggers::kBase58Address,
                                    cg::triggers::kEthereumAddress, cg::triggers::kCashtag})
            patterns.emplace_back(std::make_unique<RE2>(pattern), cg::TriggerScan::patternBit(pattern));
        return patterns;
    }();
    const unsigned found = cg::TriggerScan::matches(text);
    if (cg::TriggerScan::matchesByteByByte(text) != found)
        cg::fuzz::fail(QStringLiteral("TriggerScan's two scans disagree"));
    if (found & cg::TriggerScan::Unsure) {
        if (mustBeSure)
            cg::fuzz::fail(QStringLiteral("TriggerScan is unsure about ASCII text"));
        return;
    }
    for (const auto &[regex, bit] : kPatterns) {
        if (RE2::PartialMatch(text, *regex) != ((found & bit) != 0))
            cg::fuzz::fail(QStringLiteral("TriggerScan and RE2 disagree on '%1'").arg(QString::fromStdString(regex->pattern())));
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::string input(reinterpret_cast<const char *>(data), size);
    const std::size_t split = input.find('\0');
    if (split == std::string::npos || split > kMaxPattern)
        return 0;
    const std::string pattern = input.substr(0, split);
    std::string text = input.substr(split + 1);
    const std::string validText = QString::fromUtf8(text.data(), qsizetype(text.size())).toStdString();
    checkUrls(validText);
    checkTriggerScan(validText, false);
    static const char *const kLetterless[] = {"\uFFFD", "\u201C", "\u20AC", "\u00B0", "\u3000", "\U0001F600", "\u00A0", "\u2013"};
    std::string letterless;
    for (const char c : text) {
        if (static_cast<unsigned char>(c) < 0x80)
            letterless += c;
        else
            letterless += kLetterless[static_cast<unsigned char>(c) % std::size(kLetterless)];
    }
    checkNarrowed(pattern, letterless);
    for (char &c : text)
        c = char(c & 0x7F);
    checkNarrowed(pattern, text);
    checkLiterals(pattern, text);
    checkNumbers(text);
    checkTriggerScan(text, true);
    return 0;
}
