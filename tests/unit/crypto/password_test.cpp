#include "crypto/password.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

#include <array>

#include "crypto/keys.hpp"

namespace redress::crypto {
namespace {

class PasswordTest : public ::testing::Test {
  protected:
    void SetUp() override { init(); }
    // The least cost keeps the tests fast; the default cost is measured by bench, not here.
    const PasswordCost m_cost = minimum_password_cost();
};

TEST_F(PasswordTest, TheDefaultCostIsLibsodiumsInteractiveCost) {
    EXPECT_EQ(PasswordCost{}.ops, 2U);
    EXPECT_EQ(PasswordCost{}.memory_bytes, 64U * 1024U * 1024U);
}

TEST_F(PasswordTest, AHashIsAnArgon2idStringThatNamesItsCost) {
    const auto stored = hash_password("correct horse battery staple", m_cost);
    ASSERT_TRUE(stored.has_value()) << stored.error().message;
    EXPECT_TRUE(stored->starts_with("$argon2id$v=19$m=8,t=1,p=1$")) << *stored;
    EXPECT_EQ(stored->find("correct"), std::string::npos);
}

TEST_F(PasswordTest, TheRightPasswordMatchesAndAnyOtherDoesNot) {
    const auto stored = hash_password("correct horse battery staple", m_cost);
    ASSERT_TRUE(stored.has_value());
    EXPECT_TRUE(password_matches(*stored, "correct horse battery staple"));
    EXPECT_FALSE(password_matches(*stored, "correct horse battery stapl"));
    EXPECT_FALSE(password_matches(*stored, "Correct horse battery staple"));
    EXPECT_FALSE(password_matches(*stored, ""));
}

TEST_F(PasswordTest, TwoHashesOfOnePasswordDifferByTheirSalt) {
    const auto first = hash_password("same password here", m_cost);
    const auto second = hash_password("same password here", m_cost);
    ASSERT_TRUE(first.has_value() && second.has_value());
    EXPECT_NE(*first, *second);
    EXPECT_TRUE(password_matches(*first, "same password here"));
    EXPECT_TRUE(password_matches(*second, "same password here"));
}

TEST_F(PasswordTest, PasswordsWithNulAndUnicodeBytesAreHashedWhole) {
    const std::string with_nul("before\0after", 12);
    const auto stored = hash_password(with_nul, m_cost);
    ASSERT_TRUE(stored.has_value());
    EXPECT_TRUE(password_matches(*stored, with_nul));
    EXPECT_FALSE(password_matches(*stored, "before"));

    const auto unicode = hash_password("contraseña segura ñ", m_cost);
    ASSERT_TRUE(unicode.has_value());
    EXPECT_TRUE(password_matches(*unicode, "contraseña segura ñ"));
    EXPECT_FALSE(password_matches(*unicode, "contrasena segura n"));
}

TEST_F(PasswordTest, SomethingThatIsNotAHashNeverMatches) {
    EXPECT_FALSE(password_matches("", ""));
    EXPECT_FALSE(password_matches("password", "password"));
    const auto stored = hash_password("a password", m_cost);
    ASSERT_TRUE(stored.has_value());
    EXPECT_FALSE(password_matches(stored->substr(0, stored->size() - 4), "a password"));
    EXPECT_FALSE(password_matches(*stored + std::string(200, 'A'), "a password"));
    EXPECT_FALSE(password_matches(std::string(*stored).insert(5, 1, '\0'), "a password"));
}

TEST_F(PasswordTest, ACostOutsideLibsodiumsBoundsIsRefused) {
    const auto no_passes = hash_password("a password", PasswordCost{0, m_cost.memory_bytes});
    ASSERT_FALSE(no_passes.has_value());
    EXPECT_EQ(no_passes.error().code, util::ErrorCode::invalid_input);
    const auto too_little_memory = hash_password("a password", PasswordCost{1, 1024});
    ASSERT_FALSE(too_little_memory.has_value());
    EXPECT_EQ(too_little_memory.error().code, util::ErrorCode::invalid_input);
}

TEST_F(PasswordTest, AHashAtAnotherCostNeedsRehashing) {
    const auto stored = hash_password("a password", m_cost);
    ASSERT_TRUE(stored.has_value());
    EXPECT_FALSE(needs_rehash(*stored, m_cost));
    EXPECT_TRUE(needs_rehash(*stored, PasswordCost{m_cost.ops + 1, m_cost.memory_bytes}));
    EXPECT_TRUE(needs_rehash(*stored, PasswordCost{m_cost.ops, m_cost.memory_bytes * 2}));
    EXPECT_TRUE(needs_rehash(*stored));  // the default cost
}

TEST_F(PasswordTest, WhatIsNotAnArgon2idHashNeedsRehashing) {
    EXPECT_TRUE(needs_rehash("", m_cost));
    EXPECT_TRUE(needs_rehash("plain text", m_cost));
    // An Argon2i hash (libsodium's older default) verifies, but should be replaced.
    std::array<char, crypto_pwhash_STRBYTES> argon2i{};
    ASSERT_EQ(
        crypto_pwhash_str_alg(argon2i.data(), "a password", 10, crypto_pwhash_argon2i_OPSLIMIT_MIN,
                              crypto_pwhash_argon2i_MEMLIMIT_MIN, crypto_pwhash_ALG_ARGON2I13),
        0);
    ASSERT_TRUE(std::string_view(argon2i.data()).starts_with("$argon2i$"));
    EXPECT_TRUE(password_matches(argon2i.data(), "a password"));
    EXPECT_TRUE(needs_rehash(argon2i.data(), PasswordCost{crypto_pwhash_argon2i_OPSLIMIT_MIN,
                                                          crypto_pwhash_argon2i_MEMLIMIT_MIN}));
}

TEST_F(PasswordTest, TheDummyHashIsMadeAtTheGivenCostAndMatchesNothing) {
    const DummyPasswordHash dummy(m_cost);
    EXPECT_TRUE(dummy.stored().starts_with("$argon2id$v=19$m=8,t=1,p=1$")) << dummy.stored();
    EXPECT_FALSE(needs_rehash(dummy.stored(), m_cost));
    EXPECT_FALSE(password_matches(dummy.stored(), ""));
    EXPECT_FALSE(password_matches(dummy.stored(), "a password"));
    dummy.verify("a password");  // runs; there is nothing to return
    const DummyPasswordHash other(m_cost);
    EXPECT_NE(dummy.stored(), other.stored());
}

TEST_F(PasswordTest, ADummyHashCannotBeMadeAtAnImpossibleCost) {
    EXPECT_THROW(DummyPasswordHash(PasswordCost{0, 0}), std::runtime_error);
}

TEST_F(PasswordTest, VerifyingAgainstTheSharedDummyAcceptsAnyCost) {
    verify_against_dummy("a password", m_cost);
    verify_against_dummy("another", PasswordCost{m_cost.ops + 1, m_cost.memory_bytes});
    verify_against_dummy("a password", m_cost);
}

}  // namespace
}  // namespace redress::crypto
