#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cg {

// Words near a candidate that make it more or less likely to be contact details
// ("call me on ...", "invoice no. ..."). Matched on the lower-cased UTF-8 working
// text; ASCII cues must start at a word boundary, and short ones (up to three
// letters, like "tel" or "ph") must end at one too, so "graph" is not "ph".
class CueWords final
{
public:
    explicit CueWords(std::vector<std::string> words);

    // The first cue found in `text` within [from, to), or an empty view.
    std::string_view findIn(std::string_view text, std::size_t from, std::size_t to) const;

    // Lower-cases ASCII letters of text[from, to) and returns it; other bytes
    // (UTF-8 of non-Latin scripts) are copied, their cues are listed in lower case.
    static std::string lowerWindow(std::string_view text, std::size_t from, std::size_t to);

private:
    std::vector<std::string> m_words;
};

} // namespace cg
