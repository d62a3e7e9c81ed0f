#pragma once
// Staff passwords, hashed with Argon2id (libsodium's crypto_pwhash). The stored string
// names the algorithm, its cost and its salt, so hashes made at an older cost still verify
// and can be told apart (needs_rehash) to be replaced at the next sign-in.
//
// Why this cost: a password hash must be slow and memory-hungry for whoever steals the
// database, and cheap enough that a sign-in stays quick and the server cannot be run out
// of memory by sign-ins. libsodium's "interactive" cost (2 passes over 64 MiB) is above
// OWASP's minimum for Argon2id (19 MiB, 2 passes) and takes a few tens of milliseconds of
// one core. Each hash in progress holds its memory: callers bound how many run at once
// (e.g. to the number of cores), so that sign-ins cost at most that many times 64 MiB.

#include <cstddef>
#include <string>
#include <string_view>

#include "util/error.hpp"

namespace redress::crypto {

struct PasswordCost {
    std::size_t ops = 2;                     // crypto_pwhash_OPSLIMIT_INTERACTIVE
    std::size_t memory_bytes = 64UL << 20U;  // crypto_pwhash_MEMLIMIT_INTERACTIVE, 64 MiB

    friend bool operator==(const PasswordCost&, const PasswordCost&) = default;
};

// The least cost libsodium accepts (1 pass over 8 KiB): for tests only, never stored.
PasswordCost minimum_password_cost();

// A new hash of `password` at `cost` with a fresh random salt, as libsodium's string
// ("$argon2id$v=19$m=...,t=...,p=1$salt$hash", at most 127 characters). Fails with
// invalid_input when the cost is below libsodium's minimum or above its maximum, and with
// unavailable when the memory cannot be had.
util::Expected<std::string> hash_password(std::string_view password, PasswordCost cost = {});

// Whether `password` is the one `stored` was made from. False for anything that is not a
// hash string libsodium knows (an empty or truncated column never matches).
bool password_matches(std::string_view stored, std::string_view password);

// Whether `stored` was made at another cost or algorithm than `cost` (or is not a hash at
// all): then, after a successful sign-in, hash the password again and store that.
bool needs_rehash(std::string_view stored, PasswordCost cost = {});

// A hash of a random password, made once at `cost`, to verify against when a sign-in names
// no known user: the answer then takes as long as a wrong password for a real user, so
// that timing does not tell which user names exist.
class DummyPasswordHash {
  public:
    // Throws std::runtime_error when the hash cannot be made (out of memory, bad cost):
    // made at start-up, where that is fatal.
    explicit DummyPasswordHash(PasswordCost cost = {});

    // Verifies `password` against the dummy hash; the result is always "no match".
    void verify(std::string_view password) const;

    const std::string& stored() const { return m_stored; }

  private:
    std::string m_stored;
};

// verify() of one DummyPasswordHash per process, made at the first call with that call's
// cost (and again if a later call asks for another cost).
void verify_against_dummy(std::string_view password, PasswordCost cost = {});

}  // namespace redress::crypto
