#include "crypto/base64url.hpp"

#include <sodium.h>

namespace redress::crypto {

namespace {
constexpr int k_variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
}

std::string base64url_encode(std::span<const std::uint8_t> bytes) {
    std::string text(sodium_base64_encoded_len(bytes.size(), k_variant), '\0');
    sodium_bin2base64(text.data(), text.size(), bytes.data(), bytes.size(), k_variant);
    text.resize(text.size() - 1);  // the terminating NUL
    return text;
}

std::optional<std::vector<std::uint8_t>> base64url_decode(std::string_view text) {
    std::vector<std::uint8_t> bytes(text.size() * 3 / 4 + 1);
    std::size_t length = 0;
    const char* end = nullptr;
    if (sodium_base642bin(bytes.data(), bytes.size(), text.data(), text.size(), nullptr, &length,
                          &end, k_variant) != 0 ||
        end != text.data() + text.size()) {
        return std::nullopt;
    }
    bytes.resize(length);
    return bytes;
}

}  // namespace redress::crypto
