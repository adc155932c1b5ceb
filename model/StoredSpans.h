#pragma once

#include "DetectedSpan.h"

#include <QSqlQuery>
#include <QVariant>

#include <optional>

namespace cg {

// The detections columns that make a span, in the order spanFromQuery() reads them;
// select them after any columns of your own, prefixed with the table alias "d.".
inline constexpr const char *kStoredSpanColumns =
    "d.type, d.start_pos, d.end_pos, d.matched_text, d.value, d.confidence, d.obfuscated, d.rule, d.explanation";

// Reads a stored span starting at `column`; nothing when its type is unknown (a
// database written by a newer detector).
inline std::optional<DetectedSpan> spanFromQuery(const QSqlQuery &query, int column)
{
    const auto type = contactTypeFromName(query.value(column).toString());
    if (!type)
        return std::nullopt;
    DetectedSpan span;
    span.type = *type;
    span.start = query.value(column + 1).toLongLong();
    span.end = query.value(column + 2).toLongLong();
    span.text = query.value(column + 3).toString();
    span.value = query.value(column + 4).toString();
    span.confidence = query.value(column + 5).toDouble();
    span.obfuscated = query.value(column + 6).toBool();
    span.rule = query.value(column + 7).toString();
    span.explanation = query.value(column + 8).toString();
    return span;
}

} // namespace cg
