#pragma once

#include "DetectionData.h"
#include "DetectionRule.h"

#include <QStringList>

#include <re2/re2.h>

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace cg {

// Off-platform links, plain ("https://calendly.com/x", "janedoe.dev/portfolio")
// and disguised ("www [dot] site [dot] studio", "t . me / ivan", "paypal dot me
// slash jdoe"). Where a link leads decides its type, from domains.tsv: messenger,
// social, form, payment, or url for anything else. Links to the platform's own
// domains are not reported. A bare "name.tld" needs a top-level domain from
// tlds.txt, so file names and code ("app.py", "Vue.js") are not links.
class LinkRule final : public DetectionRule
{
public:
    LinkRule(const DetectionData &data, const QStringList &platformDomains);

    std::vector<std::string> triggers() const override;
    std::vector<TriggerWord> triggerWords() const override;
    bool runsOnEveryMessage() const override { return true; }
    void find(const NormalizedText &text, const std::vector<int> &fired,
              DetectedSpans &out) const override;

private:
    struct Link;

    void findPlain(const NormalizedText &text, DetectedSpans &out) const;
    // Plain links in working[from, to), a stretch without spaces.
    void findPlain(const NormalizedText &text, std::size_t from, std::size_t to, DetectedSpans &out) const;
    void findDisguised(const NormalizedText &text, DetectedSpans &out) const;
    bool classify(std::string_view url, bool bare, Link &link) const;
    void report(const NormalizedText &text, std::size_t start, std::size_t end, const Link &link,
                bool disguised, DetectedSpans &out) const;
    static QString ruleName(const Link &link, bool disguised);

    // Indices into m_domains of the listed domains a host falls under, most
    // specific first: the host itself and each parent domain looked up in turn.
    std::vector<std::size_t> domainsOf(std::string_view host) const;

    std::vector<DetectionData::Domain> m_domains; // most specific first
    std::unordered_map<std::string_view, std::vector<std::size_t>> m_domainsByName;
    std::unordered_set<std::string> m_topLevelDomains;
    std::vector<std::string> m_platformDomains;
    RE2 m_disguised;
    RE2 m_dotWord;
    RE2 m_spacedSlash;
    RE2 m_slashWord;
};

} // namespace cg
