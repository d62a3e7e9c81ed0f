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
    ASSERT_TRUE(create_keys(file).has_value());
    struct stat status {};
    ASSERT_EQ(::stat(file.c_str(), &status), 0);
    EXPECT_EQ(status.st_mode & 0777, 0600u);
}

TEST_F(KeysTest, ReadsBackTheSameKeys) {
    const auto file = m_dir / "redress.key";
    const auto created = create_keys(file);
    const auto loaded = read_keys(file);
    ASSERT_TRUE(created && loaded);
    EXPECT_EQ(created->identity, loaded->identity);
    EXPECT_EQ(created->receipt_hash, loaded->receipt_hash);
    EXPECT_EQ(created->form_token, loaded->form_token);
    EXPECT_EQ(created->content, loaded->content);
    EXPECT_EQ(created->check, loaded->check);
    ASSERT_EQ(loaded->signing.size(), 1u);
    EXPECT_EQ(created->signing.front().public_key, loaded->signing.front().public_key);
}

TEST_F(KeysTest, NeverReplacesAKeyFile) {
    const auto file = m_dir / "redress.key";
    const auto created = create_keys(file);
    ASSERT_TRUE(created);
    const auto again = create_keys(file);
    ASSERT_FALSE(again);
    EXPECT_EQ(read_keys(file)->check, created->check);
}

TEST_F(KeysTest, AMissingKeyFileIsNotRead) {
    const auto file = m_dir / "redress.key";
    EXPECT_FALSE(key_file_exists(file).value());
    EXPECT_FALSE(read_keys(file));
    EXPECT_FALSE(std::filesystem::exists(file));
}

TEST_F(KeysTest, RotationKeepsEverySigningKeyOfEarlierGenerations) {
    const auto file = m_dir / "redress.key";
    const auto first = create_keys(file, 1);
    const auto third = read_keys(file, 3);
    ASSERT_TRUE(first && third);
    ASSERT_EQ(third->signing.size(), 3u);
    EXPECT_EQ(third->signing.front().public_key, first->current_signing().public_key);
    EXPECT_NE(third->current_signing().public_key, first->current_signing().public_key);
    EXPECT_EQ(third->current_signing().generation, 3u);
    // Rotation changes only the signing key: sealed data and receipts stay readable.
    EXPECT_EQ(third->identity, first->identity);
    EXPECT_EQ(third->check, first->check);
}

TEST_F(KeysTest, DerivesADifferentKeyForEachPurpose) {
    const auto keys = create_keys(m_dir / "redress.key");
    ASSERT_TRUE(keys);
    EXPECT_NE(keys->identity, keys->receipt_hash);
    EXPECT_NE(keys->identity, keys->form_token);
    EXPECT_NE(keys->receipt_hash, keys->form_token);
    EXPECT_NE(keys->content, keys->identity);
    EXPECT_NE(keys->content, keys->receipt_hash);
    EXPECT_NE(keys->content, keys->form_token);
}

TEST_F(KeysTest, TwoDeploymentsGetDifferentKeys) {
    const auto a = create_keys(m_dir / "a.key");
    const auto b = create_keys(m_dir / "b.key");
    ASSERT_TRUE(a && b);
    EXPECT_NE(a->identity, b->identity);
    EXPECT_NE(a->check, b->check);
    EXPECT_NE(key_id(a->check), key_id(b->check));
}

TEST_F(KeysTest, RefusesAKeyFileOthersCanRead) {
    const auto file = m_dir / "redress.key";
    ASSERT_TRUE(create_keys(file));
    ::chmod(file.c_str(), 0644);
    const auto keys = read_keys(file);
    ASSERT_FALSE(keys);
    EXPECT_EQ(keys.error().code, util::ErrorCode::invalid_input);
    EXPECT_NE(keys.error().message.find("chmod 600"), std::string::npos);
}

TEST_F(KeysTest, RefusesAMalformedKeyFile) {
    const auto file = m_dir / "redress.key";
    std::ofstream(file) << "redress-key-v1 not-hex\n";
    ::chmod(file.c_str(), 0600);
    const auto keys = read_keys(file);
    ASSERT_FALSE(keys);
    EXPECT_EQ(keys.error().code, util::ErrorCode::invalid_input);
}

}  // namespace
}  // namespace redress::crypto
