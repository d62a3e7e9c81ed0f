#pragma once
// A keyed hash (BLAKE2b-256): without the key, a stored hash cannot be tested against
// guesses. Comparison in constant time.

#include <array>
#include <cstdint>
#include <string_view>

#include "crypto/keys.hpp"

namespace redress::crypto {

using Digest = std::array<std::uint8_t, 32>;

Digest keyed_hash(const Key& key, std::string_view data);
// The same hash, 16 bytes long: for marks kept per item, where 128 bits are plenty.
using ShortDigest = std::array<std::uint8_t, 16>;
ShortDigest short_keyed_hash(const Key& key, std::string_view data);
bool digests_equal(const Digest& a, const Digest& b);  // constant time

}  // namespace redress::crypto
