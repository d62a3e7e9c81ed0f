// What makes a note, findings, a closure and a message acceptable, and the names stored.

#include "domain/case_file.hpp"

#include <gtest/gtest.h>

#include "domain/message.hpp"
#include "problem_codes.hpp"

namespace redress::domain {
namespace {

using testing::codes;

const std::vector<std::string> k_allegations{"bribery", "force"};

TEST(CaseFile, FindingsCoverEachAllegationOnceWhileTheCaseIsOpen) {
    const std::vector<AllegationFinding> both{{"force", Finding::sustained},
                                              {"bribery", Finding::unfounded}};
    EXPECT_TRUE(check_findings(both, k_allegations, CaseState::open).empty());
    EXPECT_EQ(codes(check_findings({both[0]}, k_allegations, CaseState::open)),
              std::vector<std::string>{"findings:missing"});
    EXPECT_EQ(codes(check_findings({both[0], both[0], both[1]}, k_allegations, CaseState::open)),
              std::vector<std::string>{"findings:duplicate"});
    EXPECT_EQ(codes(check_findings({both[0], both[1], {"theft", Finding::sustained}}, k_allegations,
                                   CaseState::open)),
              std::vector<std::string>{"findings:unknown_allegation"});
    EXPECT_EQ(codes(check_findings(both, k_allegations, CaseState::findings)),
              std::vector<std::string>{"findings:not_open"});
    // A case whose complaints have no category has nothing to find on.
    EXPECT_TRUE(check_findings({}, {}, CaseState::open).empty());
}

TEST(CaseFile, ClosureFollowsFindingsAndSaysSomething) {
    EXPECT_TRUE(check_closure({"It was looked into.", ""}, CaseState::findings).empty());
    EXPECT_EQ(codes(check_closure({"Too soon.", ""}, CaseState::open)),
              std::vector<std::string>{"closure:no_findings"});
    EXPECT_EQ(codes(check_closure({"Again.", ""}, CaseState::closed)),
              std::vector<std::string>{"closure:closed"});
    EXPECT_EQ(codes(check_closure({" \n", "x\x01"}, CaseState::findings)),
              (std::vector<std::string>{"text:required", "remedy:unusable_text"}));
    EXPECT_EQ(
        codes(check_closure({std::string(k_longest_closure + 1, 'a'), ""}, CaseState::findings)),
        std::vector<std::string>{"text:unusable_text"});
}

TEST(CaseFile, NotesAndMessagesAreRequiredUsableAndBounded) {
    EXPECT_TRUE(check_note("Called the unit.").empty());
    EXPECT_EQ(codes(check_note("\t ")), std::vector<std::string>{"text:required"});
    EXPECT_EQ(codes(check_note(std::string(k_longest_note + 1, 'n'))),
              std::vector<std::string>{"text:unusable_text"});
    EXPECT_TRUE(check_message("¿Puede decirnos la hora?\nGracias.").empty());
    EXPECT_EQ(codes(check_message("")), std::vector<std::string>{"text:required"});
    EXPECT_EQ(codes(check_message("right\u202Eleft")),
              std::vector<std::string>{"text:unusable_text"});
    // Counted in code points, not bytes.
    EXPECT_TRUE(check_message(std::string(k_longest_message / 2, 'a') + "é").empty());
}

TEST(CaseFile, ATaskSaysWhatAndIsDueOnADayFromToday) {
    const Date today{std::chrono::year{2026}, std::chrono::month{3}, std::chrono::day{5}};
    EXPECT_TRUE(check_task("Call the witness", "2026-03-05", today).empty());
    EXPECT_EQ(codes(check_task("Call", "2026-03-04", today)),
              std::vector<std::string>{"due:in_the_past"});
    EXPECT_EQ(codes(check_task("Call", "2036-03-05", today)),
              std::vector<std::string>{"due:too_far"});
    EXPECT_EQ(codes(check_task(" ", "", today)),
              (std::vector<std::string>{"title:required", "due:required"}));
    EXPECT_EQ(codes(check_task("Call", "2026-02-30", today)),
              std::vector<std::string>{"due:invalid_date"});
    EXPECT_EQ(codes(check_task(std::string(k_longest_task + 1, 't'), "2026-03-06", today)),
              std::vector<std::string>{"title:unusable_text"});
}

TEST(CaseFile, NamesRoundTrip) {
    for (const auto state : {CaseState::open, CaseState::findings, CaseState::closed}) {
        EXPECT_EQ(parse_case_state(case_state_name(state)), state);
    }
    for (const auto finding : {Finding::sustained, Finding::not_sustained, Finding::exonerated,
                               Finding::unfounded, Finding::policy_failure, Finding::no_finding}) {
        EXPECT_EQ(parse_finding(finding_name(finding)), finding);
    }
    for (const auto kind : {MessageKind::to_complainant, MessageKind::from_complainant,
                            MessageKind::reconsideration}) {
        EXPECT_EQ(parse_message_kind(message_kind_name(kind)), kind);
    }
    EXPECT_FALSE(parse_finding("guilty"));
}

}  // namespace
}  // namespace redress::domain
