#include "crypto/file_sealing.hpp"

#include <sodium.h>
#include <unistd.h>

#include <cerrno>
#include <vector>

namespace redress::crypto {

namespace {

constexpr std::size_t k_chunk = 64 * 1024;
constexpr std::size_t k_header = crypto_secretstream_xchacha20poly1305_HEADERBYTES;
constexpr std::size_t k_overhead = crypto_secretstream_xchacha20poly1305_ABYTES;

bool write_all(int fd, const unsigned char* data, std::size_t size) {
    while (size > 0) {
        const ssize_t written = ::write(fd, data, size);
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) return false;
        data += written;
        size -= static_cast<std::size_t>(written);
    }
    return true;
}

// Reads up to `size` bytes; fewer only at the end of the file. -1 on an error.
ssize_t read_full(int fd, unsigned char* data, std::size_t size) {
    std::size_t got = 0;
    while (got < size) {
        const ssize_t n = ::read(fd, data + got, size - got);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return -1;
        if (n == 0) break;
        got += static_cast<std::size_t>(n);
    }
    return static_cast<ssize_t>(got);
}

util::Error altered() {
    return {util::ErrorCode::invalid_input, "sealed file altered, cut short or of another key"};
}

}  // namespace

util::Expected<void> seal_to_file(const Key& key, std::string_view plaintext, int fd) {
    crypto_secretstream_xchacha20poly1305_state state;
    std::array<unsigned char, k_header> header{};
    crypto_secretstream_xchacha20poly1305_init_push(&state, header.data(), key.data());
    if (!write_all(fd, header.data(), header.size())) {
        return util::fail(util::ErrorCode::unavailable, "cannot write a sealed file");
    }
    std::vector<unsigned char> sealed(k_chunk + k_overhead);
    std::size_t at = 0;
    do {  // an empty file is one final, empty chunk
        const std::size_t size = std::min(k_chunk, plaintext.size() - at);
        const bool last = at + size == plaintext.size();
        unsigned long long sealed_length = 0;
        crypto_secretstream_xchacha20poly1305_push(
            &state, sealed.data(), &sealed_length,
            reinterpret_cast<const unsigned char*>(plaintext.data() + at), size, nullptr, 0,
            last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : 0);
        if (!write_all(fd, sealed.data(), static_cast<std::size_t>(sealed_length))) {
            return util::fail(util::ErrorCode::unavailable, "cannot write a sealed file");
        }
        at += size;
    } while (at < plaintext.size());
    sodium_memzero(&state, sizeof state);
    return {};
}

util::Expected<std::string> open_sealed_file(const Key& key, int fd, std::uint64_t max_bytes) {
    std::array<unsigned char, k_header> header{};
    if (read_full(fd, header.data(), header.size()) != static_cast<ssize_t>(header.size())) {
        return std::unexpected(altered());
    }
    crypto_secretstream_xchacha20poly1305_state state;
    if (crypto_secretstream_xchacha20poly1305_init_pull(&state, header.data(), key.data()) != 0) {
        return std::unexpected(altered());
    }
    std::string plaintext;
    std::vector<unsigned char> sealed(k_chunk + k_overhead);
    for (;;) {
        const ssize_t got = read_full(fd, sealed.data(), sealed.size());
        if (got < 0) return util::fail(util::ErrorCode::unavailable, "cannot read a sealed file");
        if (static_cast<std::size_t>(got) < k_overhead) return std::unexpected(altered());
        const std::size_t size = static_cast<std::size_t>(got) - k_overhead;
        if (plaintext.size() + size > max_bytes) {
            return util::fail(util::ErrorCode::invalid_input, "sealed file larger than allowed");
        }
        const std::size_t at = plaintext.size();
        plaintext.resize(at + size);
        unsigned long long length = 0;
        unsigned char tag = 0;
        if (crypto_secretstream_xchacha20poly1305_pull(
                &state, reinterpret_cast<unsigned char*>(plaintext.data() + at), &length, &tag,
                sealed.data(), static_cast<unsigned long long>(got), nullptr, 0) != 0) {
            return std::unexpected(altered());
        }
        if (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL) {
            // Nothing may follow the final chunk.
            unsigned char extra = 0;
            if (read_full(fd, &extra, 1) != 0) return std::unexpected(altered());
            return plaintext;
        }
        if (static_cast<std::size_t>(got) < sealed.size()) return std::unexpected(altered());
    }
}

std::uint64_t sealed_size(std::uint64_t size) {
    const std::uint64_t chunks = size == 0 ? 1 : (size + k_chunk - 1) / k_chunk;
    return k_header + size + chunks * k_overhead;
}

}  // namespace redress::crypto
