#include "crypto/signature.hpp"

#include <sodium.h>

#include <vector>

#include "crypto/sha256.hpp"

namespace redress::crypto {
namespace {

constexpr int k_variant = sodium_base64_VARIANT_ORIGINAL;

std::optional<std::vector<std::uint8_t>> from_base64(std::string_view text, std::size_t max) {
    std::vector<std::uint8_t> bytes(max);
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

std::string to_hex(std::span<const std::uint8_t> bytes) {
    std::string hex(bytes.size() * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
    hex.pop_back();
    return hex;
}

}  // namespace

std::string to_base64(std::span<const std::uint8_t> bytes) {
    std::string text(sodium_base64_ENCODED_LEN(bytes.size(), k_variant), '\0');
    sodium_bin2base64(text.data(), text.size(), bytes.data(), bytes.size(), k_variant);
    text.pop_back();  // the terminating NUL
    return text;
}

std::string sign(const SigningKey& key, std::string_view message) {
    std::array<std::uint8_t, crypto_sign_BYTES> signature{};
    crypto_sign_detached(signature.data(), nullptr,
                         reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                         key.secret_key.data());
    return to_base64(signature);
}

bool verify(const PublicKey& public_key, std::string_view message, std::string_view signature) {
    const auto bytes = from_base64(signature, crypto_sign_BYTES + 3);
    if (!bytes || bytes->size() != crypto_sign_BYTES) return false;
    return crypto_sign_verify_detached(bytes->data(),
                                       reinterpret_cast<const unsigned char*>(message.data()),
                                       message.size(), public_key.data()) == 0;
}

std::string signing_key_id(const PublicKey& public_key) {
    std::array<std::uint8_t, 8> hash{};
    crypto_generichash(hash.data(), hash.size(), public_key.data(), public_key.size(), nullptr, 0);
    return to_hex(hash);
}

std::optional<PublicKey> public_key_from_base64(std::string_view text) {
    const auto bytes = from_base64(text, 35);
    if (!bytes || bytes->size() != 32) return std::nullopt;
    PublicKey key{};
    std::copy(bytes->begin(), bytes->end(), key.begin());
    return key;
}

std::string sha256_digest(std::string_view data) {
    return "sha256:" + to_hex(sha256(data));
}

}  // namespace redress::crypto
