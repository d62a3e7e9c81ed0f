#include "domain/triage_proposal.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "sample_deployment.hpp"

namespace redress::domain {
namespace {

using ::testing::ElementsAre;
using testing::sample_deployment;

Filing filing_in_categories(std::vector<std::string> categories) {
    Filing filing;
    filing.incident.categories = std::move(categories);
    return filing;
}

std::vector<std::string> rules_of(const TriageProposal& proposal) {
    std::vector<std::string> ids;
    for (const RoutingRule* rule : proposal.because) ids.push_back(rule->id);
    return ids;
}

TEST(ProposeTriage, TheHandlingOfficeProposedMeansAcceptingHere) {
    const auto deployment = sample_deployment();
    const auto proposals = propose_triage(filing_in_categories({"theft"}), "opr", deployment);
    ASSERT_EQ(proposals.size(), 1u);
    EXPECT_EQ(proposals[0].office, "opr");
    EXPECT_EQ(proposals[0].action, TriageAction::accept);
    EXPECT_FALSE(proposals[0].external);
    EXPECT_THAT(rules_of(proposals[0]), ElementsAre("misconduct"));
}

TEST(ProposeTriage, AnotherLocalOfficeProposedMeansReferringThere) {
    const auto deployment = sample_deployment();
    const auto proposals = propose_triage(filing_in_categories({"bribery"}), "opr", deployment);
    ASSERT_EQ(proposals.size(), 1u);
    EXPECT_EQ(proposals[0].office, "oig");
    EXPECT_EQ(proposals[0].action, TriageAction::refer);
    EXPECT_FALSE(proposals[0].external);
}

// A rule naming an external office proposes a referral there, beside its local offices.
TEST(ProposeTriage, AnExternalOfficeIsProposedAsAReferralNeverAsHere) {
    const auto deployment = sample_deployment();
    const auto proposals =
        propose_triage(filing_in_categories({"sexual-abuse"}), "oig", deployment);
    ASSERT_EQ(proposals.size(), 2u);
    EXPECT_EQ(proposals[0].office, "oig");
    EXPECT_EQ(proposals[0].action, TriageAction::accept);
    EXPECT_EQ(proposals[1].office, "fbi");
    EXPECT_EQ(proposals[1].action, TriageAction::refer);
    EXPECT_TRUE(proposals[1].external);
    EXPECT_THAT(rules_of(proposals[1]), ElementsAre("crime"));
}

TEST(ProposeTriage, AWhistleblowersComplaintMatchesTheRuleThatRequiresIt) {
    const auto deployment = sample_deployment();
    auto filing = filing_in_categories({"retaliation"});
    EXPECT_EQ(propose_triage(filing, "opr", deployment)[0].office, "opr");  // the default
    filing.complainant.whistleblower = true;
    const auto proposals = propose_triage(filing, "opr", deployment);
    ASSERT_EQ(proposals.size(), 1u);
    EXPECT_EQ(proposals[0].office, "oig");
    EXPECT_THAT(rules_of(proposals[0]), ElementsAre("reprisal"));
}

TEST(ProposeTriage, NoRuleProposesTheDefaultOfficeWithoutReasons) {
    const auto deployment = sample_deployment();
    const auto proposals = propose_triage(filing_in_categories({"other"}), "oig", deployment);
    ASSERT_EQ(proposals.size(), 1u);
    EXPECT_EQ(proposals[0].office, "opr");
    EXPECT_EQ(proposals[0].action, TriageAction::refer);
    EXPECT_TRUE(proposals[0].because.empty());
}

TEST(DecisionFor, AReferralNamesTheOfficeAndGivesTheRulesExplanationsAsTheReason) {
    const auto deployment = sample_deployment();
    const auto proposals =
        propose_triage(filing_in_categories({"sexual-abuse"}), "opr", deployment);
    ASSERT_EQ(proposals.size(), 2u);
    const auto decision = decision_for(proposals[1], "es");
    EXPECT_EQ(decision.action, TriageAction::refer);
    EXPECT_EQ(decision.to_office, "fbi");
    EXPECT_EQ(decision.reason, "porque crime");
}

TEST(DecisionFor, AcceptingHereNamesNoOffice) {
    const auto deployment = sample_deployment();
    const auto proposals = propose_triage(filing_in_categories({"theft"}), "opr", deployment);
    const auto decision = decision_for(proposals.at(0), "en");
    EXPECT_EQ(decision.action, TriageAction::accept);
    EXPECT_TRUE(decision.to_office.empty());
    EXPECT_EQ(decision.reason, "because misconduct");
}

}  // namespace
}  // namespace redress::domain
