// The findings of a case's outcome row (storage/sql/outcome_copy.hpp), as the triggers and
// migrations write them in SQL: "<finding> <bytes>:<category>", one after another.

#include "storage/sql/outcome_copy.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace redress::testing {
namespace {

using domain::AllegationFinding;
using domain::Finding;
using storage::sql::read_outcome_findings;

TEST(OutcomeCopy, ReadsTheFindingsInTheOrderWritten) {
    const auto findings =
        read_outcome_findings("sustained 15:excessive-forceunfounded 18:bribery-corruption");
    ASSERT_TRUE(findings) << findings.error().message;
    EXPECT_EQ(*findings,
              (std::vector<AllegationFinding>{{"excessive-force", Finding::sustained},
                                              {"bribery-corruption", Finding::unfounded}}));
}

TEST(OutcomeCopy, ACategoryIsReadWholeWhateverItHolds) {
    // The length counts bytes: "é" is two.
    const auto findings = read_outcome_findings("no_finding 11:a: 3 b\nc épolicy_failure 0:");
    ASSERT_TRUE(findings) << findings.error().message;
    EXPECT_EQ(*findings, (std::vector<AllegationFinding>{{"a: 3 b\nc é", Finding::no_finding},
                                                         {"", Finding::policy_failure}}));
}

TEST(OutcomeCopy, NoFindingsIsNoText) {
    const auto findings = read_outcome_findings("");
    ASSERT_TRUE(findings);
    EXPECT_TRUE(findings->empty());
}

TEST(OutcomeCopy, TextOfAnotherFormIsAFault) {
    for (const std::string text :
         {"sustained", "sustained 15:excessive", "guilty 5:theft", "sustained x:theft",
          "sustained 5theft", "sustained 5:theftunfounded"}) {
        const auto findings = read_outcome_findings(text);
        ASSERT_FALSE(findings) << text;
        EXPECT_EQ(findings.error().code, util::ErrorCode::internal);
    }
}

}  // namespace
}  // namespace redress::testing
