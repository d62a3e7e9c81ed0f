// What makes an answer to a referral acceptable, and the names stored and posted.

#include "domain/referral.hpp"

#include <gtest/gtest.h>

#include "problem_codes.hpp"

namespace redress::domain {
namespace {

using testing::codes;

TEST(Referral, AcceptingNeedsNoReasonDecliningAndReturningDo) {
    EXPECT_TRUE(check_referral_answer({ReferralAnswer::accept, ""}, ReferralState::sent).empty());
    for (const auto answer : {ReferralAnswer::decline, ReferralAnswer::send_back}) {
        EXPECT_EQ(codes(check_referral_answer({answer, "  \n "}, ReferralState::sent)),
                  std::vector<std::string>{"reason:required"});
        EXPECT_TRUE(check_referral_answer({answer, "Not ours."}, ReferralState::sent).empty());
    }
}

TEST(Referral, AnAnsweredReferralAndUnusableTextAreRefused) {
    EXPECT_EQ(codes(check_referral_answer({ReferralAnswer::accept, ""}, ReferralState::declined)),
              std::vector<std::string>{"answer:not_sent"});
    EXPECT_EQ(
        codes(check_referral_answer({ReferralAnswer::decline, "bad\x01text"}, ReferralState::sent)),
        std::vector<std::string>{"reason:unusable_text"});
    EXPECT_EQ(codes(check_referral_answer(
                  {ReferralAnswer::decline, std::string(k_longest_triage_reason + 1, 'x')},
                  ReferralState::sent)),
              std::vector<std::string>{"reason:unusable_text"});
}

TEST(Referral, NamesRoundTrip) {
    for (const auto answer :
         {ReferralAnswer::accept, ReferralAnswer::decline, ReferralAnswer::send_back}) {
        EXPECT_EQ(parse_referral_answer(referral_answer_name(answer)), answer);
        EXPECT_EQ(parse_referral_state(referral_state_name(state_after(answer))),
                  state_after(answer));
    }
    EXPECT_EQ(referral_answer_name(ReferralAnswer::send_back), "return");
    EXPECT_EQ(state_after(ReferralAnswer::send_back), ReferralState::returned);
    EXPECT_FALSE(parse_referral_answer("shred"));
    EXPECT_FALSE(parse_referral_state(""));
}

}  // namespace
}  // namespace redress::domain
