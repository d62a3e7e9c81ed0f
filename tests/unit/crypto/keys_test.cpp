#include "crypto/keys.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

#include "support/temp_folder.hpp"

namespace redress::crypto {
namespace {

class KeysTest : public ::testing::Test {
  protected:
    void SetUp() override { init(); }
    testing::TempFolder m_dir;
};

TEST_F(KeysTest, CreatesAKeyFileOnlyTheOwnerCanRead) {
    const auto file = m_dir / "redress.key";
    ASSERT_TRUE(load_or_create_keys(file).has_value());
    struct stat status {};
    ASSERT_EQ(::stat(file.c_str(), &status), 0);
    EXPECT_EQ(status.st_mode & 0777, 0600u);
}

TEST_F(KeysTest, ReadsBackTheSameKeys) {
    const auto file = m_dir / "redress.key";
    const auto created = load_or_create_keys(file);
    const auto loaded = load_or_create_keys(file);
    ASSERT_TRUE(created && loaded);
    EXPECT_EQ(created->identity, loaded->identity);
    EXPECT_EQ(created->receipt_hash, loaded->receipt_hash);
    EXPECT_EQ(created->form_token, loaded->form_token);
}

TEST_F(KeysTest, DerivesADifferentKeyForEachPurpose) {
    const auto keys = load_or_create_keys(m_dir / "redress.key");
    ASSERT_TRUE(keys);
    EXPECT_NE(keys->identity, keys->receipt_hash);
    EXPECT_NE(keys->identity, keys->form_token);
    EXPECT_NE(keys->receipt_hash, keys->form_token);
}

TEST_F(KeysTest, TwoDeploymentsGetDifferentKeys) {
    const auto a = load_or_create_keys(m_dir / "a.key");
    const auto b = load_or_create_keys(m_dir / "b.key");
    ASSERT_TRUE(a && b);
    EXPECT_NE(a->identity, b->identity);
}

TEST_F(KeysTest, RefusesAKeyFileOthersCanRead) {
    const auto file = m_dir / "redress.key";
    ASSERT_TRUE(load_or_create_keys(file));
    ::chmod(file.c_str(), 0644);
    const auto keys = load_or_create_keys(file);
    ASSERT_FALSE(keys);
    EXPECT_EQ(keys.error().code, util::ErrorCode::invalid_input);
    EXPECT_NE(keys.error().message.find("chmod 600"), std::string::npos);
}

TEST_F(KeysTest, RefusesAMalformedKeyFile) {
    const auto file = m_dir / "redress.key";
    std::ofstream(file) << "redress-key-v1 not-hex\n";
    ::chmod(file.c_str(), 0600);
    const auto keys = load_or_create_keys(file);
    ASSERT_FALSE(keys);
    EXPECT_EQ(keys.error().code, util::ErrorCode::invalid_input);
}

}  // namespace
}  // namespace redress::crypto
