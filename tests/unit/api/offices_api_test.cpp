// GET /api/v1/offices: what a client needs to offer offices and categories.

#include "api_fixture.hpp"

namespace redress::api::test_support {
namespace {

using OfficesApiTest = ApiTest;

TEST_F(OfficesApiTest, ListsOfficesWithContactAndServiceLevels) {
    const http::Response response = call(http::Method::get, "/api/v1/offices", "");

    ASSERT_EQ(response.status, 200);
    EXPECT_EQ(response.headers.get("Content-Type"), "application/json; charset=utf-8");
    const json body = body_of(response);
    ASSERT_EQ(body.at("offices").size(), 2u);
    const json& opr = body.at("offices")[0];
    EXPECT_EQ(opr.at("id"), "opr");
    EXPECT_EQ(opr.at("name"), "Office of Professional Responsibility");
    EXPECT_EQ(opr.at("handles"), "Employee misconduct");
    EXPECT_EQ(opr.at("kind"), "local");
    EXPECT_EQ(opr.at("default"), true);
    EXPECT_EQ(opr.at("contact").at("email"), "opr@example.org");
    EXPECT_EQ(opr.at("service_levels"), (json{{"acknowledge_days", 5},
                                              {"triage_days", 10},
                                              {"update_days", 30},
                                              {"resolution_days", 180},
                                              {"day_count", "business"}}));
    const json& oig = body.at("offices")[1];
    EXPECT_EQ(oig.at("id"), "oig");
    EXPECT_EQ(oig.at("kind"), "external");
    EXPECT_EQ(oig.at("default"), false);
    EXPECT_EQ(oig.at("contact").at("web"), "https://oig.example.org");
}

TEST_F(OfficesApiTest, ListsCategoriesWithLabels) {
    const json body = body_of(call(http::Method::get, "/api/v1/offices", ""));
    EXPECT_EQ(body.at("categories"),
              (json{{{"id", "excessive-force"}, {"label", "Excessive force"}},
                    {{"id", "corruption"}, {"label", "Corruption"}}}));
}

TEST_F(OfficesApiTest, TextsFollowAcceptLanguage) {
    const json body =
        body_of(call(http::Method::get, "/api/v1/offices", "", {{"Accept-Language", "es"}}));
    EXPECT_EQ(body.at("language"), "es");
    EXPECT_EQ(body.at("offices")[1].at("name"), "Oficina del Inspector General");
    EXPECT_EQ(body.at("categories")[1].at("label"), "Corrupción");
}

TEST_F(OfficesApiTest, PostIsNotAllowed) {
    EXPECT_EQ(call(http::Method::post, "/api/v1/offices", "{}").status, 405);
}

}  // namespace
}  // namespace redress::api::test_support
