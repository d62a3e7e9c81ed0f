#include "util/text.hpp"

#include <gtest/gtest.h>

#include <string>

namespace redress::util {
namespace {

TEST(Trim, RemovesAsciiWhitespaceAtBothEndsOnly) {
    EXPECT_EQ(trim("  a b \t\r\n"), "a b");
    EXPECT_EQ(trim("\n\nline one\nline two\n"), "line one\nline two");
    EXPECT_EQ(trim("   "), "");
    EXPECT_EQ(trim(""), "");
    EXPECT_EQ(trim("x"), "x");
}

TEST(Trim, LeavesNonAsciiCharactersAlone) {
    // U+00A0 (no-break space) is not trimmed: only ASCII whitespace is.
    EXPECT_EQ(trim("\xC2\xA0x "), "\xC2\xA0x");
    EXPECT_EQ(trim(" Peña "), "Peña");
}

TEST(ToLowerAscii, FoldsOnlyAsciiLetters) {
    EXPECT_EQ(to_lower_ascii("OPEN Ñ 42"), "open Ñ 42");
    EXPECT_EQ(to_lower_ascii(""), "");
}

TEST(ContainsIgnoringCase, FindsAnywhereIgnoringAsciiCase) {
    EXPECT_TRUE(contains_ignoring_case("U.S. Immigration and Customs Enforcement", "customs"));
    EXPECT_TRUE(contains_ignoring_case("ice ERO", "ICE"));
    EXPECT_TRUE(contains_ignoring_case("anything", ""));
    EXPECT_FALSE(contains_ignoring_case("Border Patrol", "ICE"));
    EXPECT_FALSE(contains_ignoring_case("ic", "ice"));
    EXPECT_FALSE(contains_ignoring_case("", "ice"));
}

TEST(ValidUtf8, AcceptsWellFormedText) {
    EXPECT_TRUE(valid_utf8(""));
    EXPECT_TRUE(valid_utf8("plain ascii"));
    EXPECT_TRUE(valid_utf8("año, niño, 日本, 😀"));
    EXPECT_TRUE(valid_utf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF
    EXPECT_TRUE(valid_utf8("\xED\x9F\xBF"));      // U+D7FF, just below the surrogates
    EXPECT_TRUE(valid_utf8(std::string("a\0b", 3)));
}

TEST(ValidUtf8, RejectsMalformedText) {
    EXPECT_FALSE(valid_utf8("\x80"));              // lone continuation byte
    EXPECT_FALSE(valid_utf8("\xC3"));              // truncated sequence
    EXPECT_FALSE(valid_utf8("\xC3x"));             // bad continuation
    EXPECT_FALSE(valid_utf8("\xC0\xAF"));          // overlong '/'
    EXPECT_FALSE(valid_utf8("\xE0\x80\xAF"));      // overlong 3-byte
    EXPECT_FALSE(valid_utf8("\xF0\x80\x80\xAF"));  // overlong 4-byte
    EXPECT_FALSE(valid_utf8("\xED\xA0\x80"));      // U+D800 surrogate
    EXPECT_FALSE(valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
    EXPECT_FALSE(valid_utf8("\xFF"));
    EXPECT_FALSE(valid_utf8("ok\xE2\x82"));  // truncated at the end
}

TEST(CodePoints, CountsCharactersNotBytes) {
    EXPECT_EQ(code_points(""), 0u);
    EXPECT_EQ(code_points("abc"), 3u);
    EXPECT_EQ(code_points("año"), 3u);
    EXPECT_EQ(code_points("日本"), 2u);
    EXPECT_EQ(code_points("😀x"), 2u);
}

TEST(HasForbiddenControls, AllowsTabAlwaysAndNewlinesWhenAsked) {
    EXPECT_FALSE(has_forbidden_controls("a\tb", false));
    EXPECT_FALSE(has_forbidden_controls("line\r\nline", true));
    EXPECT_TRUE(has_forbidden_controls("line\nline", false));
    EXPECT_TRUE(has_forbidden_controls("line\rline", false));
    EXPECT_FALSE(has_forbidden_controls("año 日本", false));
}

TEST(HasForbiddenControls, RejectsC0DelC1AndBidiOverrides) {
    EXPECT_TRUE(has_forbidden_controls(std::string("a\0b", 3), true));
    EXPECT_TRUE(has_forbidden_controls("a\x1B[31m", true));  // escape
    EXPECT_TRUE(has_forbidden_controls("a\x7F", true));      // DEL
    EXPECT_TRUE(has_forbidden_controls("a\xC2\x85", true));  // U+0085 (C1)
    EXPECT_TRUE(
        has_forbidden_controls("\xE2\x80\xAE"
                               "fdp.exe",
                               true));                           // U+202E
    EXPECT_TRUE(has_forbidden_controls("\xE2\x81\xA6x", true));  // U+2066
    EXPECT_FALSE(has_forbidden_controls("\xE2\x80\x8F", true));  // U+200F mark: allowed
}

}  // namespace
}  // namespace redress::util
