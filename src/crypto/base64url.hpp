#pragma once
// Unpadded base64url (RFC 4648 §5): tokens that travel in cookies, form fields and URLs.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace redress::crypto {

std::string base64url_encode(std::span<const std::uint8_t> bytes);

// Nothing for anything but unpadded base64url (padding, '+' or '/', a bad length).
std::optional<std::vector<std::uint8_t>> base64url_decode(std::string_view text);

}  // namespace redress::crypto
