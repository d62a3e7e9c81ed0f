// Who may open a complainant's identity, and who is closed out of a complaint.

#include "domain/identity_access.hpp"

#include <gtest/gtest.h>

namespace redress::domain {
namespace {

IdentityFacts confidential_here() {
    IdentityFacts facts;
    facts.confidentiality = "confidential";
    facts.member_handles = true;
    return facts;
}

TEST(IdentityAccess, AnAnonymousFilingHasNothingToOpen) {
    auto facts = confidential_here();
    facts.confidentiality = "anonymous";
    EXPECT_EQ(identity_refusal(facts), IdentityRefusal::no_identity);
    facts.confidentiality = "";
    EXPECT_EQ(identity_refusal(facts), IdentityRefusal::no_identity);
}

TEST(IdentityAccess, OnlyTheHandlingOfficeOpensIt) {
    auto facts = confidential_here();
    EXPECT_EQ(identity_refusal(facts), std::nullopt);
    facts.member_handles = false;
    EXPECT_EQ(identity_refusal(facts), IdentityRefusal::not_handling);
}

TEST(IdentityAccess, AReferralPassesAConfidentialIdentityOnlyWithConsent) {
    auto facts = confidential_here();
    facts.moved = true;
    EXPECT_EQ(identity_refusal(facts), IdentityRefusal::no_consent);
    facts.consent = true;
    EXPECT_EQ(identity_refusal(facts), std::nullopt);
    // An open complainant let their name be known.
    facts.confidentiality = "open";
    facts.consent = false;
    EXPECT_EQ(identity_refusal(facts), std::nullopt);
}

TEST(IdentityAccess, ACustodiansApprovalIsNeededWhereTheDeploymentAsks) {
    auto facts = confidential_here();
    facts.approval_required = true;
    EXPECT_EQ(identity_refusal(facts), IdentityRefusal::approval_needed);
    facts.request = IdentityRequestState::pending;
    EXPECT_EQ(identity_refusal(facts), IdentityRefusal::approval_pending);
    facts.request = IdentityRequestState::declined;
    EXPECT_EQ(identity_refusal(facts), IdentityRefusal::approval_declined);
    facts.request = IdentityRequestState::approved;
    EXPECT_EQ(identity_refusal(facts), std::nullopt);
    // No approval lifts a missing consent.
    facts.moved = true;
    EXPECT_EQ(identity_refusal(facts), IdentityRefusal::no_consent);
}

TEST(IdentityAccess, StatesAndReasonsReadBackAsWritten) {
    for (const auto state : {IdentityRequestState::pending, IdentityRequestState::approved,
                             IdentityRequestState::declined}) {
        EXPECT_EQ(parse_identity_request_state(identity_request_state_name(state)), state);
    }
    EXPECT_EQ(parse_identity_request_state("maybe"), std::nullopt);
    for (const auto reason : {ExclusionReason::named, ExclusionReason::recused}) {
        EXPECT_EQ(parse_exclusion_reason(exclusion_reason_name(reason)), reason);
    }
    EXPECT_EQ(parse_exclusion_reason(""), std::nullopt);
}

TEST(IdentityAccess, AMemberExcludedOrNamedIsClosedOut) {
    StaffMember member;
    member.id = 7;
    const std::vector<StaffId> none;
    const std::vector<std::uint8_t> no_marks;
    EXPECT_FALSE(is_closed_to(member, none, no_marks));
    EXPECT_TRUE(is_closed_to(member, std::vector<StaffId>{3, 7}, no_marks));

    member.name_mark = NameMark{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
    std::vector<std::uint8_t> marks(16, 0xee);
    EXPECT_FALSE(is_closed_to(member, none, marks));
    marks.insert(marks.end(), member.name_mark.begin(), member.name_mark.end());
    EXPECT_TRUE(is_closed_to(member, none, marks));
    // Only whole marks count: the same bytes across two marks are not a match.
    std::vector<std::uint8_t> straddling(8, 0xee);
    straddling.insert(straddling.end(), member.name_mark.begin(), member.name_mark.end());
    straddling.resize(32, 0xee);
    EXPECT_FALSE(is_closed_to(member, none, straddling));
    // A member without a name has no mark, and matches nothing.
    StaffMember nameless;
    EXPECT_FALSE(is_closed_to(nameless, none, std::vector<std::uint8_t>(16, 0)));
}

}  // namespace
}  // namespace redress::domain
