#include "Detector.h"

#include "DetectionRule.h"
#include "EmailRule.h"
#include "NormalizedText.h"
#include "PhoneRule.h"

#include <algorithm>
#include <vector>

namespace cg {

namespace {

// When two findings overlap, the more specific kind wins: the digits of a phone
// inside an e-mail address ("jo.4155550132@mail.com") are part of the address.
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

bool overlaps(const DetectedSpan &a, const DetectedSpan &b)
{
    return a.start < b.end && b.start < a.end;
}

// Keeps the best span of every overlapping group: by kind, then confidence, then
// the longer one. Contact requests are phrases around details, so they may overlap
// anything and are kept alongside.
DetectedSpans resolveOverlaps(DetectedSpans spans)
{
    std::stable_sort(spans.begin(), spans.end(), [](const DetectedSpan &a, const DetectedSpan &b) {
        const int rankA = overlapRank(a.type);
        const int rankB = overlapRank(b.type);
        if (rankA != rankB)
            return rankA < rankB;
        if (a.confidence != b.confidence)
            return a.confidence > b.confidence;
        return (a.end - a.start) > (b.end - b.start);
    });
    DetectedSpans kept;
    for (const DetectedSpan &span : spans) {
        const bool clash = std::any_of(kept.cbegin(), kept.cend(), [&](const DetectedSpan &other) {
            const bool eitherRequest = span.type == ContactType::ContactRequest
                || other.type == ContactType::ContactRequest;
            return !eitherRequest && overlaps(span, other);
        });
        if (!clash)
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
    std::vector<std::unique_ptr<DetectionRule>> rules;
};

Detector::Detector(DetectorOptions options)
    : d(std::make_unique<Private>())
{
    d->options = std::move(options);
    d->options.defaultRegion = d->options.defaultRegion.toUpper();
    // Rules compile their RE2 patterns here, once; detect() only reads them.
    d->rules.push_back(std::make_unique<EmailRule>());
    d->rules.push_back(std::make_unique<PhoneRule>(d->options.defaultRegion.toStdString()));
}

Detector::~Detector() = default;

DetectedSpans Detector::detect(const QString &text) const
{
    if (text.isEmpty())
        return {};
    const NormalizedText normalized(text);
    DetectedSpans found;
    for (const auto &rule : d->rules)
        rule->find(normalized, found);
    found.erase(std::remove_if(found.begin(), found.end(),
                               [this](const DetectedSpan &span) {
                                   return span.confidence < d->options.minConfidence;
                               }),
                found.end());
    return resolveOverlaps(std::move(found));
}

const DetectorOptions &Detector::options() const
{
    return d->options;
}

QString Detector::version()
{
    // Bump whenever a rule, a pattern or a confidence changes: stored detections
    // carry this so older messages get rescanned.
    return QStringLiteral("detector-1");
}

bool Detector::isKnownRegion(const QString &region)
{
    return PhoneRule::isKnownRegion(region.toUpper().toStdString());
}

} // namespace cg
