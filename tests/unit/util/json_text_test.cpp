#include "util/json_text.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace redress::util {
namespace {

TEST(JsonText, WritesJsonThatReadsBackExactly) {
    const std::string hostile =
        "quote \" backslash \\ tab \t newline \n bell \x07 é 中 \xF0\x9F\x98\x80";
    JsonText record;
    record.open_object("incident")
        .text("narrative", hostile)
        .texts("categories", {"a", "b\"c"})
        .close()
        .open_list("subjects");
    record.open_object()
        .text("name", "one")
        .flag("seen", true)
        .null("badge")
        .text_or_null("unit", "")
        .text_or_null("agency", "ICE")
        .close();
    record.open_object().text("name", "").flag("seen", false).close();
    const std::string text = record.take();

    const auto parsed = nlohmann::json::parse(text, nullptr, false);
    ASSERT_FALSE(parsed.is_discarded()) << text;
    EXPECT_EQ(parsed["incident"]["narrative"], hostile);
    EXPECT_EQ(parsed["incident"]["categories"], nlohmann::json::array({"a", "b\"c"}));
    ASSERT_EQ(parsed["subjects"].size(), 2u);
    EXPECT_EQ(parsed["subjects"][0]["name"], "one");
    EXPECT_TRUE(parsed["subjects"][0]["badge"].is_null());
    EXPECT_TRUE(parsed["subjects"][0]["unit"].is_null());
    EXPECT_EQ(parsed["subjects"][0]["agency"], "ICE");
    EXPECT_EQ(parsed["subjects"][1]["seen"], false);
}

TEST(JsonText, WritesPlainTextAsItIsAndEscapesOnlyWhatMustBe) {
    const std::string text = JsonText()
                                 .text("plain", "OPR-2026-000123 at 2026-11-27T20:15:03Z")
                                 .text("mixed", "ok \"q\" \\ \x01 \x7f é")
                                 .text("", "")
                                 .take();
    EXPECT_EQ(text,
              "{\"plain\":\"OPR-2026-000123 at 2026-11-27T20:15:03Z\","
              "\"mixed\":\"ok \\\"q\\\" \\\\ \\u0001 \x7f é\",\"\":\"\"}");
}

TEST(JsonText, AnEmptyObjectIsAnEmptyObject) {
    EXPECT_EQ(JsonText().take(), "{}");
    JsonText lists;
    lists.open_list("subjects");
    EXPECT_EQ(lists.take(), R"({"subjects":[]})");
}

TEST(JsonText, BytesThatAreNotUtf8BecomeReplacementCharacters) {
    // A lone continuation byte, a truncated sequence, an overlong slash, a surrogate and a
    // code point past U+10FFFF: each is written as U+FFFD, the valid text around them kept.
    const std::string broken =
        "a\x80"
        "b\xE4\xB8"
        "c\xC0\xAF"
        "d\xED\xA0\x80"
        "e\xF4\x90\x80\x80"
        "f é";
    const std::string text = JsonText().text("t", broken).take();
    const auto parsed = nlohmann::json::parse(text, nullptr, false);
    ASSERT_FALSE(parsed.is_discarded()) << text;
    const std::string read = parsed["t"];
    EXPECT_EQ(read.find('\x80'), std::string::npos);
    EXPECT_NE(read.find("\xEF\xBF\xBD"
                        "b"),
              std::string::npos)
        << read;
    EXPECT_NE(read.find("d"), std::string::npos);
    EXPECT_NE(read.find("f é"), std::string::npos);
    EXPECT_EQ(read.substr(0, 1), "a");
}

}  // namespace
}  // namespace redress::util
