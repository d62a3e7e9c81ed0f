#include "cli/common_passwords.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "config/config.hpp"
#include "support/skip.hpp"
#include "support/temp_folder.hpp"

namespace redress::cli {
namespace {

class CommonPasswordsFileTest : public ::testing::Test {
  protected:
    std::filesystem::path write(std::string_view content) const {
        const auto path = m_folder / "passwords.lst";
        std::ofstream(path, std::ios::binary) << content;
        return path;
    }

    testing::TempFolder m_folder;
};

TEST_F(CommonPasswordsFileTest, ReadsOnePasswordPerLine) {
    const auto common = load_common_passwords(write("dragon\nmonkey\nsunshine\n"));
    ASSERT_TRUE(common.has_value()) << common.error().message;
    EXPECT_EQ(common->size(), 3U);
    EXPECT_TRUE(common->contains("dragon"));
    EXPECT_TRUE(common->contains("monkey"));
    EXPECT_TRUE(common->contains("sunshine"));
}

TEST_F(CommonPasswordsFileTest, ReadsWindowsLineEndsAndALastLineWithoutOne) {
    const auto common = load_common_passwords(write("dragon\r\nmonkey\r\nsunshine"));
    ASSERT_TRUE(common.has_value());
    EXPECT_EQ(common->size(), 3U);
    EXPECT_TRUE(common->contains("monkey"));
    EXPECT_TRUE(common->contains("sunshine"));
    EXPECT_FALSE(common->contains("monkey\r"));
}

TEST_F(CommonPasswordsFileTest, SkipsJohnsCommentsAndEmptyLines) {
    const auto common =
        load_common_passwords(write("#!comment: a list of passwords\n\n#!comment:\ndragon\n\n"
                                    "# not a comment in this format\n"));
    ASSERT_TRUE(common.has_value());
    EXPECT_EQ(common->size(), 2U);
    EXPECT_TRUE(common->contains("dragon"));
    EXPECT_TRUE(common->contains("# not a comment in this format"));
    EXPECT_FALSE(common->contains("#!comment: a list of passwords"));
}

TEST_F(CommonPasswordsFileTest, KeepsSpacesAndCase) {
    const auto common = load_common_passwords(write("I Love You\n"));
    ASSERT_TRUE(common.has_value());
    EXPECT_TRUE(common->contains("i love you"));
    EXPECT_FALSE(common->contains("iloveyou"));
}

TEST_F(CommonPasswordsFileTest, SkipsLinesLongerThan256Bytes) {
    const std::string longest(256, 'a');
    const std::string too_long(257, 'b');
    const std::string longest_crlf = std::string(256, 'c') + "\r";
    const auto common =
        load_common_passwords(write("dragon\n" + longest + "\n" + too_long + "\n" + longest_crlf +
                                    "\n" + std::string(100000, 'd') + "\nmonkey"));
    ASSERT_TRUE(common.has_value());
    EXPECT_EQ(common->size(), 4U);
    EXPECT_TRUE(common->contains(longest));
    EXPECT_TRUE(common->contains(std::string(256, 'c')));
    EXPECT_FALSE(common->contains(too_long));
    EXPECT_FALSE(common->contains(too_long.substr(0, 256)));
    EXPECT_TRUE(common->contains("dragon"));
    EXPECT_TRUE(common->contains("monkey"));
}

TEST_F(CommonPasswordsFileTest, StopsAtAMillionPasswords) {
    std::string content;
    content.reserve(9 * (k_common_passwords_max + 10));
    for (std::size_t i = 0; i < k_common_passwords_max + 10; ++i) {
        content += std::to_string(10'000'000 + i);
        content += '\n';
    }
    const auto common = load_common_passwords(write(content));
    ASSERT_TRUE(common.has_value());
    EXPECT_EQ(common->size(), k_common_passwords_max);
    EXPECT_TRUE(common->contains(std::to_string(10'000'000 + k_common_passwords_max - 1)));
    EXPECT_FALSE(common->contains(std::to_string(10'000'000 + k_common_passwords_max)));
}

TEST_F(CommonPasswordsFileTest, AMissingFileIsAClearError) {
    const auto common = load_common_passwords(m_folder / "absent.lst");
    ASSERT_FALSE(common.has_value());
    EXPECT_EQ(common.error().code, util::ErrorCode::not_found);
    EXPECT_NE(common.error().message.find("absent.lst"), std::string::npos);
}

TEST_F(CommonPasswordsFileTest, AFolderIsNotAList) {
    const auto common = load_common_passwords(m_folder.path());
    ASSERT_FALSE(common.has_value());
    EXPECT_EQ(common.error().code, util::ErrorCode::invalid_input);
}

TEST_F(CommonPasswordsFileTest, AListOfNothingIsRefused) {
    const auto common = load_common_passwords(write("#!comment: only this\n\n\n"));
    ASSERT_FALSE(common.has_value());
    EXPECT_EQ(common.error().code, util::ErrorCode::invalid_input);
}

// The list the deployment uses by default, from Debian's ncrack package.
TEST(DefaultCommonPasswordsTest, TheDebianListLoadsAndRefusesTheUsualPasswords) {
    const std::filesystem::path file = config::Config{}.staff.common_passwords_file;
    if (!std::filesystem::exists(file)) {
        REDRESS_SKIP() << file << " is missing: scripts/install-dependencies installs ncrack";
    }
    const auto common = load_common_passwords(file);
    ASSERT_TRUE(common.has_value()) << common.error().message;
    EXPECT_GT(common->size(), 40'000U);
    for (const std::string_view password :
         {"password1234", "Iloveyou2024!", "qwertyuiop123", "Manchesterunited", "tequieromucho",
          "ichliebedich", "Football12345"}) {
        EXPECT_EQ(domain::check_password(password, "jdoe", *common),
                  domain::PasswordProblem::common)
            << password;
    }
    EXPECT_EQ(domain::check_password("violet kettle on the stairs", "jdoe", *common), std::nullopt);
}

}  // namespace
}  // namespace redress::cli
