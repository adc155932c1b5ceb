#pragma once

#include "DetectedSpan.h"

#include <QString>
#include <QStringList>

#include <memory>

namespace cg {

struct DetectorOptions
{
    QString defaultRegion = QStringLiteral("US");          // for national phone numbers
    double minConfidence = 0.5;                            // spans below are dropped
    QStringList platformDomains = {QStringLiteral("upwork.com")}; // on-platform links are not reported
    // Files here extend the built-in rules, word and domain lists (see DetectionData);
    // empty: the CONTACTGUARD_RULES_DIR environment variable, if set.
    QString rulesDirectory;
};

// Finds contact details in one message. Construction loads the rule data and
// compiles the rules (costly: build one and share it); detect() is const and safe
// to call from many threads.
//
// The text is normalised once (NormalizedText), one RE2::Set pass over it tells
// which rules can fire, only those extract, context words raise or lower each
// finding's confidence, and overlapping findings are resolved.
class Detector final
{
public:
    explicit Detector(DetectorOptions options = {});
    ~Detector();
    Detector(const Detector &) = delete;
    Detector &operator=(const Detector &) = delete;

    // False when override rule files could not be loaded; errorString() says which
    // file and entry. An invalid detector finds nothing.
    bool isValid() const;
    QString errorString() const;

    DetectedSpans detect(const QString &text) const;

    // The spans of each text, as detect() finds them, but faster for many short
    // messages: each stage (normalising, the trigger set, each rule) runs over a
    // block of messages in turn, so its tables stay in the CPU caches.
    QList<DetectedSpans> detect(const QStringList &texts) const;

    const DetectorOptions &options() const;

    // Stored next to every detection so a newer detector rescans old messages.
    static QString version();

    // Whether `region` is a two-letter region code the phone rules know ("GB").
    static bool isKnownRegion(const QString &region);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace cg
