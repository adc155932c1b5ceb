#pragma once

#include <cstddef>
#include <string>

namespace cg {

// Replace working bytes [start, end) by `replacement` (empty: delete them).
// NormalizedText applies a sorted list of non-overlapping edits and keeps every
// byte's origin in the original text.
struct TextEdit
{
    std::size_t start = 0;
    std::size_t end = 0;
    std::string replacement;
};

} // namespace cg
