#include "crypto/recovery_codes.hpp"

#include <array>
#include <cstdint>

#include "crypto/random.hpp"

namespace redress::crypto {

namespace {

constexpr std::string_view k_alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
static_assert(k_alphabet.size() == 32);
constexpr std::size_t k_group = 5;  // shown as two groups of five

// The canonical symbol of a typed character, or '\0' when it is none.
char canonical_symbol(char c) {
    if (c >= 'a' && c <= 'z') {
        c = static_cast<char>(c - 'a' + 'A');
    }
    switch (c) {
        case 'O':
            return '0';
        case 'I':
        case 'L':
            return '1';
        default:
            return k_alphabet.find(c) == std::string_view::npos ? '\0' : c;
    }
}

}  // namespace

RecoveryCodes make_recovery_codes(const Key& key) {
    RecoveryCodes codes;
    codes.shown.reserve(k_recovery_code_count);
    codes.stored.reserve(k_recovery_code_count);
    for (std::size_t n = 0; n < k_recovery_code_count; ++n) {
        std::array<std::uint8_t, k_recovery_code_length> random{};
        fill_random(random);
        std::string canonical;
        for (const std::uint8_t byte : random) {
            // 256 is a multiple of 32: the low five bits of a random byte are uniform.
            canonical += k_alphabet[byte & 0x1FU];
        }
        codes.stored.push_back(recovery_code_hash(key, canonical));
        codes.shown.push_back(canonical.substr(0, k_group) + "-" + canonical.substr(k_group));
    }
    return codes;
}

std::optional<std::string> normalise_recovery_code(std::string_view typed) {
    std::string canonical;
    for (const char c : typed) {
        if (c == ' ' || c == '-') {
            continue;
        }
        const char symbol = canonical_symbol(c);
        if (symbol == '\0' || canonical.size() == k_recovery_code_length) {
            return std::nullopt;
        }
        canonical += symbol;
    }
    if (canonical.size() != k_recovery_code_length) {
        return std::nullopt;
    }
    return canonical;
}

Digest recovery_code_hash(const Key& key, std::string_view canonical_code) {
    return keyed_hash(key, canonical_code);
}

std::optional<std::size_t> match_recovery_code(const Key& key, std::string_view typed,
                                               std::span<const Digest> stored) {
    const auto canonical = normalise_recovery_code(typed);
    if (!canonical) {
        return std::nullopt;
    }
    const Digest digest = recovery_code_hash(key, *canonical);
    std::optional<std::size_t> matched;
    for (std::size_t i = 0; i < stored.size(); ++i) {
        if (digests_equal(digest, stored[i]) && !matched) {
            matched = i;
        }
    }
    return matched;
}

}  // namespace redress::crypto
