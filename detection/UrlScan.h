#pragma once

#include <cstddef>
#include <string_view>

namespace cg {

// The plain-link pattern: a scheme or "www." and what follows up to a space or a
// character that cannot be in a link, or a dotted host name ending in a top-level
// domain of letters, with an optional port and path.
inline constexpr char kUrlPattern[] =
    R"((?i)(?:https?://|www\.)[^\s<>"'`\[\]{}|\\^]+)"
    R"(|[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?)*\.[a-z]{2,24})"
    R"((?::[0-9]{2,5})?(?:/[^\s<>"'`\[\]{}|\\^]*)?)";

// The first match of kUrlPattern in text[from, to), exactly as RE2 finds it
// (leftmost, then the first alternative and the greediest choices that match;
// (?i)[a-z] includes U+017F and U+212A, which fold to "s" and "k"), written out by
// hand: a link is most of what a chat message holds beyond words, and RE2 spends
// about a microsecond setting up each search and finding each match's start with
// its reverse DFA. Linear in the length of the text, like RE2. `text` must be UTF-8
// and `from` and `to` at character boundaries.
// Returns false when there is no match; otherwise the match is text[start, end).
bool findUrl(std::string_view text, std::size_t from, std::size_t to, std::size_t &start, std::size_t &end);

} // namespace cg
