#pragma once
// Ed25519 signatures (libsodium) over text, for proofs of filing, and the SHA-256 digests
// they cover. Signatures and keys travel as base64 (RFC 4648, padded), key ids as hex.

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "crypto/keys.hpp"

namespace redress::crypto {

using PublicKey = std::array<std::uint8_t, 32>;

// A detached signature of `message`, in base64.
std::string sign(const SigningKey& key, std::string_view message);

// Whether `signature` (base64) is `public_key`'s signature of `message`. A malformed
// signature is simply not valid.
bool verify(const PublicKey& public_key, std::string_view message, std::string_view signature);

// Names a public key: its BLAKE2b hash with an 8-byte output, as 16 lower-case hex digits.
std::string signing_key_id(const PublicKey& public_key);

std::string to_base64(std::span<const std::uint8_t> bytes);
// nullopt unless `text` is base64 of exactly 32 bytes.
std::optional<PublicKey> public_key_from_base64(std::string_view text);

// "sha256:" and the 64 lower-case hex digits of SHA-256 of `data`.
std::string sha256_digest(std::string_view data);

}  // namespace redress::crypto
