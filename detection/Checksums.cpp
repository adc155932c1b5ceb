#include "Checksums.h"

#include <QByteArray>
#include <QCryptographicHash>

#include <algorithm>
#include <cstdint>
#include <vector>

namespace cg::checksums {

bool isValidIban(const std::string &iban)
{
    if (iban.size() < 15 || iban.size() > 34)
        return false;
    // Move the first four characters to the end, letters become 10..35, mod 97 == 1.
    const std::string rearranged = iban.substr(4) + iban.substr(0, 4);
    int remainder = 0;
    for (char c : rearranged) {
        int value = 0;
        if (c >= '0' && c <= '9')
            value = c - '0';
        else if (c >= 'A' && c <= 'Z')
            value = c - 'A' + 10;
        else
            return false;
        remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
    }
    return remainder == 1;
}

bool isValidBase58Check(const std::string &address, unsigned char version)
{
    static const std::string kAlphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    std::vector<unsigned char> bytes; // big-endian number
    for (char c : address) {
        const std::size_t digit = kAlphabet.find(c);
        if (digit == std::string::npos)
            return false;
        int carry = int(digit);
        for (auto it = bytes.rbegin(); it != bytes.rend(); ++it) {
            carry += 58 * (*it);
            *it = static_cast<unsigned char>(carry & 0xFF);
            carry >>= 8;
        }
        while (carry > 0) {
            bytes.insert(bytes.begin(), static_cast<unsigned char>(carry & 0xFF));
            carry >>= 8;
        }
    }
    const std::size_t zeros = std::size_t(std::find_if(address.begin(), address.end(), [](char c) { return c != '1'; })
                                          - address.begin());
    bytes.insert(bytes.begin(), zeros, 0);
    if (bytes.size() != 25 || bytes.front() != version)
        return false;
    const QByteArray payload(reinterpret_cast<const char *>(bytes.data()), 21);
    const QByteArray hash = QCryptographicHash::hash(QCryptographicHash::hash(payload, QCryptographicHash::Sha256),
                                                     QCryptographicHash::Sha256);
    return std::equal(bytes.begin() + 21, bytes.end(), reinterpret_cast<const unsigned char *>(hash.constData()));
}

namespace {

std::uint32_t bech32Polymod(const std::vector<int> &values)
{
    static const std::uint32_t kGenerator[] = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
    std::uint32_t checksum = 1;
    for (int value : values) {
        const std::uint32_t top = checksum >> 25;
        checksum = ((checksum & 0x1ffffff) << 5) ^ std::uint32_t(value);
        for (int i = 0; i < 5; ++i) {
            if ((top >> i) & 1)
                checksum ^= kGenerator[i];
        }
    }
    return checksum;
}

} // namespace

bool isValidBech32(const std::string &address, const std::string &hrp)
{
    static const std::string kCharset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    std::string lowerAddress = address;
    std::transform(lowerAddress.begin(), lowerAddress.end(), lowerAddress.begin(),
                   [](char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; });
    if (lowerAddress.compare(0, hrp.size() + 1, hrp + "1") != 0 || lowerAddress.size() < hrp.size() + 8
        || lowerAddress.size() > 90)
        return false;
    std::vector<int> values;
    for (char c : hrp)
        values.push_back(c >> 5);
    values.push_back(0);
    for (char c : hrp)
        values.push_back(c & 31);
    for (std::size_t i = hrp.size() + 1; i < lowerAddress.size(); ++i) {
        const std::size_t value = kCharset.find(lowerAddress[i]);
        if (value == std::string::npos)
            return false;
        values.push_back(int(value));
    }
    const std::uint32_t polymod = bech32Polymod(values);
    return polymod == 1 || polymod == 0x2bc830a3; // Bech32 or Bech32m
}

bool isValidEthereumAddress(const std::string &address)
{
    if (address.size() != 42 || address.compare(0, 2, "0x") != 0)
        return false;
    const std::string hex = address.substr(2);
    bool lower = false;
    bool upper = false;
    for (char c : hex) {
        if (c >= 'a' && c <= 'f')
            lower = true;
        else if (c >= 'A' && c <= 'F')
            upper = true;
        else if (!(c >= '0' && c <= '9'))
            return false;
    }
    if (!(lower && upper))
        return true;
    std::string lowerHex = hex;
    std::transform(lowerHex.begin(), lowerHex.end(), lowerHex.begin(),
                   [](char c) { return (c >= 'A' && c <= 'F') ? char(c - 'A' + 'a') : c; });
    const QByteArray hash = QCryptographicHash::hash(QByteArray::fromStdString(lowerHex),
                                                     QCryptographicHash::Keccak_256)
                                .toHex();
    for (std::size_t i = 0; i < hex.size(); ++i) {
        const char c = hex[i];
        if (!((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
            continue;
        const bool shouldBeUpper = QByteArray(1, hash.at(qsizetype(i))).toInt(nullptr, 16) >= 8;
        if (shouldBeUpper != (c >= 'A' && c <= 'F'))
            return false;
    }
    return true;
}

bool isValidCpf(const std::string &digits)
{
    if (digits.size() != 11 || std::all_of(digits.begin(), digits.end(), [&](char c) { return c == digits[0]; }))
        return false;
    for (int check = 9; check <= 10; ++check) {
        int sum = 0;
        for (int i = 0; i < check; ++i)
            sum += (digits[std::size_t(i)] - '0') * (check + 1 - i);
        const int digit = (sum * 10) % 11 % 10;
        if (digit != digits[std::size_t(check)] - '0')
            return false;
    }
    return true;
}

bool isValidCnpj(const std::string &digits)
{
    if (digits.size() != 14 || std::all_of(digits.begin(), digits.end(), [&](char c) { return c == digits[0]; }))
        return false;
    static const int kWeights[] = {6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};
    for (int check = 12; check <= 13; ++check) {
        int sum = 0;
        for (int i = 0; i < check; ++i)
            sum += (digits[std::size_t(i)] - '0') * kWeights[i + 13 - check];
        const int remainder = sum % 11;
        const int digit = remainder < 2 ? 0 : 11 - remainder;
        if (digit != digits[std::size_t(check)] - '0')
            return false;
    }
    return true;
}

} // namespace cg::checksums
