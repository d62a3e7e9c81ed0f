#include "domain/routing.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "sample_deployment.hpp"

namespace redress::domain {
namespace {

using testing::subject;
using testing::witness;

using ::testing::ElementsAre;
using testing::rule;
using testing::sample_deployment;

Filing filing_about(std::vector<std::string> categories) {
    Filing filing;
    filing.incident.narrative = "What happened.";
    filing.incident.categories = std::move(categories);
    return filing;
}

std::vector<std::string> offices_of(const std::vector<RouteProposal>& proposals) {
    std::vector<std::string> offices;
    for (const auto& proposal : proposals) offices.push_back(proposal.office);
    return offices;
}

std::vector<std::string> reasons(const RouteProposal& proposal) {
    std::vector<std::string> ids;
    for (const RoutingRule* r : proposal.because) ids.push_back(r->id);
    return ids;
}

TEST(ProposeRoutes, NoMatchingRuleProposesTheDefaultOfficeWithoutReason) {
    const auto deployment = sample_deployment();
    const auto proposals = propose_routes(filing_about({"other"}), deployment);
    ASSERT_EQ(proposals.size(), 1u);
    EXPECT_EQ(proposals[0].office, "opr");
    EXPECT_TRUE(proposals[0].because.empty());
}

TEST(ProposeRoutes, NoCategoryAtAllAlsoGoesToTheDefaultOffice) {
    const auto deployment = sample_deployment();
    const auto proposals = propose_routes(filing_about({}), deployment);
    EXPECT_THAT(offices_of(proposals), ElementsAre("opr"));
}

TEST(ProposeRoutes, MisconductGoesToOprAndSaysWhy) {
    const auto deployment = sample_deployment();
    const auto proposals = propose_routes(filing_about({"excessive-force"}), deployment);
    ASSERT_EQ(proposals.size(), 1u);
    EXPECT_EQ(proposals[0].office, "opr");
    EXPECT_THAT(reasons(proposals[0]), ElementsAre("misconduct"));
    EXPECT_EQ(proposals[0].because[0]->explanation.in("es"), "porque misconduct");
}

TEST(ProposeRoutes, CorruptionGoesToOig) {
    const auto deployment = sample_deployment();
    const auto proposals = propose_routes(filing_about({"fraud"}), deployment);
    ASSERT_EQ(proposals.size(), 1u);
    EXPECT_EQ(proposals[0].office, "oig");
    EXPECT_THAT(reasons(proposals[0]), ElementsAre("corruption"));
}

TEST(ProposeRoutes, BothKindsProposeBothOfficesHigherPriorityFirst) {
    const auto deployment = sample_deployment();
    const auto proposals = propose_routes(filing_about({"excessive-force", "bribery"}), deployment);
    EXPECT_THAT(offices_of(proposals), ElementsAre("oig", "opr"));
    EXPECT_THAT(reasons(proposals[0]), ElementsAre("corruption"));
    EXPECT_THAT(reasons(proposals[1]), ElementsAre("misconduct"));
}

TEST(ProposeRoutes, RetaliationNeedsTheWhistleblowerFlag) {
    const auto deployment = sample_deployment();
    Filing filing = filing_about({"retaliation"});
    EXPECT_THAT(offices_of(propose_routes(filing, deployment)), ElementsAre("opr"));
    EXPECT_TRUE(propose_routes(filing, deployment)[0].because.empty());

    filing.complainant.whistleblower = true;
    const auto proposals = propose_routes(filing, deployment);
    ASSERT_EQ(proposals.size(), 1u);
    EXPECT_EQ(proposals[0].office, "oig");
    EXPECT_THAT(reasons(proposals[0]), ElementsAre("reprisal"));
}

TEST(ProposeRoutes, AnOfficeProposedByTwoRulesAppearsOnceWithBothReasons) {
    Filing filing = filing_about({"bribery", "retaliation"});
    filing.complainant.whistleblower = true;
    const auto deployment = sample_deployment();
    const auto proposals = propose_routes(filing, deployment);
    ASSERT_EQ(proposals.size(), 1u);
    EXPECT_EQ(proposals[0].office, "oig");
    EXPECT_THAT(reasons(proposals[0]), ElementsAre("reprisal", "corruption"));
}

TEST(ProposeRoutes, KeepsExternalOfficesThatTakeNoWebFilings) {
    const auto deployment = sample_deployment();
    const auto proposals = propose_routes(filing_about({"sexual-abuse", "threats"}), deployment);
    EXPECT_THAT(offices_of(proposals), ElementsAre("oig", "fbi", "opr"));
    EXPECT_THAT(reasons(proposals[1]), ElementsAre("crime"));
}

TEST(ProposeRoutes, SubjectAgencyMatchesCaseInsensitivelyAnywhereInTheName) {
    auto deployment = sample_deployment();
    auto by_agency = rule("ice", {}, {"oig"}, 50);
    by_agency.subject_agency_any = {"customs", "ICE"};
    deployment.rules.push_back(by_agency);

    Filing filing = filing_about({});
    filing.subjects.push_back(subject(&Subject::agency, "U.S. Border Patrol"));
    EXPECT_THAT(offices_of(propose_routes(filing, deployment)), ElementsAre("opr"));

    filing.subjects.push_back(subject(&Subject::agency, "Immigration and CUSTOMS Enforcement"));
    const auto proposals = propose_routes(filing, deployment);
    EXPECT_THAT(offices_of(proposals), ElementsAre("oig"));
    EXPECT_THAT(reasons(proposals[0]), ElementsAre("ice"));
}

TEST(ProposeRoutes, EveryConditionOfARuleMustHold) {
    auto deployment = sample_deployment();
    auto narrow = rule("ice-force", {"excessive-force"}, {"oig"}, 50);
    narrow.subject_agency_any = {"ICE"};
    narrow.whistleblower = WhistleblowerCondition::required;
    deployment.rules = {narrow};

    Filing filing = filing_about({"excessive-force"});
    filing.subjects.push_back(subject(&Subject::agency, "ICE"));
    EXPECT_THAT(offices_of(propose_routes(filing, deployment)), ElementsAre("opr"));
    filing.complainant.whistleblower = true;
    EXPECT_THAT(offices_of(propose_routes(filing, deployment)), ElementsAre("oig"));
    filing.incident.categories = {"theft"};
    EXPECT_THAT(offices_of(propose_routes(filing, deployment)), ElementsAre("opr"));
}

TEST(ProposeRoutes, EqualPrioritiesKeepConfigurationOrder) {
    auto deployment = sample_deployment();
    deployment.rules = {rule("first", {"theft"}, {"oig"}, 5),
                        rule("second", {"theft"}, {"opr"}, 5)};
    EXPECT_THAT(offices_of(propose_routes(filing_about({"theft"}), deployment)),
                ElementsAre("oig", "opr"));
}

TEST(ProposeRoutes, SkipsOfficesTheDeploymentDoesNotDeclare) {
    auto deployment = sample_deployment();
    deployment.rules = {rule("typo", {"theft"}, {"nowhere", "oig"}, 5)};
    EXPECT_THAT(offices_of(propose_routes(filing_about({"theft"}), deployment)),
                ElementsAre("oig"));
}

TEST(Destinations, TheComplainantsChoiceWins) {
    Filing filing = filing_about({"bribery"});
    filing.offices = {"opr", "oig", "opr"};
    EXPECT_THAT(destinations(filing, sample_deployment()), ElementsAre("opr", "oig"));
}

TEST(Destinations, WithoutAChoiceOnlyTheHighestPriorityRuleDecides) {
    const auto deployment = sample_deployment();
    EXPECT_THAT(destinations(filing_about({"excessive-force", "bribery"}), deployment),
                ElementsAre("oig"));
    EXPECT_THAT(destinations(filing_about({"sexual-abuse", "threats"}), deployment),
                ElementsAre("oig"));
    EXPECT_THAT(destinations(filing_about({"theft"}), deployment), ElementsAre("opr"));
}

TEST(Destinations, RulesTiedAtTheTopPriorityAllCount) {
    auto deployment = sample_deployment();
    deployment.rules = {rule("a", {"theft"}, {"oig"}, 5), rule("b", {"theft"}, {"opr"}, 5),
                        rule("c", {"theft"}, {"fbi"}, 1)};
    EXPECT_THAT(destinations(filing_about({"theft"}), deployment), ElementsAre("oig", "opr"));
}

TEST(Destinations, AnExternalOfficeIsNeverFiledWith) {
    auto deployment = sample_deployment();
    // A rule naming only the external office: the filing goes to the default office, whose
    // triage proposes the referral.
    deployment.rules = {rule("police", {"theft"}, {"fbi"}, 9)};
    EXPECT_THAT(destinations(filing_about({"theft"}), deployment), ElementsAre("opr"));
    EXPECT_THAT(offices_of(propose_routes(filing_about({"theft"}), deployment)),
                ElementsAre("fbi"));
}

TEST(Destinations, NoMatchGoesToTheDefaultOffice) {
    EXPECT_THAT(destinations(filing_about({"other"}), sample_deployment()), ElementsAre("opr"));
}

}  // namespace
}  // namespace redress::domain
