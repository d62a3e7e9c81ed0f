#pragma once
// Files sealed at rest (evidence): XChaCha20-Poly1305 in libsodium's secretstream, in
// chunks of 64 KiB, so that a file of any size is sealed and opened without a second copy
// of it in memory, and a chunk cut, dropped, reordered or altered is noticed.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "crypto/keys.hpp"
#include "util/error.hpp"

namespace redress::crypto {

// Writes `plaintext` sealed to the file open for writing at `fd` (from its current
// position). Fails (unavailable) when a write fails.
util::Expected<void> seal_to_file(const Key& key, std::string_view plaintext, int fd);

// The plaintext of the sealed file open at `fd`. Fails (invalid_input) when it was altered,
// cut short or sealed with another key, or is larger than `max_bytes` once opened;
// (unavailable) when it cannot be read.
util::Expected<std::string> open_sealed_file(const Key& key, int fd, std::uint64_t max_bytes);

// How many bytes a plaintext of `size` bytes takes sealed.
std::uint64_t sealed_size(std::uint64_t size);

}  // namespace redress::crypto
