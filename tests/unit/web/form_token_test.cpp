#include "web/form_token.hpp"

#include <gtest/gtest.h>

#include <set>

namespace redress::web {
namespace {

class FormTokenTest : public ::testing::Test {
  protected:
    void SetUp() override {
        crypto::init();
        m_key.fill(7);
        m_other.fill(8);
    }
    crypto::Key m_key{};
    crypto::Key m_other{};
    domain::Timestamp m_now{std::chrono::seconds(1'790'000'000)};
};

TEST_F(FormTokenTest, AFreshTokenIsValidAndUnique) {
    const FormTokens tokens(m_key, std::chrono::hours(12));
    std::set<std::string> seen;
    for (int i = 0; i < 20; ++i) {
        const std::string token = tokens.issue(m_now);
        EXPECT_EQ(token.size(), 54u);
        EXPECT_EQ(token.find_first_not_of(
                      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
                  std::string::npos);
        EXPECT_EQ(tokens.check(token, m_now), TokenCheck::valid);
        seen.insert(token);
    }
    EXPECT_EQ(seen.size(), 20u);
}

TEST_F(FormTokenTest, ExpiresAfterItsLifetime) {
    const FormTokens tokens(m_key, std::chrono::hours(12));
    const std::string token = tokens.issue(m_now);
    EXPECT_TRUE(tokens.verify(token, m_now + std::chrono::hours(12)));
    EXPECT_EQ(tokens.check(token, m_now + std::chrono::hours(12) + std::chrono::seconds(1)),
              TokenCheck::expired);
}

TEST_F(FormTokenTest, ATokenFromTheFutureIsRefusedBeyondAMinute) {
    const FormTokens tokens(m_key, std::chrono::hours(12));
    const std::string token = tokens.issue(m_now);
    EXPECT_TRUE(tokens.verify(token, m_now - std::chrono::seconds(60)));
    EXPECT_EQ(tokens.check(token, m_now - std::chrono::seconds(61)), TokenCheck::expired);
}

TEST_F(FormTokenTest, AnotherKeyOrAnyChangedCharacterIsForged) {
    const FormTokens tokens(m_key, std::chrono::hours(12));
    const FormTokens others(m_other, std::chrono::hours(12));
    const std::string token = tokens.issue(m_now);
    EXPECT_EQ(others.check(token, m_now), TokenCheck::forged);
    for (std::size_t i = 0; i + 1 < token.size(); ++i) {  // the last symbol has spare bits
        std::string changed = token;
        changed[i] = changed[i] == 'A' ? 'B' : 'A';
        EXPECT_NE(tokens.check(changed, m_now), TokenCheck::valid) << i;
    }
}

TEST_F(FormTokenTest, MalformedTokensAreRefused) {
    const FormTokens tokens(m_key, std::chrono::hours(12));
    const std::string token = tokens.issue(m_now);
    for (const std::string& bad :
         {std::string(), std::string("x"), token.substr(0, 53), token + "A",
          token + "==", std::string(54, '*'), std::string(5000, 'A'),
          token.substr(0, 20) + "+" + token.substr(21)}) {
        EXPECT_EQ(tokens.check(bad, m_now), TokenCheck::malformed) << bad;
    }
}

}  // namespace
}  // namespace redress::web
