#pragma once
// Base32 of RFC 4648 (alphabet A-Z2-7), the form authenticator apps take a TOTP secret in.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace redress::crypto {

// Upper case, without "=" padding (as otpauth:// URIs want it).
std::string base32_encode(std::span<const std::uint8_t> bytes);

// Accepts upper or lower case, ignores spaces and trailing "=" padding. Nothing (rather
// than a guess) for any other character, an impossible length, or non-zero unused bits.
std::optional<std::vector<std::uint8_t>> base32_decode(std::string_view text);

}  // namespace redress::crypto
