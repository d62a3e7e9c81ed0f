#include "http/target.hpp"

#include <gtest/gtest.h>

namespace redress::http {
namespace {

TEST(Target, SplitsPathAndQuery) {
    const auto target = parse_target("/status?ref=AB12&lang=es");
    ASSERT_TRUE(target.has_value());
    EXPECT_EQ(target->path, "/status");
    EXPECT_EQ(target->query, "ref=AB12&lang=es");
}

TEST(Target, NoQueryGivesEmptyQuery) {
    const auto target = parse_target("/");
    ASSERT_TRUE(target.has_value());
    EXPECT_EQ(target->path, "/");
    EXPECT_EQ(target->query, "");
}

TEST(Target, PathIsPercentDecodedButPlusStays) {
    const auto target = parse_target("/static/a%20b+c.css?x=%20");
    ASSERT_TRUE(target.has_value());
    EXPECT_EQ(target->path, "/static/a b+c.css");
    EXPECT_EQ(target->query, "x=%20");  // the query stays raw: FormData decodes it
}

TEST(Target, MalformedEscapeIsInvalidInput) {
    for (const char* bad : {"/a%", "/a%2", "/a%2x", "/%%"}) {
        const auto target = parse_target(bad);
        ASSERT_FALSE(target.has_value()) << bad;
        EXPECT_EQ(target.error().code, util::ErrorCode::invalid_input);
    }
}

TEST(Target, OnlyOriginFormIsAccepted) {
    EXPECT_FALSE(parse_target("").has_value());
    EXPECT_FALSE(parse_target("*").has_value());
    EXPECT_FALSE(parse_target("http://example.org/").has_value());
    EXPECT_FALSE(parse_target("example.org:443").has_value());
}

}  // namespace
}  // namespace redress::http
