#include <gtest/gtest.h>

#include "http/message.hpp"

namespace redress::http {
namespace {

TEST(Headers, NamesCompareWithoutCase) {
    Headers headers;
    headers.add("Content-Type", "text/plain");
    EXPECT_TRUE(headers.has("content-type"));
    EXPECT_TRUE(headers.has("CONTENT-TYPE"));
    EXPECT_EQ(headers.get("cOnTeNt-TyPe"), "text/plain");
}

TEST(Headers, AbsentNameGivesEmptyValue) {
    Headers headers;
    headers.add("Accept", "text/html");
    EXPECT_FALSE(headers.has("Accept-Language"));
    EXPECT_EQ(headers.get("Accept-Language"), "");
}

TEST(Headers, AddKeepsEveryValueAndGetReturnsTheFirst) {
    Headers headers;
    headers.add("Set-Cookie", "a=1");
    headers.add("set-cookie", "b=2");
    EXPECT_EQ(headers.all().size(), 2u);
    EXPECT_EQ(headers.get("Set-Cookie"), "a=1");
}

TEST(Headers, SetReplacesEveryValueOfTheName) {
    Headers headers;
    headers.add("X-Thing", "one");
    headers.add("x-thing", "two");
    headers.add("Other", "kept");
    headers.set("X-THING", "three");
    EXPECT_EQ(headers.all().size(), 2u);
    EXPECT_EQ(headers.get("x-thing"), "three");
    EXPECT_EQ(headers.get("Other"), "kept");
}

TEST(Response, TextIsPlainUtf8) {
    const Response response = Response::text(404, "Not Found");
    EXPECT_EQ(response.status, 404);
    EXPECT_EQ(response.headers.get("Content-Type"), "text/plain; charset=utf-8");
    EXPECT_EQ(response.body, "Not Found");
    EXPECT_EQ(response.caching, Caching::no_store);
}

TEST(Response, HtmlIsUtf8Html) {
    const Response response = Response::html(200, "<p>hola</p>");
    EXPECT_EQ(response.headers.get("Content-Type"), "text/html; charset=utf-8");
    EXPECT_EQ(response.body, "<p>hola</p>");
}

TEST(Response, JsonIsApplicationJson) {
    const Response response = Response::json(201, R"({"ok":true})");
    EXPECT_EQ(response.status, 201);
    EXPECT_EQ(response.headers.get("Content-Type"), "application/json");
}

TEST(Response, RedirectIsSeeOtherWithLocation) {
    const Response response = Response::redirect("/status?ref=A1");
    EXPECT_EQ(response.status, 303);
    EXPECT_EQ(response.headers.get("Location"), "/status?ref=A1");
    EXPECT_TRUE(response.body.empty());
}

}  // namespace
}  // namespace redress::http
