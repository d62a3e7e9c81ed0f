#include "http/security_headers.hpp"

#include <array>
#include <string_view>
#include <utility>

namespace redress::http {

namespace {

// No script source at all: the public side works with JavaScript off (QUALITY.md, Privacy).
constexpr std::string_view k_content_security_policy =
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'";

constexpr std::array<std::pair<std::string_view, std::string_view>, 7> k_fixed_headers{{
    {"Content-Security-Policy", k_content_security_policy},
    {"X-Content-Type-Options", "nosniff"},
    {"Referrer-Policy", "no-referrer"},
    {"X-Frame-Options", "DENY"},
    {"Cross-Origin-Opener-Policy", "same-origin"},
    {"Cross-Origin-Resource-Policy", "same-origin"},
    {"Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()"},
}};

void add_unless_set(Headers& headers, std::string_view name, std::string_view value) {
    // A handler that chose a stricter or specific value (a download's sandbox CSP) wins.
    if (!headers.has(name)) headers.add(std::string(name), std::string(value));
}

}  // namespace

void add_security_headers(Response& response) {
    for (const auto& [name, value] : k_fixed_headers) add_unless_set(response.headers, name, value);
    add_unless_set(
        response.headers, "Cache-Control",
        response.caching == Caching::public_static ? "public, max-age=3600" : "no-store");
}

}  // namespace redress::http
