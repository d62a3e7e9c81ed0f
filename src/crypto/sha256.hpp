#pragma once
// SHA-256, by OpenSSL's libcrypto: it uses the processor's SHA instructions where there are
// any (four times libsodium's portable code on this project's machines), and every filing
// and evidence file is hashed.

#include <array>
#include <cstdint>
#include <string_view>

namespace redress::crypto {

std::array<std::uint8_t, 32> sha256(std::string_view data);

}  // namespace redress::crypto
