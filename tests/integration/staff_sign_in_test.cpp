// Staff sign-in against the real server: a member added with `redress user add` signs in
// over HTTP with password and TOTP (enrolling a second factor the first time), gets a
// session cookie with the attributes that keep it from other sites and scripts, is
// refused a replayed code and a post without the session's anti-forgery token, and signs
// out, which ends the session.

#include <gtest/gtest.h>

#include <chrono>
#include <optional>
#include <regex>
#include <string>

#include "crypto/totp.hpp"
#include "integration/staff_session.hpp"
#include "support/http_client.hpp"
#include "support/redress_command.hpp"
#include "support/server_arguments.hpp"
#include "support/server_process.hpp"
#include "support/temp_folder.hpp"

namespace redress {
namespace {

using testing::k_cheap;
using testing::k_password;
using testing::with;

using testing::HeaderList;
using testing::HttpConnection;
using testing::HttpResponse;

// The Set-Cookie header that sets `name`, or nothing.
std::optional<std::string> set_cookie(const HttpResponse& response, std::string_view name) {
    for (const auto& [key, value] : response.headers) {
        if (testing::lower_ascii(key) == "set-cookie" &&
            value.starts_with(std::string(name) + "=")) {
            return value;
        }
    }
    return std::nullopt;
}

// The value a Set-Cookie header gives its cookie.
std::string cookie_value(const std::string& header) {
    const auto equals = header.find('=');
    return header.substr(equals + 1, header.find(';') - equals - 1);
}

using testing::first_match;

std::int64_t step_now() {
    return crypto::totp_step(
        std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
}

class StaffSignIn : public ::testing::Test {
  protected:
    void SetUp() override {
        const auto data = m_folder.path() / "data";
        ASSERT_EQ(
            testing::run_redress(with({"init", "--data", data.string()}, k_cheap), m_folder.path())
                .exit_code,
            0);
        const auto added = testing::run_redress(
            with({"user", "add", "--data", data.string(), "--username", "ana", "--name",
                  "Ana Member", "--role", "investigator", "--office", "opr"},
                 k_cheap),
            m_folder.path(), std::string(k_password) + "\n");
        ASSERT_EQ(added.exit_code, 0) << added.output;
        m_server.emplace(data, k_cheap);
    }

    HttpConnection connect() { return HttpConnection(m_server->port()); }

    HttpResponse post(std::string_view target, const HeaderList& fields,
                      const HeaderList& headers = {}) {
        auto connection = connect();
        return connection.post_form(target, fields, headers);
    }

    HttpResponse get(std::string_view target, const HeaderList& headers = {}) {
        auto connection = connect();
        return connection.get(target, headers);
    }

    // The ticket cookie after a right password.
    std::string password_step(std::string_view expected_location) {
        const auto response =
            post("/staff/sign-in", {{"username", "ana"}, {"password", std::string(k_password)}});
        EXPECT_EQ(response.status, 303) << response.body;
        EXPECT_EQ(response.header_or_empty("Location"), expected_location);
        const auto ticket = set_cookie(response, "__Host-redress-sign-in");
        EXPECT_TRUE(ticket.has_value());
        return ticket ? "__Host-redress-sign-in=" + cookie_value(*ticket) : "";
    }

    testing::TempFolder m_folder;
    std::optional<testing::ServerProcess> m_server;
};

TEST_F(StaffSignIn, EnrolSignInReplaySignOut) {
    // Without a session, the console sends to the sign-in page; staff pages are never cached.
    const auto anonymous = get("/staff/");
    EXPECT_EQ(anonymous.status, 303);
    EXPECT_EQ(anonymous.header_or_empty("Location"), "/staff/sign-in");
    EXPECT_EQ(anonymous.header_or_empty("Cache-Control"), "no-store");
    const auto form = get("/staff/sign-in");
    EXPECT_EQ(form.status, 200);
    EXPECT_EQ(form.header_or_empty("Cache-Control"), "no-store");
    EXPECT_NE(form.body.find("name=\"password\""), std::string::npos);

    // A wrong password and an unknown user get the same refusal, and no ticket.
    const auto wrong = post("/staff/sign-in", {{"username", "ana"}, {"password", "not-it-at-all"}});
    const auto unknown =
        post("/staff/sign-in", {{"username", "nobody"}, {"password", std::string(k_password)}});
    EXPECT_EQ(wrong.status, 403);
    EXPECT_EQ(unknown.status, 403);
    EXPECT_EQ(wrong.body, unknown.body);
    EXPECT_FALSE(set_cookie(wrong, "__Host-redress-sign-in"));

    // Not yet enrolled: the password leads to enrolment, with the secret as QR and text.
    const auto ticket = password_step("/staff/sign-in/enrol");
    const auto enrol = get("/staff/sign-in/enrol", {{"Cookie", ticket}});
    ASSERT_EQ(enrol.status, 200);
    EXPECT_NE(enrol.body.find("<svg"), std::string::npos);
    const auto secret_text =
        first_match(enrol.body, "class=\"totp-secret\" dir=\"ltr\">([A-Z2-7]+)<");
    const auto sealed = first_match(enrol.body, "name=\"enrolment\" value=\"([A-Za-z0-9_-]+)\"");
    const auto secret = crypto::TotpSecret::from_base32(secret_text);
    ASSERT_TRUE(secret.has_value()) << enrol.body;
    ASSERT_FALSE(sealed.empty());

    const auto step = step_now();
    const auto enrolled = post("/staff/sign-in/enrol",
                               {{"enrolment", sealed}, {"code", crypto::totp_code(*secret, step)}},
                               {{"Cookie", ticket}});
    ASSERT_EQ(enrolled.status, 200) << enrolled.body;
    const std::regex code_item("<li><code>[0-9A-Z]{5}-[0-9A-Z]{5}</code></li>");
    EXPECT_EQ(
        std::distance(std::sregex_iterator(enrolled.body.begin(), enrolled.body.end(), code_item),
                      std::sregex_iterator()),
        10);
    const auto session_header = set_cookie(enrolled, "__Host-redress-staff");
    ASSERT_TRUE(session_header.has_value());
    for (const char* attribute : {"; Secure", "; HttpOnly", "; SameSite=Strict", "; Path=/"}) {
        EXPECT_NE(session_header->find(attribute), std::string::npos) << attribute;
    }
    EXPECT_EQ(session_header->find("Domain"), std::string::npos);
    const std::string first_session = cookie_value(*session_header);
    EXPECT_GE(first_session.size(), 22u);  // at least 128 bits as base64url

    // The home page names the member, their roles and offices.
    const HeaderList first_cookie{{"Cookie", "__Host-redress-staff=" + first_session}};
    const auto home = get("/staff/", first_cookie);
    ASSERT_EQ(home.status, 200);
    EXPECT_EQ(home.header_or_empty("Cache-Control"), "no-store");
    EXPECT_NE(home.body.find("Ana Member"), std::string::npos);
    EXPECT_NE(home.body.find("Investigator"), std::string::npos);
    EXPECT_NE(home.body.find(">opr<"), std::string::npos);
    const auto csrf = first_match(home.body, "name=\"csrf\" value=\"([A-Za-z0-9_-]+)\"");
    ASSERT_FALSE(csrf.empty());

    // The code that confirmed the enrolment does not sign in again: a code works once.
    const auto second_ticket = password_step("/staff/sign-in/code");
    const auto replayed = post("/staff/sign-in/code", {{"code", crypto::totp_code(*secret, step)}},
                               {{"Cookie", second_ticket}});
    EXPECT_EQ(replayed.status, 403);
    EXPECT_FALSE(set_cookie(replayed, "__Host-redress-staff"));
    // The next step's code is accepted (within the window), once.
    const auto next_code = crypto::totp_code(*secret, step + 1);
    const auto second =
        post("/staff/sign-in/code", {{"code", next_code}}, {{"Cookie", second_ticket}});
    EXPECT_EQ(second.status, 303) << second.body;
    EXPECT_EQ(second.header_or_empty("Location"), "/staff/");
    const auto second_header = set_cookie(second, "__Host-redress-staff");
    ASSERT_TRUE(second_header.has_value());
    EXPECT_NE(cookie_value(*second_header), first_session);  // a new token at every sign-in
    const auto again =
        post("/staff/sign-in/code", {{"code", next_code}}, {{"Cookie", second_ticket}});
    EXPECT_EQ(again.status, 403);

    // Sign-out without the session's anti-forgery token, with another session's, or from
    // another site, is refused and changes nothing.
    EXPECT_EQ(post("/staff/sign-out", {}, first_cookie).status, 403);
    EXPECT_EQ(post("/staff/sign-out", {{"csrf", "AAAA"}}, first_cookie).status, 403);
    EXPECT_EQ(post("/staff/sign-out", {{"csrf", csrf}},
                   {{"Cookie", "__Host-redress-staff=" + cookie_value(*second_header)}})
                  .status,
              403);
    EXPECT_EQ(post("/staff/sign-out", {{"csrf", csrf}},
                   {first_cookie[0], {"Sec-Fetch-Site", "cross-site"}})
                  .status,
              403);
    EXPECT_EQ(get("/staff/", first_cookie).status, 200);

    // Sign-out ends the session: its cookie no longer opens anything.
    const auto signed_out = post("/staff/sign-out", {{"csrf", csrf}}, first_cookie);
    EXPECT_EQ(signed_out.status, 303);
    const auto cleared = set_cookie(signed_out, "__Host-redress-staff");
    ASSERT_TRUE(cleared.has_value());
    EXPECT_NE(cleared->find("Max-Age=0"), std::string::npos);
    const auto after = get("/staff/", first_cookie);
    EXPECT_EQ(after.status, 303);
    EXPECT_EQ(after.header_or_empty("Location"), "/staff/sign-in");
    EXPECT_EQ(post("/staff/sign-out", {{"csrf", csrf}}, first_cookie).status, 403);
    // The other session is untouched.
    EXPECT_EQ(
        get("/staff/", {{"Cookie", "__Host-redress-staff=" + cookie_value(*second_header)}}).status,
        200);
}

TEST_F(StaffSignIn, ARecoveryCodeSignsInOnce) {
    const auto ticket = password_step("/staff/sign-in/enrol");
    const auto enrol = get("/staff/sign-in/enrol", {{"Cookie", ticket}});
    const auto secret = crypto::TotpSecret::from_base32(
        first_match(enrol.body, "class=\"totp-secret\" dir=\"ltr\">([A-Z2-7]+)<"));
    ASSERT_TRUE(secret.has_value());
    const auto enrolled = post(
        "/staff/sign-in/enrol",
        {{"enrolment", first_match(enrol.body, "name=\"enrolment\" value=\"([A-Za-z0-9_-]+)\"")},
         {"code", crypto::totp_code(*secret, step_now())}},
        {{"Cookie", ticket}});
    ASSERT_EQ(enrolled.status, 200);
    const auto code = first_match(enrolled.body, "<li><code>([0-9A-Z]{5}-[0-9A-Z]{5})</code></li>");
    ASSERT_FALSE(code.empty());

    const auto second_ticket = password_step("/staff/sign-in/code");
    const auto used =
        post("/staff/sign-in/code", {{"recovery_code", code}}, {{"Cookie", second_ticket}});
    EXPECT_EQ(used.status, 303);
    EXPECT_TRUE(set_cookie(used, "__Host-redress-staff").has_value());
    const auto reused =
        post("/staff/sign-in/code", {{"recovery_code", code}}, {{"Cookie", second_ticket}});
    EXPECT_EQ(reused.status, 403);
}

}  // namespace
}  // namespace redress
