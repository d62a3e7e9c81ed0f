#pragma once
// Secure randomness: libsodium's generator, seeded from the operating system (crypto::init).

#include <cstdint>
#include <span>

namespace redress::crypto {

void fill_random(std::span<std::uint8_t> out);

}  // namespace redress::crypto
