#include "intake/record_text.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace redress::intake {
namespace {

TEST(RecordText, WritesJsonThatReadsBackExactly) {
    const std::string hostile =
        "quote \" backslash \\ tab \t newline \n bell \x07 é 中 \xF0\x9F\x98\x80";
    RecordText record;
    record.open_object("incident")
        .text("narrative", hostile)
        .texts("categories", {"a", "b\"c"})
        .close()
        .open_list("subjects");
    record.open_object().text("name", "one").flag("seen", true).close();
    record.open_object().text("name", "").flag("seen", false).close();
    const std::string text = record.take();

    const auto parsed = nlohmann::json::parse(text, nullptr, false);
    ASSERT_FALSE(parsed.is_discarded()) << text;
    EXPECT_EQ(parsed["incident"]["narrative"], hostile);
    EXPECT_EQ(parsed["incident"]["categories"], nlohmann::json::array({"a", "b\"c"}));
    ASSERT_EQ(parsed["subjects"].size(), 2u);
    EXPECT_EQ(parsed["subjects"][0]["name"], "one");
    EXPECT_EQ(parsed["subjects"][1]["seen"], false);
}

TEST(RecordText, AnEmptyRecordIsAnEmptyObject) {
    EXPECT_EQ(RecordText().take(), "{}");
    RecordText lists;
    lists.open_list("subjects");
    EXPECT_EQ(lists.take(), R"({"subjects":[]})");
}

}  // namespace
}  // namespace redress::intake
