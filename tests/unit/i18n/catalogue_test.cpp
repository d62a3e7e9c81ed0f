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
    expect_malformed_at("msgid \"a\"\nmsgid_plural \"a\"\n", "line 1");
    expect_malformed_at("msgid \"a\"\nmsgstr[0] \"A\"\n", "line 2");
    expect_malformed_at("msgid \"a\"\nmsgid_plural \"a\"\nmsgstr[1] \"A\"\n", "line 3");
    expect_malformed_at("msgid \"a\"\nmsgid_plural \"a\"\nmsgstr \"A\"\n", "line 3");
    expect_malformed_at("msgid \"a\"\nmsgstr \"A\"\nmsgid_plural \"a\"\n", "line 3");
    expect_malformed_at("msgid \"a\"\nmsgid_plural \"a\"\nmsgstr[x] \"A\"\n", "line 3");
    expect_malformed_at("msgstr \"no id\"\n", "line 1");
    expect_malformed_at("msgid \"a\"\nmsgstr \"A\" trailing\n", "line 2");
    expect_malformed_at("msgid \"a\"\n\nmsgid \"b\"\nmsgstr \"B\"\n", "line 1");
    expect_malformed_at("msgid \"a\"\nmsgstr \"A\"\n\nmsgid \"a\"\nmsgstr \"again\"\n", "line 4");
}

constexpr std::string_view k_arabic_days = R"(msgid ""
msgstr ""
"Language: ar\n"
"Plural-Forms: nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : "
"n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5;\n"

msgid "days"
msgid_plural "days"
msgstr[0] "{n} يوم"
msgstr[1] "يوم واحد"
msgstr[2] "يومين"
msgstr[3] "{n} أيام"
msgstr[4] "{n} يومًا"
msgstr[5] "{n} يوم"
)";

TEST(Catalogue, ReadsPluralMessagesAndTheHeadersPluralRule) {
    const auto catalogue = Catalogue::parse(k_arabic_days, "ar");
    ASSERT_TRUE(catalogue) << catalogue.error().message;
    EXPECT_EQ(catalogue->plural_rule().count(), 6u);
    EXPECT_TRUE(catalogue->has_plural("days"));
    EXPECT_FALSE(catalogue->has("days"));  // a plural message is not a plain one
    EXPECT_EQ(catalogue->plural("days", 0), "{n} يوم");
    EXPECT_EQ(catalogue->plural("days", 1), "يوم واحد");
    EXPECT_EQ(catalogue->plural("days", 2), "يومين");
    EXPECT_EQ(catalogue->plural("days", 7), "{n} أيام");
    EXPECT_EQ(catalogue->plural("days", 30), "{n} يومًا");
    EXPECT_EQ(catalogue->plural("days", 100), "{n} يوم");
    EXPECT_EQ(catalogue->plural("days", 365), "{n} يومًا");
    EXPECT_EQ(catalogue->plural("weeks", 3), "weeks");
    EXPECT_TRUE(catalogue->check());
}

TEST(Catalogue, WithoutPluralFormsTheRuleIsOneAndOther) {
    const auto catalogue = Catalogue::parse(
        "msgid \"days\"\nmsgid_plural \"days\"\nmsgstr[0] \"{n} day\"\n"
        "msgstr[1] \"{n} days\"\n",
        "en");
    ASSERT_TRUE(catalogue) << catalogue.error().message;
    EXPECT_EQ(catalogue->plural("days", 1), "{n} day");
    EXPECT_EQ(catalogue->plural("days", 0), "{n} days");
    EXPECT_EQ(catalogue->plural("days", 2), "{n} days");
}

TEST(Catalogue, APluralMessageWithAnEmptyFormIsAGap) {
    const auto catalogue = Catalogue::parse(
        "msgid \"days\"\nmsgid_plural \"days\"\nmsgstr[0] \"{n} jour\"\nmsgstr[1] \"\"\n", "fr");
    ASSERT_TRUE(catalogue);
    EXPECT_FALSE(catalogue->has_plural("days"));
    EXPECT_EQ(catalogue->plural("days", 2), "days");
}

TEST(Catalogue, AMalformedPluralFormsNamesItsLine) {
    expect_malformed_at("msgid \"\"\nmsgstr \"\"\n\"Plural-Forms: nplurals=2; plural=n;\\n\"\n",
                        "line 1: Plural-Forms");
    expect_malformed_at("\nmsgid \"\"\nmsgstr \"Plural-Forms: nplurals=2; plural=system();\"\n",
                        "line 2: Plural-Forms");
}

TEST(Catalogue, CheckWantsAsManyFormsAsTheRule) {
    const auto three = Catalogue::parse(
        "msgid \"\"\nmsgstr \"Plural-Forms: nplurals=2; plural=n > 1;\\n\"\n\n"
        "msgid \"days\"\nmsgid_plural \"days\"\nmsgstr[0] \"a\"\nmsgstr[1] \"b\"\n"
        "msgstr[2] \"c\"\n",
        "fr");
    ASSERT_TRUE(three) << three.error().message;
    const auto checked = three->check();
    ASSERT_FALSE(checked);
    EXPECT_NE(checked.error().message.find("\"days\" has 3 plural forms"), std::string::npos)
        << checked.error().message;
}

TEST(Catalogue, TheDirectionComesFromTheCatalogue) {
    const auto arabic = Catalogue::parse("msgid \"language.direction\"\nmsgstr \"rtl\"\n", "ar");
    ASSERT_TRUE(arabic);
    EXPECT_EQ(arabic->direction(), Direction::right_to_left);
    EXPECT_TRUE(arabic->check());

    const auto unstated = Catalogue::parse("msgid \"a\"\nmsgstr \"A\"\n", "en");
    ASSERT_TRUE(unstated);
    EXPECT_EQ(unstated->direction(), Direction::left_to_right);

    const auto wrong = Catalogue::parse("msgid \"language.direction\"\nmsgstr \"right\"\n", "xx");
    ASSERT_TRUE(wrong);
    EXPECT_FALSE(wrong->check());
}

TEST(Catalogue, MergeRefusesDifferentPluralRules) {
    auto web = Catalogue::parse(k_arabic_days, "ar");
    const auto errors = Catalogue::parse(
        "msgid \"\"\nmsgstr \"Plural-Forms: nplurals=2; plural=(n != 1);\\n\"\n", "ar");
    const auto plain = Catalogue::parse("msgid \"a\"\nmsgstr \"A\"\n", "ar");
    ASSERT_TRUE(web && errors && plain);
    EXPECT_TRUE(web->merge(*plain));  // a file that states no rule agrees with any
    EXPECT_EQ(web->plural_rule().count(), 6u);
    const auto merged = web->merge(*errors);
    ASSERT_FALSE(merged);
    EXPECT_NE(merged.error().message.find("Plural-Forms"), std::string::npos);
}

TEST(Catalogue, MergeLetsTheOtherCatalogueWin) {
    auto base = Catalogue::parse("msgid \"a\"\nmsgstr \"A\"\n\nmsgid \"b\"\nmsgstr \"B\"\n", "en");
    const auto more =
        Catalogue::parse("msgid \"b\"\nmsgstr \"B2\"\n\nmsgid \"c\"\nmsgstr \"C\"\n", "en");
    ASSERT_TRUE(base && more);
    ASSERT_TRUE(base->merge(*more));
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
