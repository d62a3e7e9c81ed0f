#include "web/form_token.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "crypto/keyed_hash.hpp"
#include "crypto/random.hpp"

namespace redress::web {

namespace {

constexpr std::size_t k_time_bytes = 8;
constexpr std::size_t k_random_bytes = 16;
constexpr std::size_t k_signed_bytes = k_time_bytes + k_random_bytes;
constexpr std::size_t k_mac_bytes = 16;
constexpr std::size_t k_token_bytes = k_signed_bytes + k_mac_bytes;
constexpr std::chrono::seconds k_allowed_skew{60};

constexpr std::string_view k_alphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::string base64url_encode(std::span<const std::uint8_t> bytes) {
    std::string out;
    out.reserve((bytes.size() * 4 + 2) / 3);
    std::size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const std::uint32_t group =
            (std::uint32_t{bytes[i]} << 16) | (std::uint32_t{bytes[i + 1]} << 8) | bytes[i + 2];
        out += k_alphabet[(group >> 18) & 63];
        out += k_alphabet[(group >> 12) & 63];
        out += k_alphabet[(group >> 6) & 63];
        out += k_alphabet[group & 63];
    }
    const std::size_t rest = bytes.size() - i;
    if (rest > 0) {
        std::uint32_t group = std::uint32_t{bytes[i]} << 16;
        if (rest == 2) group |= std::uint32_t{bytes[i + 1]} << 8;
        out += k_alphabet[(group >> 18) & 63];
        out += k_alphabet[(group >> 12) & 63];
        if (rest == 2) out += k_alphabet[(group >> 6) & 63];
    }
    return out;
}

int symbol_value(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '-') return 62;
    if (c == '_') return 63;
    return -1;
}

// Unpadded base64url only; nullopt on anything else (padding, other alphabets, bad length).
std::optional<std::vector<std::uint8_t>> base64url_decode(std::string_view text) {
    if (text.size() % 4 == 1) return std::nullopt;
    std::vector<std::uint8_t> out;
    out.reserve(text.size() * 3 / 4);
    std::uint32_t buffer = 0;
    int bits = 0;
    for (const char c : text) {
        const int value = symbol_value(c);
        if (value < 0) return std::nullopt;
        buffer = (buffer << 6) | static_cast<std::uint32_t>(value);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<std::uint8_t>((buffer >> bits) & 0xFF));
        }
    }
    // Leftover bits must be zero, so that each token has exactly one spelling.
    if ((buffer & ((1u << bits) - 1)) != 0) return std::nullopt;
    return out;
}

std::array<std::uint8_t, k_mac_bytes> mac_of(const crypto::Key& key,
                                             std::span<const std::uint8_t> signed_bytes) {
    const crypto::Digest digest = crypto::keyed_hash(
        key,
        std::string_view(reinterpret_cast<const char*>(signed_bytes.data()), signed_bytes.size()));
    std::array<std::uint8_t, k_mac_bytes> mac{};
    std::copy_n(digest.begin(), k_mac_bytes, mac.begin());
    return mac;
}

bool equal_in_constant_time(std::span<const std::uint8_t> a, std::span<const std::uint8_t> b) {
    if (a.size() != b.size()) return false;
    std::uint8_t difference = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        difference = static_cast<std::uint8_t>(difference | (a[i] ^ b[i]));
    }
    return difference == 0;
}

}  // namespace

FormTokens::FormTokens(const crypto::Key& key, std::chrono::seconds lifetime)
    : m_key(key), m_lifetime(lifetime) {}

std::string FormTokens::issue(domain::Timestamp now) const {
    std::array<std::uint8_t, k_token_bytes> token{};
    const auto seconds = static_cast<std::uint64_t>(now.time_since_epoch().count());
    for (std::size_t i = 0; i < k_time_bytes; ++i) {
        token[i] = static_cast<std::uint8_t>(seconds >> (8 * (k_time_bytes - 1 - i)));
    }
    crypto::fill_random(std::span(token).subspan(k_time_bytes, k_random_bytes));
    const auto mac = mac_of(m_key, std::span(token).first(k_signed_bytes));
    std::copy(mac.begin(), mac.end(), token.begin() + k_signed_bytes);
    return base64url_encode(token);
}

TokenCheck FormTokens::check(std::string_view token, domain::Timestamp now) const {
    if (token.size() > 2 * k_token_bytes) return TokenCheck::malformed;
    const auto bytes = base64url_decode(token);
    if (!bytes || bytes->size() != k_token_bytes) return TokenCheck::malformed;

    const std::span<const std::uint8_t> all(*bytes);
    const auto expected = mac_of(m_key, all.first(k_signed_bytes));
    if (!equal_in_constant_time(expected, all.subspan(k_signed_bytes))) return TokenCheck::forged;

    std::uint64_t seconds = 0;
    for (std::size_t i = 0; i < k_time_bytes; ++i) seconds = (seconds << 8) | all[i];
    const auto issued = domain::Timestamp(std::chrono::seconds(static_cast<std::int64_t>(seconds)));
    if (issued > now + k_allowed_skew) return TokenCheck::expired;
    if (now - issued > m_lifetime) return TokenCheck::expired;
    return TokenCheck::valid;
}

}  // namespace redress::web
