#include "http/security_headers.hpp"

#include <gtest/gtest.h>

namespace redress::http {
namespace {

TEST(SecurityHeaders, EveryResponseGetsTheStrictSet) {
    Response response = Response::html(200, "<p>x</p>");
    add_security_headers(response);
    const Headers& headers = response.headers;
    EXPECT_EQ(headers.get("Content-Security-Policy"),
              "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
              "frame-ancestors 'none'; base-uri 'none'");
    EXPECT_EQ(headers.get("X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(headers.get("Referrer-Policy"), "no-referrer");
    EXPECT_EQ(headers.get("X-Frame-Options"), "DENY");
    EXPECT_EQ(headers.get("Cross-Origin-Opener-Policy"), "same-origin");
    EXPECT_EQ(headers.get("Cross-Origin-Resource-Policy"), "same-origin");
    const std::string_view permissions = headers.get("Permissions-Policy");
    for (const char* feature :
         {"camera=()", "microphone=()", "geolocation=()", "interest-cohort=()"}) {
        EXPECT_NE(permissions.find(feature), std::string_view::npos) << feature;
    }
    EXPECT_EQ(headers.get("Cache-Control"), "no-store");
}

TEST(SecurityHeaders, PolicyAllowsNoScript) {
    Response response;
    add_security_headers(response);
    const std::string_view policy = response.headers.get("Content-Security-Policy");
    EXPECT_EQ(policy.find("script"), std::string_view::npos);
    EXPECT_EQ(policy.find("unsafe"), std::string_view::npos);
}

TEST(SecurityHeaders, PublicStaticAssetsMayBeCached) {
    Response response = Response::text(200, "body{}");
    response.caching = Caching::public_static;
    add_security_headers(response);
    EXPECT_EQ(response.headers.get("Cache-Control"), "public, max-age=3600");
    EXPECT_EQ(response.headers.get("X-Content-Type-Options"), "nosniff");
}

TEST(SecurityHeaders, HeadersTheHandlerSetAreKept) {
    Response response;
    response.headers.set("content-security-policy", "sandbox; default-src 'none'");
    response.headers.set("Cache-Control", "private, no-store, max-age=0");
    add_security_headers(response);
    EXPECT_EQ(response.headers.get("Content-Security-Policy"), "sandbox; default-src 'none'");
    EXPECT_EQ(response.headers.get("Cache-Control"), "private, no-store, max-age=0");
    int policies = 0;
    for (const auto& [name, value] : response.headers.all()) {
        if (name == "Content-Security-Policy" || name == "content-security-policy") ++policies;
    }
    EXPECT_EQ(policies, 1);
}

TEST(SecurityHeaders, AddingTwiceChangesNothing) {
    Response response;
    add_security_headers(response);
    const auto count = response.headers.all().size();
    add_security_headers(response);
    EXPECT_EQ(response.headers.all().size(), count);
}

}  // namespace
}  // namespace redress::http
