#include "cli/data_folder.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "support/temp_folder.hpp"

namespace redress::cli {
namespace {

using Perms = std::filesystem::perms;

const std::filesystem::path k_share = REDRESS_SHARE_DIR;

Perms mode_of(const std::filesystem::path& path) {
    return std::filesystem::status(path).permissions() & Perms::all;
}

// The usual umask, under which a folder is made 0755 and a file 0644 unless the code
// tightens them: the test then shows the code's doing, not the environment's.
class DataFolderTest : public ::testing::Test {
  protected:
    void SetUp() override { m_umask = ::umask(022); }
    void TearDown() override { ::umask(m_umask); }

    testing::TempFolder m_temp;
    mode_t m_umask = 0;
};

TEST_F(DataFolderTest, ANewFolderIsTheOwnersOnlyAndItsConfigurationToo) {
    const auto data = m_temp.path() / "deep" / "data";
    const auto config = data / "redress.toml";
    ASSERT_EQ(mode_of(k_share / "config" / "redress.sample.toml") & Perms::others_read,
              Perms::others_read)
        << "the sample must be readable by others for this test to show anything";

    const auto prepared = prepare_data_folder(data, config, k_share);

    ASSERT_TRUE(prepared) << prepared.error().message;
    EXPECT_EQ(mode_of(data), Perms::owner_all);
    ASSERT_TRUE(std::filesystem::is_regular_file(config));
    EXPECT_EQ(mode_of(config), Perms::owner_read | Perms::owner_write);
}

TEST_F(DataFolderTest, AConfigurationAlreadyThereIsLeftAsItIs) {
    const auto data = m_temp.path() / "data";
    std::filesystem::create_directory(data);
    const auto config = data / "redress.toml";
    std::ofstream(config) << "# the operator's own\n";
    std::filesystem::permissions(config,
                                 Perms::owner_read | Perms::owner_write | Perms::group_read);

    ASSERT_TRUE(prepare_data_folder(data, config, k_share));

    std::ifstream in(config);
    std::string first;
    std::getline(in, first);
    EXPECT_EQ(first, "# the operator's own");
    EXPECT_EQ(mode_of(config), Perms::owner_read | Perms::owner_write | Perms::group_read);
}

TEST_F(DataFolderTest, AFileWhereTheFolderShouldBeIsRefused) {
    const auto data = m_temp.path() / "data";
    std::ofstream(data) << "not a folder\n";

    const auto prepared = prepare_data_folder(data, data / "redress.toml", k_share);

    ASSERT_FALSE(prepared);
    EXPECT_EQ(prepared.error().code, util::ErrorCode::invalid_input);
}

}  // namespace
}  // namespace redress::cli
