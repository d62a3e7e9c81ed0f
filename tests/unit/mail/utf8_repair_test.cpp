#include "mail/utf8_repair.hpp"

#include <gtest/gtest.h>

#include "util/text.hpp"

namespace redress::mail {
namespace {

TEST(RepairUtf8, KeepsValidText) {
    EXPECT_EQ(repair_utf8("plain"), "plain");
    EXPECT_EQ(repair_utf8("日本語 عربى 😀"), "日本語 عربى 😀");
}

TEST(RepairUtf8, ReplacesEachIllFormedSequence) {
    EXPECT_EQ(repair_utf8("a\xFF"
                          "b"),
              "a\uFFFD"
              "b");
    EXPECT_EQ(repair_utf8("\xC0\xAF"), "\uFFFD\uFFFD");                      // overlong '/'
    EXPECT_EQ(repair_utf8("\xED\xA0\x80"), "\uFFFD\uFFFD\uFFFD");            // a surrogate
    EXPECT_EQ(repair_utf8("\xF4\x90\x80\x80"), "\uFFFD\uFFFD\uFFFD\uFFFD");  // past U+10FFFF
    EXPECT_EQ(repair_utf8("end\xE2\x82"), "end\uFFFD\uFFFD");                // cut short
    for (int byte = 0; byte < 256; ++byte) {
        const std::string one(1, static_cast<char>(byte));
        EXPECT_TRUE(util::valid_utf8(repair_utf8(one + "\xE2\x82" + one)));
    }
}

TEST(RepairUtf8, DropsNul) {
    EXPECT_EQ(repair_utf8(std::string("a\0b", 3)), "ab");
}

TEST(CleanText, KeepsLinesAndTabsOrMakesThemSpaces) {
    EXPECT_EQ(clean_text("a\r\nb\rc\nd\te", Newlines::keep), "a\nb\nc\nd\te");
    EXPECT_EQ(clean_text("a\r\nb\rc\nd\te", Newlines::as_spaces), "a b c d e");
}

TEST(CleanText, DropsControlsAndBidirectionalOverrides) {
    EXPECT_EQ(clean_text("a\x07"
                         "b\x7F"
                         "c\u0085d\uFEFFe\u202Ef\u2066g",
                         Newlines::keep),
              "abcdefg");
    EXPECT_FALSE(util::has_forbidden_controls(
        clean_text("\x01\x1B[31m red \u202A\u2069", Newlines::keep), true));
}

TEST(CutUtf8, CutsOnACodePointBoundary) {
    EXPECT_EQ(cut_utf8("héllo", 2), "h");
    EXPECT_EQ(cut_utf8("héllo", 3), "hé");
    EXPECT_EQ(cut_utf8("héllo", 100), "héllo");
    EXPECT_EQ(cut_utf8("😀😀", 7), "😀");
    EXPECT_EQ(cut_utf8("😀", 3), "");
}

}  // namespace
}  // namespace redress::mail
