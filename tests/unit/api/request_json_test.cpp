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

TEST(RequestJson, KeptValuesReadBackExactly) {
    const auto parsed = parse_bounded(
        R"( {"text":"quote \" slash \/ tab \t \u00e9 \ud83d\ude00 é","n":-12,"u":18446744073709551615,)"
        R"("f":1.5,"t":true,"z":null,"nested":[{"k":["v"]}],"same":1,"same":2} )",
        JsonBounds{});
    ASSERT_FALSE(parsed.is_discarded());
    EXPECT_EQ(parsed.at("text"), "quote \" slash / tab \t \u00e9 \U0001F600 \u00e9");
    EXPECT_EQ(parsed.at("n"), -12);
    EXPECT_EQ(parsed.at("u"), 18446744073709551615ULL);
    EXPECT_EQ(parsed.at("f"), 1.5);
    EXPECT_EQ(parsed.at("t"), true);
    EXPECT_TRUE(parsed.at("z").is_null());
    EXPECT_EQ(parsed.at("nested")[0].at("k")[0], "v");
    EXPECT_EQ(parsed.at("same"), 2);  // the last of a repeated key, as a document keeps it
}

TEST(RequestJson, OnlyStrictJsonIsRead) {
    for (const std::string& text : {
             std::string(R"({"a":"\u00c3("})"),  // an escape is a code point, not a byte
         }) {
        EXPECT_FALSE(parse_bounded(text, JsonBounds{}).is_discarded()) << text;
    }
    for (const std::string& text : {
             std::string("{\"a\":\"\xC3\x28\"}"),      // ill-formed UTF-8
             std::string("{\"a\":\"\xED\xA0\x80\"}"),  // a surrogate in UTF-8
             std::string(R"({"a":1} x)"),              // something after the value
             std::string(R"({"a":1}{"b":2})"),         // a second value
             std::string(R"({"a":1,})"),               // a trailing comma
             std::string(R"({"a":1 /* note */})"),     // a comment
             std::string(R"({"a":NaN})"),
             std::string(R"({"a":"unterminated)"),
             std::string(""),
             std::string("   "),
         }) {
        EXPECT_TRUE(parse_bounded(text, JsonBounds{}).is_discarded()) << text;
    }
}

TEST(RequestJson, WhatIsDroppedIsDroppedWhole) {
    // A member past the bound is read to its end, nested containers included, and the
    // members after it are counted and dropped as well.
    const JsonBounds bounds{.max_depth = 5, .max_array_elements = 2, .max_object_members = 1};
    const auto parsed =
        parse_bounded(R"({"a":[{"x":1,"y":2},[1,2,3],{"z":[1]}],"b":{"c":[[1]]}})", bounds);
    ASSERT_FALSE(parsed.is_discarded());
    ASSERT_EQ(parsed.size(), 1u);
    ASSERT_EQ(parsed.at("a").size(), 2u);
    EXPECT_EQ(parsed.at("a")[0], (nlohmann::json{{"x", 1}}));
    EXPECT_EQ(parsed.at("a")[1], nlohmann::json::array({1, 2}));
    // Too deep is too deep even inside what is dropped.
    EXPECT_TRUE(parse_bounded(R"({"a":1,"b":[[[[[[1]]]]]]})", bounds).is_discarded());
}

}  // namespace
}  // namespace redress::api
