#include "crypto/secret_box.hpp"

#include <gtest/gtest.h>

#include "support/filled_key.hpp"

namespace redress::crypto {
namespace {

class SecretBoxTest : public ::testing::Test {
  protected:
    void SetUp() override { init(); }
};

TEST_F(SecretBoxTest, OpensWhatItSealed) {
    const auto sealed = seal(testing::filled_key(1), "Maria Lopez, +1 555 0100");
    const auto opened = open(testing::filled_key(1), sealed);
    ASSERT_TRUE(opened);
    EXPECT_EQ(*opened, "Maria Lopez, +1 555 0100");
}

TEST_F(SecretBoxTest, SealedTextDoesNotContainThePlaintext) {
    const auto sealed = seal(testing::filled_key(1), "CANARY-IDENTITY");
    const std::string bytes(sealed.begin(), sealed.end());
    EXPECT_EQ(bytes.find("CANARY"), std::string::npos);
}

TEST_F(SecretBoxTest, SealingTwiceGivesDifferentBoxes) {
    EXPECT_NE(seal(testing::filled_key(1), "same"), seal(testing::filled_key(1), "same"));
}

TEST_F(SecretBoxTest, RefusesAnotherKey) {
    const auto sealed = seal(testing::filled_key(1), "secret");
    EXPECT_FALSE(open(testing::filled_key(2), sealed));
}

TEST_F(SecretBoxTest, RefusesAnAlteredBox) {
    auto sealed = seal(testing::filled_key(1), "secret");
    sealed.back() ^= 1;
    EXPECT_FALSE(open(testing::filled_key(1), sealed));
}

TEST_F(SecretBoxTest, RefusesATruncatedBox) {
    const std::vector<std::uint8_t> tiny(10, 0);
    const auto opened = open(testing::filled_key(1), tiny);
    ASSERT_FALSE(opened);
    EXPECT_EQ(opened.error().code, util::ErrorCode::invalid_input);
}

TEST_F(SecretBoxTest, SealsEmptyText) {
    const auto opened = open(testing::filled_key(3), seal(testing::filled_key(3), ""));
    ASSERT_TRUE(opened);
    EXPECT_EQ(*opened, "");
}

}  // namespace
}  // namespace redress::crypto
