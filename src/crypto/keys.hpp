#pragma once
// The deployment's secret keys, kept in a key file outside the database. One master key
// is stored; each purpose gets its own subkey derived from it (libsodium's KDF), so a
// subkey that leaks reveals nothing of the others.

#include <array>
#include <cstdint>
#include <filesystem>

#include "util/error.hpp"

namespace redress::crypto {

using Key = std::array<std::uint8_t, 32>;

struct Keys {
    Key identity;      // seals complainant identity and contact details at rest
    Key receipt_hash;  // keys the hash of receipts
    Key form_token;    // signs anti-forgery tokens in forms
};

// Reads the key file, or creates it (mode 0600, fsynced) when absent. Fails when the file
// is malformed or readable by group or others.
util::Expected<Keys> load_or_create_keys(const std::filesystem::path& key_file);

// Initialises libsodium; call once before any other function here. Throws on failure.
void init();

}  // namespace redress::crypto
