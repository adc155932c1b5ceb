// Feeds arbitrary bytes to the detector as a message and checks every span against
// the contract: offsets are code points inside the text, `text` is text[start:end],
// confidence is in [0, 1]. The same bytes cut at newlines go through
// detect(QStringList) too, which must give each piece exactly its detect() spans.
#include "Detector.h"
#include "FuzzSupport.h"

#include <QString>
#include <QStringList>

#include <cstddef>
#include <cstdint>

namespace {

void checkSpans(const QString &text, const cg::DetectedSpans &spans)
{
    const QList<uint> codePoints = text.toUcs4();
    for (const cg::DetectedSpan &span : spans) {
        if (span.start < 0 || span.start >= span.end || span.end > codePoints.size())
            cg::fuzz::fail(QStringLiteral("span %1..%2 outside %3 code points")
                               .arg(span.start).arg(span.end).arg(codePoints.size()));
        const QList<uint> slice = codePoints.mid(span.start, span.end - span.start);
        if (QString::fromUcs4(reinterpret_cast<const char32_t *>(slice.constData()), slice.size()) != span.text)
            cg::fuzz::fail(QStringLiteral("span text '%1' is not text[%2:%3]").arg(span.text).arg(span.start).arg(span.end));
        if (!(span.confidence >= 0.0 && span.confidence <= 1.0))
            cg::fuzz::fail(QStringLiteral("confidence %1 outside [0, 1]").arg(span.confidence));
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const cg::Detector detector;
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    checkSpans(text, detector.detect(text));

    const QStringList pieces = text.split(QLatin1Char('\n'));
    const QList<cg::DetectedSpans> together = detector.detect(pieces);
    if (together.size() != pieces.size())
        cg::fuzz::fail(QStringLiteral("%1 results for %2 messages").arg(together.size()).arg(pieces.size()));
    for (qsizetype i = 0; i < pieces.size(); ++i) {
        if (together.at(i) != detector.detect(pieces.at(i)))
            cg::fuzz::fail(QStringLiteral("message %1 of %2: spans differ from detecting it alone").arg(i).arg(pieces.size()));
    }
    return 0;
}
