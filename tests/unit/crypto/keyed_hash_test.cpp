#include "crypto/keyed_hash.hpp"

#include <gtest/gtest.h>

#include "support/filled_key.hpp"

namespace redress::crypto {
namespace {

class KeyedHashTest : public ::testing::Test {
  protected:
    void SetUp() override { init(); }
};

TEST_F(KeyedHashTest, SameKeyAndDataGiveTheSameDigest) {
    EXPECT_TRUE(digests_equal(keyed_hash(testing::filled_key(1), "ABCD"),
                              keyed_hash(testing::filled_key(1), "ABCD")));
}

TEST_F(KeyedHashTest, DifferentDataGiveDifferentDigests) {
    EXPECT_FALSE(digests_equal(keyed_hash(testing::filled_key(1), "ABCD"),
                               keyed_hash(testing::filled_key(1), "ABCE")));
}

TEST_F(KeyedHashTest, TheDigestDependsOnTheKey) {
    EXPECT_FALSE(digests_equal(keyed_hash(testing::filled_key(1), "ABCD"),
                               keyed_hash(testing::filled_key(2), "ABCD")));
}

}  // namespace
}  // namespace redress::crypto
