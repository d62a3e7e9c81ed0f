#pragma once
// Time-based one-time passwords (RFC 6238) as authenticator apps make them: HMAC-SHA1,
// 6 digits, 30-second steps. HMAC-SHA1 comes from OpenSSL's libcrypto, since libsodium has
// no SHA-1 (SHA-1's collisions do not weaken HMAC-SHA1, and it is what every app supports).

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace redress::crypto {

// The secret shared with the authenticator app: 160 bits, RFC 4226's recommended length.
struct TotpSecret {
    std::array<std::uint8_t, 20> bytes{};

    // A new secret from the system's secure randomness.
    static TotpSecret generate();
    // The secret of a base32 text (as stored or as typed); nothing unless it is 20 bytes.
    static std::optional<TotpSecret> from_base32(std::string_view text);
    // Base32 without padding, 32 characters: what the app is given, and what may be stored.
    std::string base32() const;
};

inline constexpr std::int64_t k_totp_period_seconds = 30;
inline constexpr unsigned k_totp_digits = 6;
// The most steps either side of now that accept_totp may be asked to accept.
inline constexpr unsigned k_totp_max_window = 10;

// The otpauth:// URI an app reads from a QR code:
// otpauth://totp/Issuer:account?secret=...&issuer=...&algorithm=SHA1&digits=6&period=30,
// with issuer and account percent-encoded (everything but A-Z a-z 0-9 - . _ ~).
std::string provisioning_uri(std::string_view issuer, std::string_view account,
                             const TotpSecret& secret);

// Times are whole seconds of the system clock (std::chrono::floor<std::chrono::seconds>(
// std::chrono::system_clock::now())): its nanoseconds would end in 2262.

// The step of a time: seconds since 1970 divided by 30, rounded down.
std::int64_t totp_step(std::chrono::sys_seconds time);

// The code of `step`: `digits` decimal digits (6 for apps; 8 for RFC 6238's test vectors),
// with leading zeros. `digits` is 1..9.
std::string totp_code(const TotpSecret& secret, std::int64_t step, unsigned digits = k_totp_digits);

// Checks a typed code (6 digits; spaces ignored) against the steps from `window` before
// to `window` after the step of `now` (clock drift and typing time), taking only steps
// after `last_used_step`, so that each code works once and never one older than the last
// used. Returns the step that matched, to be stored as the new last used step; nothing
// when no step matches. Every candidate is computed and compared in constant time, so the
// time taken does not tell which step matched. `window` is at most k_totp_max_window.
std::optional<std::int64_t> accept_totp(const TotpSecret& secret, std::string_view code,
                                        std::chrono::sys_seconds now,
                                        std::optional<std::int64_t> last_used_step,
                                        unsigned window = 1);

}  // namespace redress::crypto
