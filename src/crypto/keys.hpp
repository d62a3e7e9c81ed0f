#pragma once
// The deployment's secret keys, kept in a key file outside the database. One master key
// is stored; each purpose gets its own subkey derived from it (libsodium's KDF), so a
// subkey that leaks reveals nothing of the others.
//
// A key file is never made for data that already exists: callers ask whether the file
// exists, read it, and create one only for a deployment that holds nothing yet (the
// database keeps the key's check value, so that a wrong or missing key is noticed).

#include <array>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "util/error.hpp"

namespace redress::crypto {

using Key = std::array<std::uint8_t, 32>;
using MasterKey = std::array<std::uint8_t, 32>;
// Names a master key without revealing it: a keyed hash of a fixed text under a subkey.
using KeyCheck = std::array<std::uint8_t, 32>;

// One generation of the deployment's signing key (Ed25519). Generations are derived from
// the master key, so rotating to a new one keeps every earlier public key known and
// every earlier confirmation verifiable.
struct SigningKey {
    unsigned generation = 0;
    std::array<std::uint8_t, 32> public_key{};
    std::array<std::uint8_t, 64> secret_key{};
};

struct Keys {
    Key identity;      // seals complainant identity and contact details at rest
    Key receipt_hash;  // keys the hash of receipts
    Key form_token;    // signs anti-forgery tokens in forms
    Key content;       // seals the account of what happened: narrative, places, subjects
    // The staff side's sign-in (staff/sign_in.hpp, staff/sessions.hpp): each its own key.
    Key staff_session;    // keys the hash of session tokens, the only form stored
    Key staff_form;       // anti-forgery tokens of staff forms, bound to the session
    Key staff_sign_in;    // signs the short-lived cookie between password and second factor
    Key staff_enrolment;  // seals a new TOTP secret in the enrolment form until confirmed
    Key totp_secret;      // seals TOTP secrets at rest
    Key recovery_code;    // keys the hash of recovery codes
    Key name_mark;        // marks subjects' names, and staff names compared with them
    Key evidence;         // seals evidence files at rest (file_sealing.hpp)
    // Seals the email address of a complainant who asked for mail, and a receipt that an
    // acknowledgment by email must carry, until it is sent (outbound/).
    Key mail;
    KeyCheck check{};                 // kept in the database to recognise this key
    std::vector<SigningKey> signing;  // generations 1..current, oldest first

    // The key that signs new confirmations. Keys without signing keys (tests) must not
    // sign.
    const SigningKey& current_signing() const { return signing.back(); }
};

// Every key of `master`, with signing keys of generations 1..`signing_generation`.
Keys derive_keys(const MasterKey& master, unsigned signing_generation = 1);

// Whether a key file exists at `key_file` (fails when that cannot be told).
util::Expected<bool> key_file_exists(const std::filesystem::path& key_file);

// Reads the key file. Fails when it is missing, malformed, or readable by group or others.
util::Expected<Keys> read_keys(const std::filesystem::path& key_file,
                               unsigned signing_generation = 1);

// Creates a new key file (mode 0600, fsynced with its folder). Fails when one exists.
util::Expected<Keys> create_keys(const std::filesystem::path& key_file,
                                 unsigned signing_generation = 1);

// A short name for a key check, for messages to operators: 16 hex digits.
std::string key_id(const KeyCheck& check);

// Initialises libsodium; call once before any other function here. Throws on failure.
void init();

}  // namespace redress::crypto
