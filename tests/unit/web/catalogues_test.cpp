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

TEST(WebCatalogues, EveryLanguageHasTheSameKeys) {
    const auto languages = real_languages();
    ASSERT_GE(languages.all().size(), 2u);
    const auto english = keys_of(languages.fallback());
    for (const auto& catalogue : languages.all()) {
        EXPECT_EQ(keys_of(catalogue), english) << catalogue.language();
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
