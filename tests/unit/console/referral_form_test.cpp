// The posted answer to a referral: read into a decision, an unknown answer refused.

#include "console/referral_form.hpp"

#include <gtest/gtest.h>

#include "posted_form.hpp"

namespace redress::console {
namespace {

using testing::form;

TEST(ReferralForm, EachAnswerIsRead) {
    for (const auto& [name, answer] : {std::pair{"accept", domain::ReferralAnswer::accept},
                                       std::pair{"decline", domain::ReferralAnswer::decline},
                                       std::pair{"return", domain::ReferralAnswer::send_back}}) {
        const auto read =
            read_referral_form(form("answer=" + std::string(name) + "&reason=Not+ours"));
        EXPECT_TRUE(read.problems.empty()) << name;
        EXPECT_EQ(read.decision.answer, answer);
        EXPECT_EQ(read.decision.reason, "Not ours");
    }
}

TEST(ReferralForm, AnUnknownOrMissingAnswerIsRefused) {
    for (const auto* encoded : {"answer=shred", "reason=x", "answer=returned"}) {
        const auto read = read_referral_form(form(encoded));
        ASSERT_EQ(read.problems.size(), 1u) << encoded;
        EXPECT_EQ(read.problems[0].field, "answer");
        EXPECT_EQ(read.problems[0].code, "unknown_value");
    }
}

}  // namespace
}  // namespace redress::console
