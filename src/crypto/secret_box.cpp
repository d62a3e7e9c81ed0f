#include "crypto/secret_box.hpp"

#include <sodium.h>

namespace redress::crypto {

static_assert(sizeof(Key) == crypto_secretbox_KEYBYTES);

std::vector<std::uint8_t> seal(const Key& key, std::string_view plaintext) {
    std::vector<std::uint8_t> sealed(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES +
                                     plaintext.size());
    randombytes_buf(sealed.data(), crypto_secretbox_NONCEBYTES);
    crypto_secretbox_easy(sealed.data() + crypto_secretbox_NONCEBYTES,
                          reinterpret_cast<const unsigned char*>(plaintext.data()),
                          plaintext.size(), sealed.data(), key.data());
    return sealed;
}

util::Expected<std::string> open(const Key& key, std::span<const std::uint8_t> sealed) {
    constexpr auto overhead = crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES;
    if (sealed.size() < overhead) {
        return util::fail(util::ErrorCode::invalid_input, "sealed record too short");
    }
    std::string plaintext(sealed.size() - overhead, '\0');
    if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plaintext.data()),
                                   sealed.data() + crypto_secretbox_NONCEBYTES,
                                   sealed.size() - crypto_secretbox_NONCEBYTES, sealed.data(),
                                   key.data()) != 0) {
        return util::fail(util::ErrorCode::invalid_input,
                          "sealed record altered or sealed with another key");
    }
    return plaintext;
}

}  // namespace redress::crypto
