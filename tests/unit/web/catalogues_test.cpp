// The web's words: every message a template names exists in every language, and the
// languages have the same keys, so no page shows a bare key.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "i18n/languages.hpp"
#include "web/messages.hpp"

namespace redress::web {
namespace {

i18n::Languages real_languages() {
    auto languages = i18n::Languages::load(REDRESS_SHARE_DIR "/locale", "en");
    if (!languages) throw std::runtime_error(languages.error().message);
    return std::move(*languages);
}

std::set<std::string> keys_of(const i18n::Catalogue& catalogue) {
    std::set<std::string> keys;
    for (const auto& [key, text] : catalogue.all()) keys.insert(key);
    return keys;
}

std::set<std::string> plural_keys_of(const i18n::Catalogue& catalogue) {
    std::set<std::string> keys;
    for (const auto& [key, forms] : catalogue.plurals()) keys.insert(key);
    return keys;
}

// The {placeholders} of a message: the server fills them, so a translation must keep them.
std::set<std::string> placeholders(std::string_view text) {
    static const std::regex k_placeholder(R"(\{[a-z_]+\})");
    std::set<std::string> names;
    const std::string copy(text);
    for (std::sregex_iterator it(copy.begin(), copy.end(), k_placeholder), end; it != end; ++it) {
        names.insert(it->str());
    }
    return names;
}

TEST(WebCatalogues, ThePublicSideSpeaksAtLeastFiveLanguages) {
    const auto languages = real_languages();
    for (const char* language : {"en", "es", "fr", "ht", "ar"}) {
        const i18n::Catalogue* catalogue = languages.find(language);
        ASSERT_NE(catalogue, nullptr) << language;
        EXPECT_EQ(catalogue->language(), language);
    }
    EXPECT_EQ(languages.find("ar")->direction(), i18n::Direction::right_to_left);
    EXPECT_EQ(languages.find("fr")->direction(), i18n::Direction::left_to_right);
    EXPECT_EQ(languages.find("ar")->plural_rule().count(), 6u);
    EXPECT_EQ(languages.find("fr")->plural_rule().form(0), 0u);  // "0 jour", as for 1
    EXPECT_EQ(languages.find("en")->plural_rule().form(0), 1u);  // "0 days"
}

// Fails naming each message a language lacks (or has that English does not), so that a
// key added to English shows here until every language has it.
TEST(WebCatalogues, EveryLanguageHasTheSameKeys) {
    const auto languages = real_languages();
    ASSERT_GE(languages.all().size(), 5u);
    // The staff console ("staff." keys, share/locale/en/staff.po) is English for now.
    auto english = keys_of(languages.fallback());
    std::erase_if(english, [](const std::string& key) { return key.starts_with("staff."); });
    const auto english_plurals = plural_keys_of(languages.fallback());
    EXPECT_FALSE(english_plurals.empty());
    for (const auto& catalogue : languages.all()) {
        const auto keys = keys_of(catalogue);
        for (const auto& key : english) {
            EXPECT_TRUE(keys.contains(key)) << catalogue.language() << " lacks " << key;
        }
        for (const auto& key : keys) {
            if (key.starts_with("staff.")) continue;
            EXPECT_TRUE(english.contains(key)) << catalogue.language() << " has extra " << key;
        }
        EXPECT_EQ(plural_keys_of(catalogue), english_plurals) << catalogue.language();
    }
}

TEST(WebCatalogues, TranslationsKeepThePlaceholders) {
    const auto languages = real_languages();
    const auto& english = languages.fallback();
    for (const auto& catalogue : languages.all()) {
        for (const auto& [key, text] : catalogue.all()) {
            if (!english.has(key)) continue;
            EXPECT_EQ(placeholders(text), placeholders(english.text(key)))
                << catalogue.language() << " " << key << ": " << text;
        }
        // A plural form may leave the number out ("one day" in Arabic says no digit),
        // but no form may add one, and the forms together keep them all.
        for (const auto& [key, forms] : catalogue.plurals()) {
            if (!english.has_plural(key)) continue;
            std::set<std::string> wanted;
            for (const auto& form : english.plurals().at(key)) wanted.merge(placeholders(form));
            std::set<std::string> given;
            for (const auto& form : forms) {
                const auto names = placeholders(form);
                for (const auto& name : names) {
                    EXPECT_TRUE(wanted.contains(name))
                        << catalogue.language() << " " << key << ": " << form;
                }
                given.insert(names.begin(), names.end());
            }
            EXPECT_EQ(given, wanted) << catalogue.language() << " " << key;
        }
    }
}

TEST(WebCatalogues, TheLanguageDirectionIsStatedEverywhere) {
    const auto languages = real_languages();
    for (const auto& catalogue : languages.all()) {
        EXPECT_TRUE(catalogue.has(i18n::Catalogue::k_direction_key)) << catalogue.language();
        EXPECT_TRUE(catalogue.has(i18n::Catalogue::k_name_key)) << catalogue.language();
    }
}

// Translations that no native speaker has checked say so in every file's header, so that
// a deployment knows what to have reviewed.
TEST(WebCatalogues, UnreviewedTranslationsAreMarked) {
    for (const char* language : {"fr", "ht", "ar"}) {
        std::size_t files = 0;
        for (const auto& file : std::filesystem::directory_iterator(
                 std::string(REDRESS_SHARE_DIR "/locale/") + language)) {
            if (file.path().extension() != ".po") continue;
            std::ifstream in(file.path());
            std::stringstream text;
            text << in.rdbuf();
            EXPECT_NE(text.str().find("\"X-Redress-Review: not reviewed by a native speaker\\n\""),
                      std::string::npos)
                << file.path();
            EXPECT_NE(text.str().find(std::string("\"Language: ") + language + "\\n\""),
                      std::string::npos)
                << file.path();
            EXPECT_NE(text.str().find("\"Plural-Forms: "), std::string::npos) << file.path();
            ++files;
        }
        EXPECT_GE(files, 3u) << language;
    }
}

TEST(WebCatalogues, EveryMessageATemplateNamesExists) {
    const auto languages = real_languages();
    // Lower-case template variables are catalogue messages (upper-case ones are computed).
    const std::regex variable(R"(\{\{([a-z][a-z0-9_]*)(:[a-z_]+)?\}\})");
    std::size_t checked = 0;
    for (const auto& file : std::filesystem::directory_iterator(REDRESS_SHARE_DIR "/templates")) {
        std::ifstream in(file.path());
        std::stringstream text;
        text << in.rdbuf();
        const std::string content = text.str();
        for (std::sregex_iterator it(content.begin(), content.end(), variable), end; it != end;
             ++it) {
            const std::string name = (*it)[1];
            for (const auto& catalogue : languages.all()) {
                bool found = false;
                for (const auto& [key, message] : catalogue.all()) {
                    if (variable_name(key) == name) found = true;
                }
                EXPECT_TRUE(found) << name << " in " << file.path().filename() << " ("
                                   << catalogue.language() << ")";
            }
            ++checked;
        }
    }
    EXPECT_GT(checked, 50u);
}

}  // namespace
}  // namespace redress::web
