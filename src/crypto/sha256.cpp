#include "crypto/sha256.hpp"

#include <openssl/evp.h>

#include <stdexcept>

namespace redress::crypto {

std::array<std::uint8_t, 32> sha256(std::string_view data) {
    std::array<std::uint8_t, 32> digest{};
    unsigned int size = 0;
    // Fails only when libcrypto cannot allocate its context.
    if (EVP_Digest(data.data(), data.size(), digest.data(), &size, EVP_sha256(), nullptr) != 1 ||
        size != digest.size()) {
        throw std::runtime_error("SHA-256 failed");
    }
    return digest;
}

}  // namespace redress::crypto
