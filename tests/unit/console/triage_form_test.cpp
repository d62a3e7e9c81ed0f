// The posted triage form: read into a decision, with a problem for each value the form's
// own choices cannot have given.

#include "console/triage_form.hpp"

#include <gtest/gtest.h>

#include "posted_form.hpp"
#include "support/sample_deployment.hpp"

namespace redress::console {
namespace {

using testing::form;

bool has(const std::vector<domain::TriageProblem>& problems, std::string_view field,
         std::string_view code) {
    for (const auto& problem : problems) {
        if (problem.field == field && problem.code == code) return true;
    }
    return false;
}

TEST(TriageForm, AReferralIsRead) {
    const auto deployment = testing::sample_deployment();
    const auto read = read_triage_form(
        form("action=refer&priority=high&category=excessive-force&to_office=oig"
             "&external_reference=X-1&close_reason=duplicate&reason=Theirs+to+handle"),
        deployment);
    EXPECT_TRUE(read.problems.empty());
    EXPECT_EQ(read.decision.action, domain::TriageAction::refer);
    EXPECT_EQ(read.decision.priority, domain::Priority::high);
    EXPECT_EQ(read.decision.categories, std::vector<std::string>{"excessive-force"});
    EXPECT_EQ(read.decision.to_office, "oig");
    EXPECT_EQ(read.decision.external_reference, "X-1");
    EXPECT_FALSE(read.decision.close_reason);  // the other action's field is not taken
    EXPECT_EQ(read.decision.reason, "Theirs to handle");
}

TEST(TriageForm, AClosureTakesItsReasonOnly) {
    const auto deployment = testing::sample_deployment();
    const auto read = read_triage_form(
        form("action=close&close_reason=withdrawn&to_office=oig&reason=Asked+to"), deployment);
    EXPECT_TRUE(read.problems.empty());
    EXPECT_EQ(read.decision.close_reason, domain::CloseReason::withdrawn);
    EXPECT_EQ(read.decision.to_office, "");
}

TEST(TriageForm, ADuplicateNamesTheComplaintItRepeats) {
    const auto deployment = testing::sample_deployment();
    const auto read = read_triage_form(
        form("action=close&close_reason=duplicate&duplicate_of=+OPR-2026-000001+&reason=Same"),
        deployment);
    EXPECT_TRUE(read.problems.empty());
    EXPECT_EQ(read.decision.duplicate_of, "OPR-2026-000001");
    // Named only with the duplicate reason; another reason leaves it out.
    const auto withdrawn = read_triage_form(
        form("action=close&close_reason=withdrawn&duplicate_of=OPR-2026-000001&reason=Asked+to"),
        deployment);
    EXPECT_EQ(withdrawn.decision.duplicate_of, "");
}

TEST(TriageForm, ADuplicateWithoutTheComplaintItRepeatsIsRefused) {
    const auto deployment = testing::sample_deployment();
    const auto read =
        read_triage_form(form("action=close&close_reason=duplicate&reason=Same"), deployment);
    EXPECT_TRUE(read.problems.empty());  // the form is well formed; the decision is not
    const auto problems =
        domain::check_triage(read.decision, domain::Status::received, "opr", deployment);
    EXPECT_TRUE(has(problems, "duplicate_of", "required"));
}

TEST(TriageForm, ValuesNoChoiceGivesAreProblems) {
    const auto deployment = testing::sample_deployment();
    const auto read =
        read_triage_form(form("action=shred&priority=extreme&close_reason=bored"), deployment);
    EXPECT_TRUE(has(read.problems, "action", "unknown_value"));
    EXPECT_TRUE(has(read.problems, "priority", "unknown_value"));
    const auto closing = read_triage_form(form("action=close&close_reason=bored"), deployment);
    EXPECT_TRUE(has(closing.problems, "close_reason", "unknown_value"));
    EXPECT_TRUE(read_triage_form(form("priority=high"), deployment).problems.size() == 1);
}

TEST(TriageForm, MoreCategoriesThanTheDeploymentHasAreRefusedUnread) {
    const auto deployment = testing::sample_deployment();
    std::string encoded = "action=accept";
    for (std::size_t i = 0; i <= deployment.categories.size(); ++i) {
        encoded += "&category=excessive-force";
    }
    const auto read = read_triage_form(form(encoded), deployment);
    EXPECT_TRUE(has(read.problems, "categories", "too_many"));
    EXPECT_TRUE(read.decision.categories.empty());
}

}  // namespace
}  // namespace redress::console
