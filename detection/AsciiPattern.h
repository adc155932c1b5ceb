#pragma once

#include <string>
#include <string_view>

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
std::string asciiNarrowed(std::string_view pattern);

} // namespace cg
