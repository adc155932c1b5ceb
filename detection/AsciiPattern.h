#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cg {

// The same regular expression as `pattern` for text that is all ASCII: Unicode
// classes (\pL, \p{Lu}, \pN, \pM, \PL, ...) narrowed to their ASCII members.
//
// RE2 compiles a Unicode class into an automaton over every UTF-8 sequence in it
// (\pL alone is some 650 ranges), so a DFA that has to read through one is slow
// to build, which is most of what a pattern costs the first time it runs. On
// ASCII text only the ASCII members of a class can match, so the narrowed pattern
// finds exactly the same matches there.
//
// Returns `pattern` unchanged when it has no such class, or when it has something
// this does not take apart (\Q...\E, a negated class inside brackets, a class it
// does not know): that is always correct, only not faster.
//
// The same holds for text beyond ASCII whose every character
// narrowedPatternsAgreeOn(): each narrowed class then holds exactly the text's
// characters the original class holds.
std::string asciiNarrowed(std::string_view pattern);

// Whether a narrowed pattern treats `c` as its original does: true for ASCII and
// for characters outside every class asciiNarrowed() narrows (letters, numbers,
// marks, the Latin script), such as U+FFFD, spaces, punctuation, symbols and
// emoji. Errs towards false: unassigned code points (RE2's Unicode tables may be
// newer than Qt's) and modifier symbols (some are in the Latin script).
bool narrowedPatternsAgreeOn(char32_t c);

// The Unicode classes asciiNarrowed() narrows, by their RE2 names ("L", "Lu", ...).
std::vector<std::string_view> narrowedClassNames();

} // namespace cg
