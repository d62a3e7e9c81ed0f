#pragma once
// Authenticated encryption of small records (XSalsa20-Poly1305, random nonce prepended).

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "crypto/keys.hpp"
#include "util/error.hpp"

namespace redress::crypto {

std::vector<std::uint8_t> seal(const Key& key, std::string_view plaintext);

// Fails (invalid_input) when the box was altered or sealed with another key.
util::Expected<std::string> open(const Key& key, std::span<const std::uint8_t> sealed);

}  // namespace redress::crypto
