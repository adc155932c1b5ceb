#include "CueWords.h"

#include <algorithm>
#include <bitset>
#include <utility>

namespace cg {

namespace {

bool isAsciiAlpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

} // namespace

CueWords::CueWords(std::vector<std::string> words)
    : m_words(std::move(words))
{
}

std::string_view CueWords::findIn(std::string_view text, std::size_t from, std::size_t to) const
{
    to = std::min(to, text.size());
    if (from >= to)
        return {};
    const std::string window = lowerWindow(text, from, to);
    // Which bytes the window holds: most words are ruled out by their first and
    // last byte without a search.
    std::bitset<256> present;
    for (char c : window)
        present.set(static_cast<unsigned char>(c));
    for (const std::string &word : m_words) {
        if (!present.test(static_cast<unsigned char>(word.front()))
            || !present.test(static_cast<unsigned char>(word.back())))
            continue;
        const bool asciiWord = isAsciiAlpha(word.front());
        const bool needsEndBoundary = asciiWord && word.size() <= 3 && isAsciiAlpha(word.back());
        for (std::size_t at = window.find(word); at != std::string::npos;
             at = window.find(word, at + 1)) {
            if (asciiWord && at > 0 && isAsciiAlpha(window[at - 1]))
                continue;
            const std::size_t after = at + word.size();
            if (needsEndBoundary && after < window.size() && isAsciiAlpha(window[after]))
                continue;
            return word;
        }
    }
    return {};
}

std::string CueWords::lowerWindow(std::string_view text, std::size_t from, std::size_t to)
{
    std::string window(text.substr(from, to - from));
    for (char &c : window) {
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
    }
    return window;
}

} // namespace cg
