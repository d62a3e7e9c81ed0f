#include "crypto/totp.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <stdexcept>

#include "crypto/base32.hpp"
#include "crypto/random.hpp"

namespace redress::crypto {

namespace {

std::string percent_encode(std::string_view text) {
    static constexpr std::string_view k_hex = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                                (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
                                c == '~';
        if (unreserved) {
            out += c;
        } else {
            out += '%';
            out += k_hex[byte >> 4U];
            out += k_hex[byte & 0x0FU];
        }
    }
    return out;
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    const std::int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

// RFC 4226 section 5.3: HMAC-SHA1 of the counter, dynamically truncated to 31 bits.
std::uint32_t hotp_value(const TotpSecret& secret, std::int64_t step) {
    std::array<unsigned char, 8> counter{};
    auto value = static_cast<std::uint64_t>(step);
    for (std::size_t i = counter.size(); i-- > 0;) {
        counter[i] = static_cast<unsigned char>(value & 0xFFU);
        value >>= 8U;
    }
    std::array<unsigned char, EVP_MAX_MD_SIZE> mac{};
    unsigned int mac_size = 0;
    if (HMAC(EVP_sha1(), secret.bytes.data(), static_cast<int>(secret.bytes.size()), counter.data(),
             counter.size(), mac.data(), &mac_size) == nullptr ||
        mac_size != 20) {
        throw std::runtime_error("HMAC-SHA1 failed in libcrypto");
    }
    const unsigned offset = mac[19] & 0x0FU;
    return ((static_cast<std::uint32_t>(mac[offset]) & 0x7FU) << 24U) |
           (static_cast<std::uint32_t>(mac[offset + 1]) << 16U) |
           (static_cast<std::uint32_t>(mac[offset + 2]) << 8U) |
           static_cast<std::uint32_t>(mac[offset + 3]);
}

}  // namespace

TotpSecret TotpSecret::generate() {
    TotpSecret secret;
    fill_random(secret.bytes);
    return secret;
}

std::optional<TotpSecret> TotpSecret::from_base32(std::string_view text) {
    const auto bytes = base32_decode(text);
    TotpSecret secret;
    if (!bytes || bytes->size() != secret.bytes.size()) {
        return std::nullopt;
    }
    std::ranges::copy(*bytes, secret.bytes.begin());
    return secret;
}

std::string TotpSecret::base32() const {
    return base32_encode(bytes);
}

std::string provisioning_uri(std::string_view issuer, std::string_view account,
                             const TotpSecret& secret) {
    const std::string encoded_issuer = percent_encode(issuer);
    return "otpauth://totp/" + encoded_issuer + ":" + percent_encode(account) +
           "?secret=" + secret.base32() + "&issuer=" + encoded_issuer +
           "&algorithm=SHA1&digits=" + std::to_string(k_totp_digits) +
           "&period=" + std::to_string(k_totp_period_seconds);
}

std::int64_t totp_step(std::chrono::sys_seconds time) {
    return floor_div(static_cast<std::int64_t>(time.time_since_epoch().count()),
                     k_totp_period_seconds);
}

std::string totp_code(const TotpSecret& secret, std::int64_t step, unsigned digits) {
    if (digits < 1 || digits > 9) {
        throw std::invalid_argument("a TOTP code has 1 to 9 digits");
    }
    std::uint32_t modulus = 1;
    for (unsigned i = 0; i < digits; ++i) {
        modulus *= 10;
    }
    std::uint32_t value = hotp_value(secret, step) % modulus;
    std::string code(digits, '0');
    for (std::size_t i = digits; i-- > 0;) {
        code[i] = static_cast<char>('0' + value % 10);
        value /= 10;
    }
    return code;
}

std::optional<std::int64_t> accept_totp(const TotpSecret& secret, std::string_view code,
                                        std::chrono::sys_seconds now,
                                        std::optional<std::int64_t> last_used_step,
                                        unsigned window) {
    if (window > k_totp_max_window) {
        throw std::invalid_argument("TOTP window too wide");
    }
    std::string typed;
    for (const char c : code) {
        if (c == ' ') {
            continue;
        }
        if (c < '0' || c > '9' || typed.size() == k_totp_digits) {
            return std::nullopt;
        }
        typed += c;
    }
    if (typed.size() != k_totp_digits) {
        return std::nullopt;
    }
    const std::int64_t current = totp_step(now);
    const auto width = static_cast<std::int64_t>(window);
    std::optional<std::int64_t> matched;
    for (std::int64_t step = current - width; step <= current + width; ++step) {
        const std::string expected = totp_code(secret, step);
        const bool equal = CRYPTO_memcmp(expected.data(), typed.data(), k_totp_digits) == 0;
        const bool unused = !last_used_step || step > *last_used_step;
        // The latest matching step wins: a code that happens to repeat within the window
        // then moves the last used step as far as it can.
        if (equal && unused) {
            matched = step;
        }
    }
    return matched;
}

}  // namespace redress::crypto
