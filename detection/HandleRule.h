#pragma once

#include "DetectionData.h"
#include "DetectionRule.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <memory>
#include <string>
#include <vector>

namespace cg {

// An app's or site's name with an ID next to it: "skype: jdoe.design",
// "WhatsApp +44 7700 900123", "IG: @lena", "Venmo @tom-h", "Cash App $tomh",
// "微信：lin_design88", "linked in slash in slash jdoe". The span covers the
// name and the ID. Names come from services.tsv and also match their leetspeak
// and look-alike spellings ("wh@tsapp", "d1sc0rd"). A name alone (talk about a
// tool) is never reported. A Discord tag ("gamerpro#1234") is reported alone.
class HandleRule final : public DetectionRule
{
public:
    explicit HandleRule(const std::vector<DetectionData::Service> &services);
    ~HandleRule() override;

    std::vector<std::string> triggers() const override;
    std::vector<TriggerWord> triggerWords() const override;
    void find(const NormalizedText &text, const std::vector<int> &fired,
              DetectedSpans &out) const override;

private:
    struct CompiledService
    {
        const DetectionData::Service *service = nullptr;
        std::unique_ptr<RE2> name; // anchored: which service a matched name belongs to
    };
    struct Id;

    const CompiledService *serviceOf(const std::string &name, bool &shortName) const;
    void findNamed(const NormalizedText &text, DetectedSpans &out) const;
    void findDiscordTags(const NormalizedText &text, DetectedSpans &out) const;
    bool readId(const std::string &working, std::size_t from, const CompiledService &service,
                bool shortName, Id &id) const;

    std::vector<DetectionData::Service> m_services;
    std::vector<CompiledService> m_compiled;
    std::string m_namesPattern;
    std::unique_ptr<RE2> m_names;
    std::unique_ptr<RE2::Set> m_serviceNames; // every service's names, in order, for serviceOf()
    RE2 m_separator;
    RE2 m_phone;
    RE2 m_handle;
    RE2 m_dottedHandle;
    RE2 m_cashtag;
    RE2 m_pathHandle;
    RE2 m_dotWord;
    RE2 m_laterHandle;
    RE2 m_discordTag;
};

} // namespace cg
