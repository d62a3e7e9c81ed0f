#include "crypto/random.hpp"

#include <sodium.h>

namespace redress::crypto {

void fill_random(std::span<std::uint8_t> out) {
    randombytes_buf(out.data(), out.size());
}

}  // namespace redress::crypto
