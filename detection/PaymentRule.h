#pragma once

#include "DetectionRule.h"

#include <re2/re2.h>

#include <string>
#include <vector>

namespace cg {

// Payment identifiers that are not links or app handles: IBANs (mod-97 check),
// Bitcoin (Base58Check and Bech32), Ethereum (EIP-55) and TRON addresses, Cash App
// $cashtags near the app's name (never "$AAPL" tickers, "$500" or shell "$VARS"),
// Brazilian Pix keys (CPF, CNPJ, random key) after the word "Pix", and bank
// account numbers after an account cue. Check digits keep random strings out.
class PaymentRule final : public DetectionRule
{
public:
    PaymentRule();

    std::vector<std::string> triggers() const override;
    std::vector<TriggerWord> triggerWords() const override;
    void find(const NormalizedText &text, const std::vector<int> &fired,
              DetectedSpans &out) const override;

private:
    void findIbans(const NormalizedText &text, DetectedSpans &out) const;
    void findCrypto(const NormalizedText &text, DetectedSpans &out) const;
    void findCashtags(const NormalizedText &text, DetectedSpans &out) const;
    void findPix(const NormalizedText &text, DetectedSpans &out) const;
    void findBankAccounts(const NormalizedText &text, DetectedSpans &out) const;

    RE2 m_iban;
    RE2 m_base58;
    RE2 m_bech32;
    RE2 m_ethereum;
    RE2 m_cashtag;
    RE2 m_cashAppCue;
    RE2 m_pixKey;
    RE2 m_bankAccount;
};

} // namespace cg
