#pragma once

#include "ContactType.h"

#include <QList>
#include <QString>

namespace cg {

// One contact detail found in a message. Offsets count Unicode code points of the
// original text (end exclusive), as the CLI contract requires; UI code converts them
// to UTF-16 positions with codePointToUtf16() when it needs to.
struct DetectedSpan
{
    ContactType type = ContactType::Phone;
    qsizetype start = 0;
    qsizetype end = 0;
    QString text;        // the original text[start:end]
    QString value;       // normalised identifier (E.164 phone, lower-cased e-mail, app:id)
    double confidence = 0.0;
    bool obfuscated = false;
    QString rule;        // e.g. "phone.international"
    QString explanation; // one sentence for a moderator

    friend bool operator==(const DetectedSpan &a, const DetectedSpan &b)
    {
        return a.type == b.type && a.start == b.start && a.end == b.end && a.text == b.text
            && a.value == b.value && a.rule == b.rule && a.obfuscated == b.obfuscated;
    }
};

using DetectedSpans = QList<DetectedSpan>;

// Code-point offset -> UTF-16 index into `text` (clamped to text.size()).
qsizetype codePointToUtf16(const QString &text, qsizetype codePointOffset);

} // namespace cg
