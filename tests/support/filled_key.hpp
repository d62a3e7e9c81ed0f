#pragma once
// A key of one repeated byte: distinct, fixed keys for tests.

#include <cstdint>

#include "crypto/keys.hpp"

namespace redress::testing {

inline crypto::Key filled_key(std::uint8_t fill) {
    crypto::Key key{};
    key.fill(fill);
    return key;
}

}  // namespace redress::testing
