#include "i18n/languages.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "support/temp_folder.hpp"

namespace redress::i18n {
namespace {

class LanguagesTest : public ::testing::Test {
  protected:
    void write(const std::string& relative, const std::string& text) {
        const auto path = m_dir / relative;
        std::filesystem::create_directories(path.parent_path());
        std::ofstream(path) << text;
    }

    Languages english_and_spanish() {
        write("en/errors.po",
              "msgid \"hello\"\nmsgstr \"Hello\"\n\nmsgid \"shared\"\nmsgstr \"errors\"\n");
        write("en/web.po", "msgid \"shared\"\nmsgstr \"web\"\n");
        write("es/web.po", "msgid \"hello\"\nmsgstr \"Hola\"\n");
        auto languages = Languages::load(m_dir, "en");
        EXPECT_TRUE(languages) << languages.error().message;
        return std::move(*languages);
    }

    redress::testing::TempFolder m_folder;
    const std::filesystem::path& m_dir = m_folder.path();
};

TEST_F(LanguagesTest, LoadsOneCatalogueperFolderMergingFilesInNameOrder) {
    const Languages languages = english_and_spanish();
    ASSERT_EQ(languages.all().size(), 2u);
    ASSERT_NE(languages.find("en"), nullptr);
    EXPECT_EQ(languages.find("en")->text("hello"), "Hello");
    // web.po sorts after errors.po, so its message wins.
    EXPECT_EQ(languages.find("en")->text("shared"), "web");
    EXPECT_EQ(languages.find("es")->text("hello"), "Hola");
    EXPECT_EQ(languages.fallback().language(), "en");
}

TEST_F(LanguagesTest, FolderWithoutCataloguesIsIgnored) {
    write("en/web.po", "msgid \"a\"\nmsgstr \"A\"\n");
    std::filesystem::create_directories(m_dir / "fr");
    write("README.txt", "not a language");
    const auto languages = Languages::load(m_dir, "en");
    ASSERT_TRUE(languages) << languages.error().message;
    EXPECT_EQ(languages->all().size(), 1u);
    EXPECT_EQ(languages->find("fr"), nullptr);
}

TEST_F(LanguagesTest, FailsWithoutAnyCatalogue) {
    EXPECT_FALSE(Languages::load(m_dir, "en"));
    EXPECT_FALSE(Languages::load(m_dir / "absent", "en"));
}

TEST_F(LanguagesTest, FailsWhenTheDefaultLanguageHasNoCatalogue) {
    write("es/web.po", "msgid \"a\"\nmsgstr \"A\"\n");
    const auto languages = Languages::load(m_dir, "en");
    ASSERT_FALSE(languages);
    EXPECT_NE(languages.error().message.find("\"en\""), std::string::npos);
}

TEST_F(LanguagesTest, FailsOnAMalformedCatalogueNamingIt) {
    write("en/web.po", "msgid \"a\"\nmsgstr \"A\"\n");
    write("es/web.po", "msgid \"a\"\nnonsense\n");
    const auto languages = Languages::load(m_dir, "en");
    ASSERT_FALSE(languages);
    EXPECT_NE(languages.error().message.find("web.po"), std::string::npos);
    EXPECT_NE(languages.error().message.find("line 2"), std::string::npos);
}

TEST_F(LanguagesTest, FailsOnAPluralMessageThatDoesNotMatchThePluralRuleOfAnotherFile) {
    // The rule is in errors.po, the message in web.po: only the merged catalogue can tell.
    write("en/web.po", "msgid \"a\"\nmsgstr \"A\"\n");
    write("ar/errors.po", "msgid \"\"\nmsgstr \"Plural-Forms: nplurals=3; plural=n>2?2:n;\\n\"\n");
    write("ar/web.po", "msgid \"days\"\nmsgid_plural \"days\"\nmsgstr[0] \"a\"\nmsgstr[1] \"b\"\n");
    const auto languages = Languages::load(m_dir, "en");
    ASSERT_FALSE(languages);
    EXPECT_NE(languages.error().message.find("ar"), std::string::npos);
    EXPECT_NE(languages.error().message.find("has 2 plural forms"), std::string::npos)
        << languages.error().message;
}

TEST_F(LanguagesTest, FailsWhenTheFilesOfALanguageDisagreeOnPluralForms) {
    write("en/web.po", "msgid \"a\"\nmsgstr \"A\"\n");
    write("fr/errors.po", "msgid \"\"\nmsgstr \"Plural-Forms: nplurals=2; plural=n>1;\\n\"\n");
    write("fr/web.po", "msgid \"\"\nmsgstr \"Plural-Forms: nplurals=2; plural=n!=1;\\n\"\n");
    const auto languages = Languages::load(m_dir, "en");
    ASSERT_FALSE(languages);
    EXPECT_NE(languages.error().message.find("Plural-Forms"), std::string::npos);
}

TEST_F(LanguagesTest, FailsOnAnUnknownDirection) {
    write("en/web.po", "msgid \"language.direction\"\nmsgstr \"sideways\"\n");
    const auto languages = Languages::load(m_dir, "en");
    ASSERT_FALSE(languages);
    EXPECT_NE(languages.error().message.find("language.direction"), std::string::npos);
}

TEST_F(LanguagesTest, AnExplicitChoiceWins) {
    const Languages languages = english_and_spanish();
    EXPECT_EQ(languages.negotiate("es", "en").language(), "es");
    EXPECT_EQ(languages.negotiate("ES", "").language(), "es");
    EXPECT_EQ(languages.negotiate("es-MX", "en").language(), "es");
    EXPECT_EQ(languages.negotiate("en", "es").language(), "en");
}

TEST_F(LanguagesTest, AnUnknownChoiceFallsBackToTheHeader) {
    const Languages languages = english_and_spanish();
    EXPECT_EQ(languages.negotiate("fr", "es").language(), "es");
    EXPECT_EQ(languages.negotiate("<script>", "es").language(), "es");
}

TEST_F(LanguagesTest, AcceptLanguageIsOrderedByQuality) {
    const Languages languages = english_and_spanish();
    EXPECT_EQ(languages.negotiate("", "fr-CA, es-MX;q=0.8, en;q=0.5").language(), "es");
    EXPECT_EQ(languages.negotiate("", "en;q=0.2, es;q=0.9").language(), "es");
    EXPECT_EQ(languages.negotiate("", "es;q=0.5, en").language(), "en");
    EXPECT_EQ(languages.negotiate("", "ES").language(), "es");
}

TEST_F(LanguagesTest, QualityZeroExcludesALanguage) {
    const Languages languages = english_and_spanish();
    EXPECT_EQ(languages.negotiate("", "es;q=0, fr").language(), "en");
    EXPECT_EQ(languages.negotiate("", "es;q=0.0").language(), "en");
}

TEST_F(LanguagesTest, MalformedOrUnknownHeadersGiveTheDefault) {
    const Languages languages = english_and_spanish();
    EXPECT_EQ(languages.negotiate("", "").language(), "en");
    EXPECT_EQ(languages.negotiate("", "de, fr;q=0.9").language(), "en");
    EXPECT_EQ(languages.negotiate("", "es;q=abc").language(), "en");
    EXPECT_EQ(languages.negotiate("", "es;q=2").language(), "en");
    EXPECT_EQ(languages.negotiate("", ",,;;,").language(), "en");
    EXPECT_EQ(languages.negotiate("", "*").language(), "en");
}

}  // namespace
}  // namespace redress::i18n
