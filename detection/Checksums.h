#pragma once

#include <string>

namespace cg::checksums {

// Check digits of identifiers the payment rule reports, so random letter and
// digit strings are not taken for account numbers or wallet addresses.

// IBAN (ISO 13616): country, two check digits, BBAN; `iban` without spaces.
bool isValidIban(const std::string &iban);
// Base58Check (Bitcoin P2PKH/P2SH "1..."/"3...", TRON "T..."): the first byte of
// the decoded payload must be `version`.
bool isValidBase58Check(const std::string &address, unsigned char version);
// Bech32 / Bech32m segwit address with human-readable part `hrp` ("bc").
bool isValidBech32(const std::string &address, const std::string &hrp);
// Ethereum "0x" + 40 hex digits: all one case, or mixed case per EIP-55.
bool isValidEthereumAddress(const std::string &address);
// Brazilian CPF (11 digits) or CNPJ (14 digits) check digits; digits only.
bool isValidCpf(const std::string &digits);
bool isValidCnpj(const std::string &digits);

} // namespace cg::checksums
