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

}  // namespace
}  // namespace redress::api
