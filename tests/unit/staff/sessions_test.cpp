#include "staff/sessions.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "crypto/keys.hpp"

namespace redress::staff {
namespace {

using namespace std::chrono_literals;

const domain::Timestamp k_start{std::chrono::sys_days{std::chrono::year{2026} / 11 / 30}};

storage::StaffSession session_at(domain::Timestamp created, domain::Timestamp last_seen) {
    storage::StaffSession session;
    session.created_at = created;
    session.last_seen_at = last_seen;
    return session;
}

TEST(SessionState, ActiveUntilIdleTimeoutWithoutUse) {
    const SessionSettings settings{.idle_timeout = 30min, .lifetime = 12h};
    const auto session = session_at(k_start, k_start);
    EXPECT_EQ(session_state(session, k_start + 29min + 59s, settings), SessionState::active);
    EXPECT_EQ(session_state(session, k_start + 30min, settings), SessionState::idle);
}

TEST(SessionState, UseRenewsTheIdleTimeoutButNotTheLifetime) {
    const SessionSettings settings{.idle_timeout = 30min, .lifetime = 12h};
    // Used a minute ago, so not idle; but signed in 12 hours ago.
    EXPECT_EQ(
        session_state(session_at(k_start, k_start + 11h + 59min), k_start + 12h - 1s, settings),
        SessionState::active);
    EXPECT_EQ(session_state(session_at(k_start, k_start + 11h + 59min), k_start + 12h, settings),
              SessionState::too_old);
}

TEST(SessionState, LastUseIsWrittenAtMostOncePerInterval) {
    const SessionSettings settings{.touch_interval = 60s};
    const auto session = session_at(k_start, k_start);
    EXPECT_FALSE(needs_touch(session, k_start, settings));
    EXPECT_FALSE(needs_touch(session, k_start + 59s, settings));
    EXPECT_TRUE(needs_touch(session, k_start + 60s, settings));
}

TEST(SessionToken, HasAtLeast128RandomBitsAndDiffersEachTime) {
    const auto first = new_session_token();
    const auto second = new_session_token();
    EXPECT_EQ(first.size(), 43u);  // 256 bits as unpadded base64url
    EXPECT_NE(first, second);
    EXPECT_EQ(
        first.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
        std::string::npos);
}

// Only the pure parts of Sessions are used here: no store call is made.
class NoStore final : public storage::StaffSessions {
  public:
    [[noreturn]] static void never() { throw std::logic_error("no storage in this test"); }
    void find_account_by_id(domain::StaffId,
                            storage::Done<std::optional<storage::StaffAccount>>) override {
        never();
    }
    void sign_in_with_code(storage::NewSession, std::int64_t, std::vector<domain::AuditEvent>,
                           storage::Done<storage::Written>) override {
        never();
    }
    void sign_in_with_recovery_code(storage::NewSession, storage::TokenHash,
                                    std::vector<domain::AuditEvent>,
                                    storage::Done<storage::Written>) override {
        never();
    }
    void enrol_and_sign_in(storage::NewSession, std::vector<std::uint8_t>, std::int64_t,
                           std::vector<storage::TokenHash>, std::vector<domain::AuditEvent>,
                           storage::Done<storage::Written>) override {
        never();
    }
    void find_session(storage::TokenHash,
                      storage::Done<std::optional<storage::SessionRecord>>) override {
        never();
    }
    void touch_session(storage::TokenHash, domain::Timestamp,
                       storage::Done<storage::Written>) override {
        never();
    }
    void end_session(storage::TokenHash, domain::Timestamp, domain::AuditEvent,
                     storage::Done<bool>) override {
        never();
    }
};

class SessionFormTokens : public ::testing::Test {
  protected:
    crypto::Keys keys = crypto::derive_keys(crypto::MasterKey{7});
    NoStore store;
    Sessions sessions{store, keys.staff_session,    keys.staff_form, keys.name_mark,
                      {},    [] { return k_start; }};
};

TEST_F(SessionFormTokens, TheSessionsOwnTokenMatches) {
    const auto token = new_session_token();
    EXPECT_TRUE(sessions.form_token_matches(token, sessions.form_token(token)));
}

TEST_F(SessionFormTokens, AnotherSessionsTokenOrAnAlteredOneDoesNot) {
    const auto token = new_session_token();
    const auto other = new_session_token();
    auto form_token = sessions.form_token(token);
    EXPECT_FALSE(sessions.form_token_matches(token, sessions.form_token(other)));
    EXPECT_FALSE(sessions.form_token_matches(token, ""));
    EXPECT_FALSE(sessions.form_token_matches(token, "not base64url!"));
    EXPECT_FALSE(sessions.form_token_matches(token, form_token.substr(1)));
    form_token[0] = form_token[0] == 'A' ? 'B' : 'A';
    EXPECT_FALSE(sessions.form_token_matches(token, form_token));
}

TEST_F(SessionFormTokens, FormTokenIsNeitherTheSessionTokenNorItsStoredHash) {
    const auto token = new_session_token();
    const auto form_token = sessions.form_token(token);
    EXPECT_NE(form_token, token);
    // Under a key of its own, apart from the stored hash's: a copy of the database, or
    // the key of the session hashes, does not give it.
    Sessions other_key{store, keys.staff_form,       keys.staff_session, keys.name_mark,
                       {},    [] { return k_start; }};
    EXPECT_FALSE(sessions.form_token_matches(token, other_key.form_token(token)));
}

TEST_F(SessionFormTokens, MalformedTokenResolvesToNoOneWithoutStorage) {
    bool answered = false;
    sessions.resolve("short", [&](util::Expected<std::optional<SignedIn>> resolved) {
        answered = true;
        ASSERT_TRUE(resolved.has_value());
        EXPECT_FALSE(resolved->has_value());
    });
    EXPECT_TRUE(answered);
}

}  // namespace
}  // namespace redress::staff
