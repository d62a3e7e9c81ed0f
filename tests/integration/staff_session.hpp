#pragma once
// What the staff side's server tests share: reading a page's values and cookies, and a
// member's first sign-in through the real pages (password, then enrolling a second factor
// with a TOTP code worked out from the secret the page shows), ending with a session
// cookie and the session's anti-forgery token.

#include <gtest/gtest.h>

#include <chrono>
#include <optional>
#include <regex>
#include <string>
#include <string_view>

#include "crypto/totp.hpp"
#include "support/http_client.hpp"

namespace redress::testing {

// The first group of `pattern`'s first match in `text`; empty when none.
inline std::string first_match(const std::string& text, const std::string& pattern) {
    std::smatch match;
    if (!std::regex_search(text, match, std::regex(pattern))) return {};
    return match[1].str();
}

// The value of the cookie `name` that `response` sets.
inline std::optional<std::string> cookie_set(const HttpResponse& response, std::string_view name) {
    for (const auto& [key, value] : response.headers) {
        if (lower_ascii(key) == "set-cookie" && value.starts_with(std::string(name) + "=")) {
            const auto equals = value.find('=');
            return value.substr(equals + 1, value.find(';') - equals - 1);
        }
    }
    return std::nullopt;
}

// The sign-in ticket a step of the sign-in answered with, to send with the next step.
inline HeaderList ticket_of(const HttpResponse& response) {
    return {{"Cookie", "__Host-redress-sign-in=" +
                           cookie_set(response, "__Host-redress-sign-in").value_or("")}};
}

// A signed-in member: the session cookie and the session's anti-forgery token.
struct StaffSession {
    HeaderList cookie;
    std::string csrf;
};

// Enrols a second factor after `step`, the answer that leads to the enrolment page, and
// opens the session; the home page gives its token.
inline StaffSession enrol(unsigned short port, const HttpResponse& step) {
    EXPECT_EQ(step.status, 303) << step.body;
    const auto ticket = ticket_of(step);
    const auto page = HttpConnection(port).get("/staff/sign-in/enrol", ticket);
    const auto secret = crypto::TotpSecret::from_base32(
        first_match(page.body, "class=\"totp-secret\" dir=\"ltr\">([A-Z2-7]+)<"));
    EXPECT_TRUE(secret.has_value()) << page.body;
    if (!secret) return {};
    const auto code = crypto::totp_code(
        *secret, crypto::totp_step(
                     std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now())));
    const auto enrolled = HttpConnection(port).post_form(
        "/staff/sign-in/enrol",
        {{"enrolment", first_match(page.body, "name=\"enrolment\" value=\"([A-Za-z0-9_-]+)\"")},
         {"code", code}},
        ticket);
    EXPECT_EQ(enrolled.status, 200) << enrolled.body;
    StaffSession session;
    session.cookie = {{"Cookie", "__Host-redress-staff=" +
                                     cookie_set(enrolled, "__Host-redress-staff").value_or("")}};
    const auto home = HttpConnection(port).get("/staff/", session.cookie);
    EXPECT_EQ(home.status, 200);
    session.csrf = first_match(home.body, "name=\"csrf\" value=\"([A-Za-z0-9_-]+)\"");
    EXPECT_FALSE(session.csrf.empty());
    return session;
}

// The first sign-in of a member added with `password` and no second factor yet.
inline StaffSession first_sign_in(unsigned short port, const std::string& username,
                                  const std::string& password) {
    const auto step = HttpConnection(port).post_form(
        "/staff/sign-in", {{"username", username}, {"password", password}});
    return enrol(port, step);
}

}  // namespace redress::testing
