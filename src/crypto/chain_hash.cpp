#include "crypto/chain_hash.hpp"

#include <sodium.h>

namespace redress::crypto {

std::array<std::uint8_t, 32> chain_hash(const std::array<std::uint8_t, 32>& previous,
                                        std::string_view entry_text) {
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    crypto_hash_sha256_update(&state, previous.data(), previous.size());
    crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(entry_text.data()),
                              entry_text.size());
    std::array<std::uint8_t, 32> hash{};
    crypto_hash_sha256_final(&state, hash.data());
    return hash;
}

}  // namespace redress::crypto
