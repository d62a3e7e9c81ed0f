#include "domain/deployment.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "sample_deployment.hpp"

namespace redress::domain {
namespace {

using ::testing::HasSubstr;
using testing::office;
using testing::rule;
using testing::sample_deployment;

std::string problem(const Deployment& deployment) {
    const auto checked = deployment.check();
    EXPECT_FALSE(checked);
    if (checked) return "";
    EXPECT_EQ(checked.error().code, util::ErrorCode::invalid_input);
    return checked.error().message;
}

TEST(Deployment, FindsOfficesAndCategoriesById) {
    const auto deployment = sample_deployment();
    ASSERT_NE(deployment.find_office("oig"), nullptr);
    EXPECT_EQ(deployment.find_office("oig")->reference_prefix, "OIG");
    EXPECT_EQ(deployment.find_office("OIG"), nullptr);
    EXPECT_EQ(deployment.find_office(""), nullptr);
    ASSERT_NE(deployment.find_category("fraud"), nullptr);
    EXPECT_EQ(deployment.find_category("fraud")->id, "fraud");
    EXPECT_EQ(deployment.find_category("arson"), nullptr);
}

TEST(DeploymentCheck, AcceptsTheSampleDeployment) {
    const auto checked = sample_deployment().check();
    EXPECT_TRUE(checked) << checked.error().message;
}

TEST(DeploymentCheck, NeedsAnOffice) {
    Deployment deployment;
    EXPECT_THAT(problem(deployment), HasSubstr("no office"));
}

TEST(DeploymentCheck, OfficeIdsAreUnique) {
    auto deployment = sample_deployment();
    deployment.offices.push_back(office("oig", "OIGX"));
    EXPECT_THAT(problem(deployment), HasSubstr("\"oig\""));
}

TEST(DeploymentCheck, ReferencePrefixesAreUnique) {
    auto deployment = sample_deployment();
    deployment.offices.push_back(office("inspector", "OIG"));
    const auto message = problem(deployment);
    EXPECT_THAT(message, HasSubstr("\"inspector\""));
    EXPECT_THAT(message, HasSubstr("\"OIG\""));
}

TEST(DeploymentCheck, ReferencePrefixesAreTwoToEightCapitalLetters) {
    for (const char* prefix : {"", "O", "ABCDEFGHI", "opr", "OP1", "OP-R", "ÑOP"}) {
        auto deployment = sample_deployment();
        deployment.offices.push_back(office("new", prefix));
        EXPECT_THAT(problem(deployment), HasSubstr("\"new\"")) << prefix;
    }
    auto deployment = sample_deployment();
    deployment.offices.push_back(office("new", "ABCDEFGH"));
    EXPECT_TRUE(deployment.check());
}

TEST(DeploymentCheck, TheDefaultOfficeMustExist) {
    auto deployment = sample_deployment();
    deployment.default_office = "nowhere";
    EXPECT_THAT(problem(deployment), HasSubstr("\"nowhere\""));
    deployment.default_office = "";
    EXPECT_THAT(problem(deployment), HasSubstr("default office"));
}

TEST(DeploymentCheck, TheDefaultOfficeMustAcceptWebFilings) {
    auto deployment = sample_deployment();
    deployment.default_office = "fbi";
    EXPECT_THAT(problem(deployment), HasSubstr("\"fbi\""));
}

TEST(DeploymentCheck, AnExternalOfficeTakesNoWebFilings) {
    auto deployment = sample_deployment();
    for (auto& office : deployment.offices) {
        if (office.id == "fbi") office.web_filing = WebFiling::accepted;
    }
    EXPECT_THAT(problem(deployment), HasSubstr("\"fbi\" is external"));
}

TEST(DeploymentCheck, RulesNameKnownOffices) {
    auto deployment = sample_deployment();
    deployment.rules.push_back(rule("lost", {"theft"}, {"opr", "nowhere"}, 1));
    const auto message = problem(deployment);
    EXPECT_THAT(message, HasSubstr("\"lost\""));
    EXPECT_THAT(message, HasSubstr("\"nowhere\""));
}

TEST(DeploymentCheck, RulesNameAtLeastOneOffice) {
    auto deployment = sample_deployment();
    deployment.rules.push_back(rule("empty", {"theft"}, {}, 1));
    EXPECT_THAT(problem(deployment), HasSubstr("\"empty\""));
}

TEST(DeploymentCheck, RulesNameKnownCategories) {
    auto deployment = sample_deployment();
    deployment.rules.push_back(rule("arson", {"theft", "arson"}, {"opr"}, 1));
    const auto message = problem(deployment);
    EXPECT_THAT(message, HasSubstr("\"arson\""));
    EXPECT_THAT(message, HasSubstr("category"));
}

TEST(DeploymentCheck, CategoryIdsAreUnique) {
    auto deployment = sample_deployment();
    deployment.categories.push_back(Category{"fraud", {}});
    EXPECT_THAT(problem(deployment), HasSubstr("\"fraud\""));
}

TEST(DeploymentCheck, ServiceLevelsCannotBeNegative) {
    auto deployment = sample_deployment();
    deployment.offices[1].service_levels.triage_days = -1;
    EXPECT_THAT(problem(deployment), HasSubstr("\"oig\""));
    deployment.offices[1].service_levels.triage_days = 0;
    EXPECT_TRUE(deployment.check());
}

}  // namespace
}  // namespace redress::domain
