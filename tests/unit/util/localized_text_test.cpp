#include "util/localized_text.hpp"

#include <gtest/gtest.h>

namespace redress::util {
namespace {

using ByLanguage = std::map<std::string, std::string, std::less<>>;

TEST(LocalizedText, PrefersTheLanguageThenEnglishThenAny) {
    const LocalizedText both(ByLanguage{{"en", "Office"}, {"es", "Oficina"}});
    EXPECT_EQ(both.in("es"), "Oficina");
    EXPECT_EQ(both.in("fr"), "Office");

    const LocalizedText spanish_only(ByLanguage{{"es", "Oficina"}});
    EXPECT_EQ(spanish_only.in("en"), "Oficina");
}

TEST(LocalizedText, EmptyGivesEmptyText) {
    const LocalizedText none;
    EXPECT_TRUE(none.empty());
    EXPECT_EQ(none.in("en"), "");
}

}  // namespace
}  // namespace redress::util
