#include "crypto/chain_hash.hpp"

#include <string>

#include "crypto/sha256.hpp"

namespace redress::crypto {

std::array<std::uint8_t, 32> chain_hash(const std::array<std::uint8_t, 32>& previous,
                                        std::string_view entry_text) {
    std::string covered(reinterpret_cast<const char*>(previous.data()), previous.size());
    covered += entry_text;
    return sha256(covered);
}

}  // namespace redress::crypto
