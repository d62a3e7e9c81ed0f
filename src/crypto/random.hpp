#pragma once
// Randomness from the operating system's secure source.

#include <cstdint>
#include <span>

namespace redress::crypto {

void fill_random(std::span<std::uint8_t> out);

}  // namespace redress::crypto
