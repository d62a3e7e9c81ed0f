#pragma once
// The hash that links one audit entry to the one before it: SHA-256 of the previous
// entry's hash followed by the entry's text.

#include <array>
#include <cstdint>
#include <string_view>

namespace redress::crypto {

std::array<std::uint8_t, 32> chain_hash(const std::array<std::uint8_t, 32>& previous,
                                        std::string_view entry_text);

}  // namespace redress::crypto
