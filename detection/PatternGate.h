#pragma once

#include "DetectionRule.h"

#include <string>
#include <string_view>
#include <vector>

namespace cg {

// A phrase or address pattern's gate (patterns.tsv's optional sixth column): the
// words it cannot match without, so that it runs only on messages holding one.
//
// A gate is written as a small RE2 pattern, an alternation of words, and it is
// one: "\bSt\b|\bNo\.? ?\d". Each alternative is a word with
//   - `\b` before it: the word starts at a word boundary (as RE2's \b: ASCII
//     letters, digits and "_" are word characters);
//   - `\b` after it: it ends at one; or `\d` after it: a digit follows it;
//   - `?` after a character or group: that part may be left out;
//   - `(?:a|b)` groups of words, not nested: one of them;
//   - `\` before a punctuation character or a space: the character itself
//     (the field is trimmed, so a space at either end is written `\ `).
// `(?i)` at the start makes every word match in any case; without it they match
// as written. Nothing else is accepted: the detector looks for the words with its
// trigger walk, not with RE2.
struct GateWord
{
    enum class After { Anything, Boundary, Digit };
    std::string word; // UTF-8, never empty
    bool boundaryBefore = false;
    After after = After::Anything;
};

struct PatternGate
{
    std::string written;         // as in the file, an RE2 pattern
    std::vector<GateWord> words; // every spelling the alternatives allow
    bool ignoresCase = false;
};

// Parses `gate` (UTF-8). On failure returns false and sets `error` to what is wrong
// and where ("at byte 4: ...").
bool parsePatternGate(std::string_view gate, PatternGate &parsed, std::string &error);

// A gate word as the trigger walk looks for it. Its edges are only ever looked at
// in ASCII messages (a byte beyond ASCII may always be a neighbour), so they are
// sets of ASCII bytes, as RE2's \b and \d are ASCII-only.
DetectionRule::TriggerWord triggerWordOf(const GateWord &gateWord, bool ignoresCase);

} // namespace cg
