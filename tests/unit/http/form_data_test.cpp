#include "http/form_data.hpp"

#include <gtest/gtest.h>

#include <string>

namespace redress::http {
namespace {

TEST(FormData, DecodesFieldsInOrder) {
    const auto form = FormData::parse("office=police&narrative=hello");
    ASSERT_TRUE(form.has_value());
    ASSERT_EQ(form->fields().size(), 2u);
    EXPECT_EQ(form->fields()[0].first, "office");
    EXPECT_EQ(form->fields()[1].second, "hello");
    EXPECT_EQ(form->get("office"), "police");
    EXPECT_TRUE(form->has("narrative"));
}

TEST(FormData, PlusIsSpaceAndPercentEscapesAreBytes) {
    const auto form = FormData::parse("text=a+b%2Bc%20d%26e%3Df&n%C3%A1me=caf%C3%A9");
    ASSERT_TRUE(form.has_value());
    EXPECT_EQ(form->get("text"), "a b+c d&e=f");
    EXPECT_EQ(form->get("n\xC3\xA1me"), "caf\xC3\xA9");
}

TEST(FormData, LowerCaseHexIsAccepted) {
    const auto form = FormData::parse("a=%c3%b1");
    ASSERT_TRUE(form.has_value());
    EXPECT_EQ(form->get("a"), "\xC3\xB1");
}

TEST(FormData, EmptyBodyHasNoFields) {
    const auto form = FormData::parse("");
    ASSERT_TRUE(form.has_value());
    EXPECT_TRUE(form->fields().empty());
    EXPECT_EQ(form->get("anything"), "");
    EXPECT_FALSE(form->has("anything"));
}

TEST(FormData, RepeatedNamesAreAllKept) {
    const auto form = FormData::parse("tag=a&other=x&tag=b&tag=");
    ASSERT_TRUE(form.has_value());
    EXPECT_EQ(form->get("tag"), "a");
    const auto all = form->get_all("tag");
    ASSERT_EQ(all.size(), 3u);
    EXPECT_EQ(all[1], "b");
    EXPECT_EQ(all[2], "");
    EXPECT_TRUE(form->get_all("missing").empty());
}

TEST(FormData, NameWithoutEqualsHasEmptyValue) {
    const auto form = FormData::parse("flag&x=1");
    ASSERT_TRUE(form.has_value());
    EXPECT_TRUE(form->has("flag"));
    EXPECT_EQ(form->get("flag"), "");
    EXPECT_EQ(form->get("x"), "1");
}

TEST(FormData, EmptyPairsAreSkipped) {
    const auto form = FormData::parse("&a=1&&b=2&");
    ASSERT_TRUE(form.has_value());
    EXPECT_EQ(form->fields().size(), 2u);
}

TEST(FormData, ValueMayContainEquals) {
    const auto form = FormData::parse("a=b=c");
    ASSERT_TRUE(form.has_value());
    EXPECT_EQ(form->get("a"), "b=c");
}

TEST(FormData, MalformedEscapesAreInvalidInput) {
    for (const char* bad : {"a=%", "a=%4", "a=%zz", "a=%4g", "%=1", "a=1&b=%%41"}) {
        const auto form = FormData::parse(bad);
        ASSERT_FALSE(form.has_value()) << bad;
        EXPECT_EQ(form.error().code, util::ErrorCode::invalid_input) << bad;
    }
}

TEST(FormData, InvalidUtf8AfterDecodingIsInvalidInput) {
    // A lone byte, an overlong '/', a surrogate, a truncated sequence, above U+10FFFF.
    for (const char* bad :
         {"a=%FF", "a=%C0%AF", "a=%ED%A0%80", "a=%E2%82", "a=%F4%90%80%80", "%FF=x"}) {
        const auto form = FormData::parse(bad);
        ASSERT_FALSE(form.has_value()) << bad;
        EXPECT_EQ(form.error().code, util::ErrorCode::invalid_input) << bad;
    }
}

TEST(FormData, RawInvalidUtf8IsRejectedToo) {
    EXPECT_FALSE(FormData::parse(std::string("a=\xFF")).has_value());
}

TEST(FormData, ManyFieldsUpToTheLimit) {
    std::string body;
    for (std::size_t i = 0; i < k_default_max_form_fields; ++i) body += "f=1&";
    const auto form = FormData::parse(body);
    ASSERT_TRUE(form.has_value());
    EXPECT_EQ(form->fields().size(), k_default_max_form_fields);
}

TEST(FormData, TooManyFieldsIsAConflictWithTheLimit) {
    std::string body;
    for (int i = 0; i < 11; ++i) body += "f=1&";
    EXPECT_TRUE(FormData::parse(body, 11).has_value());
    body += "g=2";
    const auto form = FormData::parse(body, 11);
    ASSERT_FALSE(form.has_value());
    EXPECT_EQ(form.error().code, util::ErrorCode::conflict);
}

TEST(FormData, RepeatedNamesKeepTheirOrderAndLookupsFindTheFirst) {
    const auto form = FormData::parse("b=1&a=x&b=2&c=&b=3");
    ASSERT_TRUE(form.has_value());
    EXPECT_EQ(form->get("b"), "1");
    EXPECT_EQ(form->get_all("b"), (std::vector<std::string_view>{"1", "2", "3"}));
    EXPECT_TRUE(form->has("c"));
    EXPECT_FALSE(form->has("d"));
    EXPECT_EQ(form->get("d"), "");
    EXPECT_EQ(form->fields()[1].first, "a");  // the order as sent is kept
}

}  // namespace
}  // namespace redress::http
