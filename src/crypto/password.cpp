#include "crypto/password.hpp"

#include <sodium.h>

#include <array>
#include <mutex>
#include <optional>
#include <stdexcept>

#include "crypto/random.hpp"

namespace redress::crypto {

static_assert(PasswordCost{}.ops == crypto_pwhash_OPSLIMIT_INTERACTIVE);
static_assert(PasswordCost{}.memory_bytes == crypto_pwhash_MEMLIMIT_INTERACTIVE);

namespace {

constexpr std::string_view k_argon2id_prefix = crypto_pwhash_argon2id_STRPREFIX;

bool cost_allowed(PasswordCost cost) {
    return cost.ops >= crypto_pwhash_argon2id_OPSLIMIT_MIN &&
           cost.ops <= crypto_pwhash_argon2id_OPSLIMIT_MAX &&
           cost.memory_bytes >= crypto_pwhash_argon2id_MEMLIMIT_MIN &&
           cost.memory_bytes <= crypto_pwhash_argon2id_MEMLIMIT_MAX;
}

// libsodium reads the stored hash as a C string; a copy bounded by its maximum length.
std::optional<std::array<char, crypto_pwhash_STRBYTES>> as_c_string(std::string_view stored) {
    if (stored.empty() || stored.size() >= crypto_pwhash_STRBYTES ||
        stored.find('\0') != std::string_view::npos) {
        return std::nullopt;
    }
    std::array<char, crypto_pwhash_STRBYTES> text{};
    stored.copy(text.data(), stored.size());
    return text;
}

}  // namespace

PasswordCost minimum_password_cost() {
    return PasswordCost{crypto_pwhash_argon2id_OPSLIMIT_MIN, crypto_pwhash_argon2id_MEMLIMIT_MIN};
}

util::Expected<std::string> hash_password(std::string_view password, PasswordCost cost) {
    if (!cost_allowed(cost)) {
        return util::fail(util::ErrorCode::invalid_input,
                          "password hashing cost outside libsodium's bounds");
    }
    if (password.size() > crypto_pwhash_PASSWD_MAX) {
        return util::fail(util::ErrorCode::invalid_input, "password too long to hash");
    }
    std::array<char, crypto_pwhash_STRBYTES> text{};
    if (crypto_pwhash_str_alg(text.data(), password.data(), password.size(), cost.ops,
                              cost.memory_bytes, crypto_pwhash_ALG_ARGON2ID13) != 0) {
        return util::fail(util::ErrorCode::unavailable,
                          "password hashing failed: not enough memory");
    }
    return std::string(text.data());
}

bool password_matches(std::string_view stored, std::string_view password) {
    const auto text = as_c_string(stored);
    if (!text) {
        return false;
    }
    return crypto_pwhash_str_verify(text->data(), password.data(), password.size()) == 0;
}

bool needs_rehash(std::string_view stored, PasswordCost cost) {
    const auto text = as_c_string(stored);
    if (!text) {
        return true;
    }
    // libsodium answers for Argon2i strings too, by their own cost: only Argon2id is kept.
    if (!stored.starts_with(k_argon2id_prefix)) {
        return true;
    }
    // 0: same cost; 1: another cost; -1: malformed.
    return crypto_pwhash_str_needs_rehash(text->data(), cost.ops, cost.memory_bytes) != 0;
}

DummyPasswordHash::DummyPasswordHash(PasswordCost cost) {
    std::array<std::uint8_t, 32> secret{};
    fill_random(secret);
    std::string password(2 * secret.size(), '\0');
    static constexpr std::string_view k_hex = "0123456789abcdef";
    for (std::size_t i = 0; i < secret.size(); ++i) {
        password[2 * i] = k_hex[secret[i] >> 4U];
        password[2 * i + 1] = k_hex[secret[i] & 0x0FU];
    }
    auto stored = hash_password(password, cost);
    sodium_memzero(password.data(), password.size());
    sodium_memzero(secret.data(), secret.size());
    if (!stored) {
        throw std::runtime_error("cannot make the dummy password hash: " + stored.error().message);
    }
    m_stored = std::move(*stored);
}

void DummyPasswordHash::verify(std::string_view password) const {
    // The result is ignored: no password matches a hash of 256 random bits.
    static_cast<void>(password_matches(m_stored, password));
}

void verify_against_dummy(std::string_view password, PasswordCost cost) {
    static std::mutex mutex;
    static std::optional<DummyPasswordHash> dummy;
    static PasswordCost dummy_cost;
    std::string stored;
    {
        const std::lock_guard lock(mutex);
        if (!dummy || dummy_cost != cost) {
            dummy.emplace(cost);
            dummy_cost = cost;
        }
        stored = dummy->stored();
    }
    // Verified outside the lock, so concurrent sign-ins of unknown users run in parallel
    // as those of known users do.
    static_cast<void>(password_matches(stored, password));
}

}  // namespace redress::crypto
