#include "i18n/catalogue.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "support/temp_folder.hpp"

namespace redress::i18n {
namespace {

TEST(Catalogue, ReadsMessagesAndIgnoresTheHeaderAndComments) {
    const auto catalogue = Catalogue::parse(R"(# A translator's comment
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"

#. extracted comment
msgid "form.title"
msgstr "File a complaint"

msgid "form.narrative.label"
msgstr "What happened?"
)",
                                            "en");
    ASSERT_TRUE(catalogue) << catalogue.error().message;
    EXPECT_EQ(catalogue->language(), "en");
    EXPECT_EQ(catalogue->text("form.title"), "File a complaint");
    EXPECT_EQ(catalogue->text("form.narrative.label"), "What happened?");
    EXPECT_FALSE(catalogue->has(""));
    EXPECT_EQ(catalogue->all().size(), 2u);
}

TEST(Catalogue, JoinsContinuedStringsAndDecodesEscapes) {
    const auto catalogue = Catalogue::parse(
        "msgid \"long\"\n"
        "msgstr \"\"\n"
        "\"first \\\"quoted\\\" \"\n"
        "\"line\\nsecond\\tline \\\\ end\"\n",
        "en");
    ASSERT_TRUE(catalogue) << catalogue.error().message;
    EXPECT_EQ(catalogue->text("long"), "first \"quoted\" line\nsecond\tline \\ end");
}

TEST(Catalogue, AMissingKeyShowsTheKey) {
    const auto catalogue = Catalogue::parse("msgid \"a\"\nmsgstr \"A\"\n", "en");
    ASSERT_TRUE(catalogue);
    EXPECT_EQ(catalogue->text("not.there"), "not.there");
    EXPECT_FALSE(catalogue->has("not.there"));
    EXPECT_TRUE(catalogue->has("a"));
}

TEST(Catalogue, AnUntranslatedEntryIsAGap) {
    const auto catalogue = Catalogue::parse("msgid \"a\"\nmsgstr \"\"\n", "es");
    ASSERT_TRUE(catalogue);
    EXPECT_FALSE(catalogue->has("a"));
}

TEST(Catalogue, AcceptsWindowsLineEndingsAndNoFinalNewline) {
    const auto catalogue = Catalogue::parse("msgid \"a\"\r\nmsgstr \"A\"", "en");
    ASSERT_TRUE(catalogue) << catalogue.error().message;
    EXPECT_EQ(catalogue->text("a"), "A");
}

void expect_malformed_at(std::string_view text, std::string_view line) {
    const auto catalogue = Catalogue::parse(text, "en");
    ASSERT_FALSE(catalogue) << text;
    EXPECT_EQ(catalogue.error().code, util::ErrorCode::invalid_input);
    EXPECT_NE(catalogue.error().message.find(line), std::string::npos) << catalogue.error().message;
}

TEST(Catalogue, FailsWithTheLineOfMalformedInput) {
    expect_malformed_at("msgid \"a\"\nmsgstr \"A\"\n\nmsgid \"b\nmsgstr \"B\"\n", "line 4");
    expect_malformed_at("msgid \"a\"\nmsgstr \"bad \\q escape\"\n", "line 2");
    expect_malformed_at("msgid \"a\"\nmsgstr \"A\"\nmsgstr \"again\"\n", "line 3");
    expect_malformed_at("\"orphan\"\n", "line 1");
    expect_malformed_at("msgid \"a\"\nmsgid_plural \"as\"\n", "line 2");
    expect_malformed_at("msgstr \"no id\"\n", "line 1");
    expect_malformed_at("msgid \"a\"\nmsgstr \"A\" trailing\n", "line 2");
    expect_malformed_at("msgid \"a\"\n\nmsgid \"b\"\nmsgstr \"B\"\n", "line 1");
    expect_malformed_at("msgid \"a\"\nmsgstr \"A\"\n\nmsgid \"a\"\nmsgstr \"again\"\n", "line 4");
}

TEST(Catalogue, MergeLetsTheOtherCatalogueWin) {
    auto base = Catalogue::parse("msgid \"a\"\nmsgstr \"A\"\n\nmsgid \"b\"\nmsgstr \"B\"\n", "en");
    const auto more =
        Catalogue::parse("msgid \"b\"\nmsgstr \"B2\"\n\nmsgid \"c\"\nmsgstr \"C\"\n", "en");
    ASSERT_TRUE(base && more);
    base->merge(*more);
    EXPECT_EQ(base->text("a"), "A");
    EXPECT_EQ(base->text("b"), "B2");
    EXPECT_EQ(base->text("c"), "C");
}

class CatalogueFile : public ::testing::Test {
  protected:
    redress::testing::TempFolder m_folder;
    const std::filesystem::path& m_dir = m_folder.path();
};

TEST_F(CatalogueFile, LoadsAFile) {
    std::ofstream(m_dir / "web.po") << "msgid \"a\"\nmsgstr \"Á\"\n";
    const auto catalogue = Catalogue::load(m_dir / "web.po", "es");
    ASSERT_TRUE(catalogue) << catalogue.error().message;
    EXPECT_EQ(catalogue->text("a"), "Á");
    EXPECT_EQ(catalogue->language(), "es");
}

TEST_F(CatalogueFile, AMissingFileFails) {
    const auto catalogue = Catalogue::load(m_dir / "nothing.po", "en");
    ASSERT_FALSE(catalogue);
    EXPECT_EQ(catalogue.error().code, util::ErrorCode::not_found);
}

TEST_F(CatalogueFile, AMalformedFileNamesTheFileAndLine) {
    std::ofstream(m_dir / "broken.po") << "msgid \"a\"\nmsgstr \"A\"\n\ngarbage\n";
    const auto catalogue = Catalogue::load(m_dir / "broken.po", "en");
    ASSERT_FALSE(catalogue);
    EXPECT_NE(catalogue.error().message.find("broken.po"), std::string::npos);
    EXPECT_NE(catalogue.error().message.find("line 4"), std::string::npos);
}

}  // namespace
}  // namespace redress::i18n
