#include "crypto/keyed_hash.hpp"

#include <sodium.h>

namespace redress::crypto {

Digest keyed_hash(const Key& key, std::string_view data) {
    Digest digest{};
    crypto_generichash(digest.data(), digest.size(),
                       reinterpret_cast<const unsigned char*>(data.data()), data.size(), key.data(),
                       key.size());
    return digest;
}

ShortDigest short_keyed_hash(const Key& key, std::string_view data) {
    ShortDigest digest{};
    crypto_generichash(digest.data(), digest.size(),
                       reinterpret_cast<const unsigned char*>(data.data()), data.size(), key.data(),
                       key.size());
    return digest;
}

bool digests_equal(const Digest& a, const Digest& b) {
    return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace redress::crypto
