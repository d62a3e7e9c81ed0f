#pragma once
// Cookies: reading one from a request's Cookie header, and the Set-Cookie value of a
// host-only, secure cookie.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "http/message.hpp"

namespace redress::http {

// The value of cookie `name` in the request's Cookie headers; nothing when absent. When
// a name appears twice the first is taken (browsers send the most specific first).
std::optional<std::string_view> cookie(const Request& request, std::string_view name);

enum class CookieLife { session, remove };

// A Set-Cookie value for a "__Host-" cookie: Secure, HttpOnly, SameSite=Strict, Path=/,
// no Domain; `max_age` when given, or Max-Age=0 to remove it. `name` and `value` must be
// cookie-safe (base64url is).
std::string host_cookie(std::string_view name, std::string_view value,
                        std::optional<std::chrono::seconds> max_age = std::nullopt,
                        CookieLife life = CookieLife::session);

}  // namespace redress::http
