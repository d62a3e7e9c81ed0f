#pragma once
// Recovery codes: one-time codes a staff member writes down when enrolling a second factor,
// to sign in when the authenticator is lost. Ten codes of ten characters of Crockford's
// base32 (no I, L, O, U: nothing to misread), shown as "ABCDE-FGHJK": 50 random bits each,
// which no on-line guessing reaches. Only a keyed hash of each is stored, so the database
// alone does not let anyone test guesses.

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "crypto/keyed_hash.hpp"
#include "crypto/keys.hpp"

namespace redress::crypto {

inline constexpr std::size_t k_recovery_code_count = 10;
inline constexpr std::size_t k_recovery_code_length = 10;  // symbols, without the dash

struct RecoveryCodes {
    std::vector<std::string> shown;  // to show once, "ABCDE-FGHJK"; never stored
    std::vector<Digest> stored;      // keyed hashes, in the same order
};

// A new set of k_recovery_code_count codes, hashed with `key`.
RecoveryCodes make_recovery_codes(const Key& key);

// A typed code in its canonical form (10 upper-case symbols): case, spaces and dashes are
// ignored, and Crockford's look-alikes read as the digits they resemble (O as 0, I and L
// as 1). Nothing when what remains is not 10 symbols of the alphabet.
std::optional<std::string> normalise_recovery_code(std::string_view typed);

// The keyed hash of a code in canonical form, as kept in `RecoveryCodes::stored`.
Digest recovery_code_hash(const Key& key, std::string_view canonical_code);

// The index in `stored` of the hash of `typed`, or nothing. Every stored hash is compared,
// each in constant time. The caller removes the matched hash: each code works once.
std::optional<std::size_t> match_recovery_code(const Key& key, std::string_view typed,
                                               std::span<const Digest> stored);

}  // namespace redress::crypto
