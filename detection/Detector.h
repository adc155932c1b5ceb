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
};

// Finds contact details in one message. Construction compiles the rules (costly:
// build one and share it); detect() is const and safe to call from many threads.
class Detector final
{
public:
    explicit Detector(DetectorOptions options = {});
    ~Detector();
    Detector(const Detector &) = delete;
    Detector &operator=(const Detector &) = delete;

    DetectedSpans detect(const QString &text) const;

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
