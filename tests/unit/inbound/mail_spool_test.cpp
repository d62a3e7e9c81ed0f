#include "inbound/mail_spool.hpp"

#include <gtest/gtest.h>

#include <regex>

#include "support/temp_folder.hpp"
#include "unit/inbound/spool_input.hpp"

namespace redress::inbound {
namespace {

TEST(MailSpool, KeepsAMessageWholeUnderAFinalName) {
    testing::TempFolder folder;
    const auto spool = folder.path() / "spool" / "mail";
    const std::string message = "From: a@example.org\r\nSubject: x\r\n\r\nHello\r\n";
    auto name = testing::spool_text(spool, folder.path(), message, 1024);
    ASSERT_TRUE(name) << name.error().message;
    EXPECT_TRUE(std::regex_match(*name, std::regex("[0-9]{13}-[0-9a-f]{32}\\.eml")));
    EXPECT_EQ(testing::read_text(spool / *name), message);
    // Nothing else is left in the folder: no temporary file.
    std::size_t entries = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(spool)) {
        ++entries;
    }
    EXPECT_EQ(entries, 1u);
    auto listed = spooled_messages(spool);
    ASSERT_TRUE(listed);
    EXPECT_EQ(*listed, std::vector<std::string>{*name});
    EXPECT_FALSE(spooled_cut(*name));
}

TEST(MailSpool, ListsOldestFirstAndIgnoresTemporaryFiles) {
    testing::TempFolder folder;
    const auto spool = folder.path() / "spool";
    auto first = testing::spool_text(spool, folder.path(), "a", 10);
    auto second = testing::spool_text(spool, folder.path(), "b", 10);
    ASSERT_TRUE(first && second);
    std::ofstream(spool / ".0123.partial") << "half";
    std::ofstream(spool / "0000000000001-zz.eml") << "old";
    auto listed = spooled_messages(spool);
    ASSERT_TRUE(listed);
    ASSERT_EQ(listed->size(), 3u);
    EXPECT_EQ(listed->front(), "0000000000001-zz.eml");
    EXPECT_TRUE(*first < *second || first->substr(0, 13) == second->substr(0, 13));
}

TEST(MailSpool, KeepsAMessageAtTheLimitWhole) {
    testing::TempFolder folder;
    const auto spool = folder.path() / "spool";
    const std::string message(100, 'x');
    auto name = testing::spool_text(spool, folder.path(), message, 100);
    ASSERT_TRUE(name);
    EXPECT_FALSE(spooled_cut(*name));
    EXPECT_EQ(testing::read_text(spool / *name), message);
}

TEST(MailSpool, KeepsAMessageOneByteOverTheLimitCutAndMarked) {
    testing::TempFolder folder;
    const auto spool = folder.path() / "spool";
    const std::string message = std::string(100, 'x') + "y";
    auto name = testing::spool_text(spool, folder.path(), message, 100);
    ASSERT_TRUE(name);
    EXPECT_TRUE(spooled_cut(*name));
    EXPECT_TRUE(name->ends_with("-cut.eml"));
    const auto kept = testing::read_text(spool / *name);
    EXPECT_TRUE(kept.starts_with(std::string(100, 'x')));
    EXPECT_EQ(kept.substr(0, 101), std::string(100, 'x') + "\r");  // the marker follows
    EXPECT_NE(kept.find("cut at 100 of 101 bytes"), std::string::npos);
}

TEST(MailSpool, ReadsAllOfALargeInputButKeepsOnlyTheLimit) {
    testing::TempFolder folder;
    const auto spool = folder.path() / "spool";
    const std::string message(300 * 1024, 'z');
    auto name = testing::spool_text(spool, folder.path(), message, 1000);
    ASSERT_TRUE(name);
    EXPECT_TRUE(spooled_cut(*name));
    EXPECT_LT(std::filesystem::file_size(spool / *name), 1100u);
    EXPECT_NE(testing::read_text(spool / *name).find("of 307200 bytes"), std::string::npos);
}

TEST(MailSpool, FailsWhenTheFolderCannotBeMade) {
    testing::TempFolder folder;
    std::ofstream(folder.path() / "not-a-folder") << "file";
    auto name =
        testing::spool_text(folder.path() / "not-a-folder" / "spool", folder.path(), "m", 10);
    EXPECT_FALSE(name);
}

TEST(MailSpool, RemovesWhatWasTaken) {
    testing::TempFolder folder;
    const auto spool = folder.path() / "spool";
    auto name = testing::spool_text(spool, folder.path(), "m", 10);
    ASSERT_TRUE(name);
    EXPECT_TRUE(remove_spooled(spool, *name));
    EXPECT_FALSE(std::filesystem::exists(spool / *name));
    // Removing it again (a removal a crash undid, then redone) is no failure.
    EXPECT_TRUE(remove_spooled(spool, *name));
}

}  // namespace
}  // namespace redress::inbound
