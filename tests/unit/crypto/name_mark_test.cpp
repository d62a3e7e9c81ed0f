// How names are marked so that two spellings of one name match.

#include "crypto/name_mark.hpp"

#include <gtest/gtest.h>

#include "crypto/keys.hpp"

namespace redress::crypto {
namespace {

TEST(NameMark, WordsAreLowerCaseSortedAndFreeOfPunctuation) {
    EXPECT_EQ(name_words("GARCIA, Maria"), "garcia maria");
    EXPECT_EQ(name_words("  maria   garcia "), "garcia maria");
    EXPECT_EQ(name_words("O'Neil-Smith"), "neil o smith");
    // Letters outside ASCII are kept as written, upper case included.
    EXPECT_EQ(name_words("Zoë Çelik"), "zoë Çelik");
    EXPECT_EQ(name_words(" ,.; "), "");
}

TEST(NameMark, TwoSpellingsOfOneNameGetOneMark) {
    init();
    Key key{};
    key.fill(7);
    EXPECT_EQ(name_mark(key, "GARCIA, Maria"), name_mark(key, "maria garcia"));
    EXPECT_NE(name_mark(key, "M. Garcia"), name_mark(key, "maria garcia"));
    EXPECT_EQ(name_mark(key, "  "), ShortDigest{});
    Key other{};
    other.fill(8);
    EXPECT_NE(name_mark(other, "maria garcia"), name_mark(key, "maria garcia"));
}

}  // namespace
}  // namespace redress::crypto
