#include "http/router.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <stdexcept>

namespace redress::http {
namespace {

Request request_for(Method method, std::string path) {
    Request request;
    request.method = method;
    request.target = path;
    request.path = std::move(path);
    return request;
}

// Routes here answer synchronously, so the response is there when handle() returns.
Response dispatch(Router& router, Method method, std::string path) {
    std::optional<Response> answer;
    router.handle(request_for(method, std::move(path)),
                  [&answer](Response response) { answer = std::move(response); });
    EXPECT_TRUE(answer.has_value());
    return answer.value_or(Response{});
}

Route answering(std::string body) {
    return [body = std::move(body)](Request, Responder respond) {
        respond(Response::text(200, body));
    };
}

class RouterTest : public ::testing::Test {
  protected:
    void SetUp() override {
        router.add(Method::get, "/", answering("home"));
        router.add(Method::get, "/file", answering("form"));
        router.add(Method::post, "/file", answering("filed"));
        router.add(Method::post, "/api/complaints", answering("created"));
    }
    Router router;
};

TEST_F(RouterTest, DispatchesOnMethodAndExactPath) {
    EXPECT_EQ(dispatch(router, Method::get, "/").body, "home");
    EXPECT_EQ(dispatch(router, Method::get, "/file").body, "form");
    EXPECT_EQ(dispatch(router, Method::post, "/file").body, "filed");
}

TEST_F(RouterTest, MatchIsExactNotByPrefixOrTrailingSlash) {
    EXPECT_EQ(dispatch(router, Method::get, "/file/").status, 404);
    EXPECT_EQ(dispatch(router, Method::get, "/fil").status, 404);
    EXPECT_EQ(dispatch(router, Method::get, "/FILE").status, 404);
}

TEST_F(RouterTest, UnknownPathIsNotFoundAsText) {
    const Response response = dispatch(router, Method::get, "/nowhere");
    EXPECT_EQ(response.status, 404);
    EXPECT_EQ(response.headers.get("Content-Type"), "text/plain; charset=utf-8");
}

TEST_F(RouterTest, KnownPathWithOtherMethodIsNotAllowedWithAllow) {
    const Response response = dispatch(router, Method::post, "/");
    EXPECT_EQ(response.status, 405);
    EXPECT_EQ(response.headers.get("Allow"), "GET, HEAD");

    const Response api = dispatch(router, Method::get, "/api/complaints");
    EXPECT_EQ(api.status, 405);
    EXPECT_EQ(api.headers.get("Allow"), "POST");

    const Response other = dispatch(router, Method::other, "/file");
    EXPECT_EQ(other.status, 405);
    EXPECT_EQ(other.headers.get("Allow"), "GET, HEAD, POST");
}

TEST_F(RouterTest, HeadIsAnsweredByTheGetRoute) {
    const Response response = dispatch(router, Method::head, "/file");
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.body, "form");  // the server drops it on the wire
}

TEST_F(RouterTest, HeadWithoutGetRouteIsNotAllowed) {
    EXPECT_EQ(dispatch(router, Method::head, "/api/complaints").status, 405);
}

TEST_F(RouterTest, RouteMayAnswerLater) {
    Responder kept;
    router.add(Method::get, "/later",
               [&kept](Request, Responder respond) { kept = std::move(respond); });
    std::optional<Response> answer;
    router.handle(request_for(Method::get, "/later"),
                  [&answer](Response response) { answer = std::move(response); });
    EXPECT_FALSE(answer.has_value());
    kept(Response::text(200, "now"));
    ASSERT_TRUE(answer.has_value());
    EXPECT_EQ(answer->body, "now");
}

Route echoing(std::string name) {
    return [name = std::move(name)](Request request, Responder respond) {
        respond(Response::text(200, std::string(request.parameter(name))));
    };
}

TEST(RouterParameters, ParameterTakesOneWholeSegment) {
    Router router;
    router.add(Method::get, "/staff/complaints/{reference}", echoing("reference"));
    EXPECT_EQ(dispatch(router, Method::get, "/staff/complaints/OPR-2026-000017").body,
              "OPR-2026-000017");
    EXPECT_EQ(dispatch(router, Method::get, "/staff/complaints/").status, 404);  // empty
    EXPECT_EQ(dispatch(router, Method::get, "/staff/complaints").status, 404);
    EXPECT_EQ(dispatch(router, Method::get, "/staff/complaints/a/b").status, 404);
    EXPECT_EQ(dispatch(router, Method::get, "/staff/complaint/x").status, 404);
}

TEST(RouterParameters, SeveralParametersAreEachNamed) {
    Router router;
    router.add(Method::get, "/staff/cases/{case}/notes/{note}",
               [](Request request, Responder respond) {
                   respond(Response::text(200, std::string(request.parameter("case")) + "|" +
                                                   std::string(request.parameter("note")) + "|" +
                                                   std::string(request.parameter("missing"))));
               });
    EXPECT_EQ(dispatch(router, Method::get, "/staff/cases/7/notes/12").body, "7|12|");
    EXPECT_EQ(dispatch(router, Method::get, "/staff/cases/7/notes/").status, 404);
    EXPECT_EQ(dispatch(router, Method::get, "/staff/cases//notes/12").status, 404);
}

TEST(RouterParameters, LiteralRouteWinsOverParameter) {
    Router router;
    router.add(Method::get, "/staff/complaints/{reference}", echoing("reference"));
    router.add(Method::get, "/staff/complaints/new", answering("literal"));
    EXPECT_EQ(dispatch(router, Method::get, "/staff/complaints/new").body, "literal");
    EXPECT_EQ(dispatch(router, Method::get, "/staff/complaints/old").body, "old");
}

TEST(RouterParameters, OtherMethodOnParameterisedPathIsNotAllowed) {
    Router router;
    router.add(Method::post, "/staff/complaints/{reference}/triage", answering("triaged"));
    const Response response = dispatch(router, Method::get, "/staff/complaints/X/triage");
    EXPECT_EQ(response.status, 405);
    EXPECT_EQ(response.headers.get("Allow"), "POST");
    EXPECT_EQ(dispatch(router, Method::post, "/staff/complaints/X/triage").body, "triaged");
}

TEST(RouterParameters, DecodedSlashInASegmentIsNotMatched) {
    Router router;
    router.add(Method::get, "/a/{x}", echoing("x"));
    // The path arrives decoded: "/a/b%2Fc" is "/a/b/c", two segments, not one.
    EXPECT_EQ(dispatch(router, Method::get, "/a/b/c").status, 404);
}

TEST(RouterParameters, MalformedPatternsAreRefusedWhenAdded) {
    Router router;
    EXPECT_THROW(router.add(Method::get, "/a/{}", answering("")), std::invalid_argument);
    EXPECT_THROW(router.add(Method::get, "/a/{x", answering("")), std::invalid_argument);
    EXPECT_THROW(router.add(Method::get, "/a/x}", answering("")), std::invalid_argument);
    EXPECT_THROW(router.add(Method::get, "/a/pre{x}", answering("")), std::invalid_argument);
    EXPECT_THROW(router.add(Method::get, "/{x}/{x}", answering("")), std::invalid_argument);
    EXPECT_THROW(router.add(Method::get, "a", answering("")), std::invalid_argument);
}

TEST(UnlistedRoutes, AnotherMethodOnTheirPathIsAMissingPath) {
    Router router;
    router.add_unlisted(Method::post, "/staff/admin/users/{id}/disable", answering("disabled"));
    router.add(Method::get, "/staff/cases/{case}", answering("case"));
    EXPECT_EQ(dispatch(router, Method::post, "/staff/admin/users/7/disable").body, "disabled");
    const auto other = dispatch(router, Method::get, "/staff/admin/users/7/disable");
    EXPECT_EQ(other.status, 404);
    EXPECT_FALSE(other.headers.has("Allow"));
    // A listed route on a path keeps its 405.
    EXPECT_EQ(dispatch(router, Method::post, "/staff/cases/7").status, 405);
}

}  // namespace
}  // namespace redress::http
