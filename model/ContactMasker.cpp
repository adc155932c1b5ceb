#include "ContactMasker.h"

#include "Detector.h"

#include <algorithm>

namespace cg {

namespace {
const QString kStars = QStringLiteral("***");
}

ContactMasker::ContactMasker(const Detector &detector)
    : m_detector(detector)
{
}

QString ContactMasker::maskEmail(const QString &address)
{
    const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
    if (at <= 0)
        return maskOther(address);
    const QString local = address.left(at);
    const QString domain = address.mid(at + 1);
    const qsizetype dot = domain.lastIndexOf(QLatin1Char('.'));
    const QString host = dot > 0 ? domain.left(dot) : domain;
    const QString topLevel = dot > 0 ? domain.mid(dot) : QString();
    return local.left(1) + kStars + QLatin1Char('@') + host.left(1) + QStringLiteral("****") + topLevel;
}

QString ContactMasker::maskPhone(const QString &written, const QString &value)
{
    // Digit groups as written: a leading "+country" group and the last four digits
    // stay, every other group becomes "***"; separators are kept.
    QList<std::pair<qsizetype, qsizetype>> groups; // [start, end) of each run of digits
    for (qsizetype i = 0; i < written.size();) {
        if (!written.at(i).isDigit()) {
            ++i;
            continue;
        }
        qsizetype end = i;
        while (end < written.size() && written.at(end).isDigit())
            ++end;
        groups.append({i, end});
        i = end;
    }
    if (groups.isEmpty()) {
        // Spelled out or otherwise disguised: show the last four digits of the value.
        QString digits;
        for (const QChar c : value) {
            if (c.isDigit())
                digits.append(c);
        }
        return kStars + digits.right(4);
    }
    QString masked;
    qsizetype copied = 0;
    for (qsizetype g = 0; g < groups.size(); ++g) {
        const auto [start, end] = groups.at(g);
        masked += written.mid(copied, start - copied);
        const QString digits = written.mid(start, end - start);
        const bool countryCode = g == 0 && groups.size() > 1 && start > 0 && written.at(start - 1) == QLatin1Char('+');
        if (countryCode)
            masked += digits;
        else if (g == groups.size() - 1)
            masked += digits.size() > 4 ? kStars + digits.right(4) : digits;
        else
            masked += kStars;
        copied = end;
    }
    return masked + written.mid(copied);
}

QString ContactMasker::maskOther(const QString &written)
{
    return written.left(1) + kStars;
}

QString ContactMasker::mask(const QString &text) const
{
    if (text.isEmpty())
        return text;
    DetectedSpans spans = m_detector.detect(text);
    // Replace from the end so earlier offsets stay valid; skip overlaps.
    std::sort(spans.begin(), spans.end(),
              [](const DetectedSpan &a, const DetectedSpan &b) { return a.start > b.start; });
    QString masked = text;
    qsizetype limit = text.size() + 1;
    for (const DetectedSpan &span : std::as_const(spans)) {
        const qsizetype start = codePointToUtf16(text, span.start);
        const qsizetype end = codePointToUtf16(text, span.end);
        // A request for contact details ("what's your number?") is not one itself.
        if (span.type == ContactType::ContactRequest || end > limit || start >= end)
            continue;
        QString replacement;
        switch (span.type) {
        case ContactType::Email:
            replacement = maskEmail(span.value.isEmpty() ? span.text : span.value);
            break;
        case ContactType::Phone:
            replacement = maskPhone(span.text, span.value);
            break;
        default:
            replacement = maskOther(span.text);
            break;
        }
        masked.replace(start, end - start, replacement);
        limit = start;
    }
    return masked;
}

} // namespace cg
