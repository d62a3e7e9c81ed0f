#include "crypto/keyed_hash.hpp"

#include <gtest/gtest.h>

namespace redress::crypto {
namespace {

Key key_of(std::uint8_t fill) {
    Key key{};
    key.fill(fill);
    return key;
}

class KeyedHashTest : public ::testing::Test {
  protected:
    void SetUp() override { init(); }
};

TEST_F(KeyedHashTest, SameKeyAndDataGiveTheSameDigest) {
    EXPECT_TRUE(digests_equal(keyed_hash(key_of(1), "ABCD"), keyed_hash(key_of(1), "ABCD")));
}

TEST_F(KeyedHashTest, DifferentDataGiveDifferentDigests) {
    EXPECT_FALSE(digests_equal(keyed_hash(key_of(1), "ABCD"), keyed_hash(key_of(1), "ABCE")));
}

TEST_F(KeyedHashTest, TheDigestDependsOnTheKey) {
    EXPECT_FALSE(digests_equal(keyed_hash(key_of(1), "ABCD"), keyed_hash(key_of(2), "ABCD")));
}

}  // namespace
}  // namespace redress::crypto
