#include "DetectedSpan.h"

namespace cg {

qsizetype codePointToUtf16(const QString &text, qsizetype codePointOffset)
{
    if (codePointOffset <= 0)
        return 0;
    const qsizetype size = text.size();
    qsizetype index = 0;
    for (qsizetype seen = 0; seen < codePointOffset && index < size; ++seen) {
        // A surrogate pair is one code point in two UTF-16 units; a lone
        // surrogate (malformed input) counts as one code point.
        if (text.at(index).isHighSurrogate() && index + 1 < size
            && text.at(index + 1).isLowSurrogate())
            index += 2;
        else
            index += 1;
    }
    return index;
}

} // namespace cg
