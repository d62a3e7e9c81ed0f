// The media type of JSON requests.

#include "api/request_json.hpp"

#include <gtest/gtest.h>

namespace redress::api {
namespace {

TEST(RequestJson, AcceptsJsonWithOrWithoutUtf8Charset) {
    EXPECT_TRUE(is_json_media_type("application/json"));
    EXPECT_TRUE(is_json_media_type("application/json; charset=utf-8"));
    EXPECT_TRUE(is_json_media_type("Application/JSON;charset=UTF-8"));
    EXPECT_TRUE(is_json_media_type(" application/json ; charset=\"utf-8\" "));
}

TEST(RequestJson, RefusesOtherMediaTypesAndCharsets) {
    EXPECT_FALSE(is_json_media_type(""));
    EXPECT_FALSE(is_json_media_type("text/plain"));
    EXPECT_FALSE(is_json_media_type("application/x-www-form-urlencoded"));
    EXPECT_FALSE(is_json_media_type("multipart/form-data; boundary=x"));
    EXPECT_FALSE(is_json_media_type("application/json-patch+json"));
    EXPECT_FALSE(is_json_media_type("application/json; charset=iso-8859-1"));
    EXPECT_FALSE(is_json_media_type("application/jsonx"));
}

TEST(RequestJson, ParsingKeepsOnlyWhatTheBoundsAllow) {
    const JsonBounds bounds{.max_depth = 4, .max_array_elements = 3, .max_object_members = 2};
    const auto parsed =
        parse_bounded(R"({"a":[1,2,3,4,5,[6,7,8,9]],"b":{"x":1,"y":2,"z":3},"c":1})", bounds);
    ASSERT_FALSE(parsed.is_discarded());
    EXPECT_EQ(parsed.size(), 2u);  // "c" is past two members
    EXPECT_EQ(parsed.at("a").size(), 3u);
    EXPECT_EQ(parsed.at("b").size(), 2u);
}

TEST(RequestJson, ValuesNestedTooDeeplyMakeTheBodyInvalid) {
    const JsonBounds bounds{.max_depth = 3};
    EXPECT_FALSE(parse_bounded(R"({"a":{"b":[1]}})", bounds).is_discarded());
    EXPECT_TRUE(parse_bounded(R"({"a":{"b":[[1]]}})", bounds).is_discarded());
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    EXPECT_TRUE(parse_bounded(deep, JsonBounds{}).is_discarded());
}

TEST(RequestJson, AListPastTheBoundStillShowsThatItIsTooLong) {
    const JsonBounds bounds{.max_array_elements = 21};
    std::string list = R"({"offices":[)";
    for (int i = 0; i < 100000; ++i) list += (i > 0 ? ",\"o" : "\"o") + std::to_string(i) + "\"";
    list += "]}";
    const auto parsed = parse_bounded(list, bounds);
    ASSERT_FALSE(parsed.is_discarded());
    EXPECT_EQ(parsed.at("offices").size(), 21u);
}

}  // namespace
}  // namespace redress::api
