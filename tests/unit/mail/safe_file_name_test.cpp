#include "mail/safe_file_name.hpp"

#include <gtest/gtest.h>

#include "util/text.hpp"

namespace redress::mail {
namespace {

TEST(SafeFileName, KeepsAnOrdinaryName) {
    EXPECT_EQ(safe_file_name("photo 1.jpg"), "photo 1.jpg");
    EXPECT_EQ(safe_file_name("évidence №1.jpg"), "évidence №1.jpg");
}

TEST(SafeFileName, DropsFolders) {
    EXPECT_EQ(safe_file_name("../../etc/passwd"), "passwd");
    EXPECT_EQ(safe_file_name("C:\\Users\\me\\report.doc"), "report.doc");
    EXPECT_EQ(safe_file_name("folder/"), "");
}

TEST(SafeFileName, DropsLeadingDotsAndSpaces) {
    EXPECT_EQ(safe_file_name("  .bashrc "), "bashrc");
    EXPECT_EQ(safe_file_name(".."), "");
    EXPECT_EQ(safe_file_name("."), "");
    EXPECT_EQ(safe_file_name(""), "");
}

TEST(SafeFileName, DropsControlsAndReorderingCharacters) {
    EXPECT_EQ(safe_file_name("a\r\nb\tc\x07.txt"), "a b c.txt");
    EXPECT_EQ(safe_file_name("invoice\u202Efdp.exe"), "invoicefdp.exe");
    EXPECT_EQ(safe_file_name(std::string("nul\0byte.txt", 12)), "nulbyte.txt");
}

TEST(SafeFileName, RepairsInvalidUtf8) {
    const auto name = safe_file_name("caf\xE9.txt");
    EXPECT_TRUE(util::valid_utf8(name));
    EXPECT_EQ(name, "caf\uFFFD.txt");
}

TEST(SafeFileName, CutsLongNamesKeepingTheExtension) {
    const std::string long_name = std::string(300, 'a') + ".pdf";
    const auto name = safe_file_name(long_name);
    EXPECT_EQ(name.size(), k_max_file_name_bytes);
    EXPECT_TRUE(name.ends_with(".pdf"));

    std::string accented;
    for (int i = 0; i < 150; ++i) accented += "é";
    const auto cut = safe_file_name(accented + ".jpg");
    EXPECT_LE(cut.size(), k_max_file_name_bytes);
    EXPECT_TRUE(util::valid_utf8(cut));
    EXPECT_TRUE(cut.ends_with(".jpg"));
}

}  // namespace
}  // namespace redress::mail
