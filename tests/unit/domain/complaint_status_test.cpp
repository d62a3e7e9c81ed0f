#include "domain/complaint_status.hpp"

#include <gtest/gtest.h>

#include "zone_fixtures.hpp"

namespace redress::domain {
namespace {

using namespace std::chrono;

using testing::d;

// Received on Friday 2026-11-27 at 20:15 UTC.
const Timestamp k_received_friday_evening{sys_days{d(2026, 11, 27)} + hours{20} + minutes{15}};

ServiceLevels business_levels() {
    return ServiceLevels{2, 10, 30, 90, DayCount::business};
}

TEST(StatusName, NamesEveryStatusAndParsesItBack) {
    const std::pair<Status, const char*> all[] = {
        {Status::received, "received"},
        {Status::acknowledged, "acknowledged"},
        {Status::triaged, "triaged"},
        {Status::referred, "referred"},
        {Status::investigating, "investigating"},
        {Status::findings, "findings"},
        {Status::closed, "closed"},
    };
    for (const auto& [status, name] : all) {
        EXPECT_EQ(status_name(status), name);
        EXPECT_EQ(parse_status(name), status);
    }
}

TEST(ParseStatus, RejectsUnknownNames) {
    EXPECT_FALSE(parse_status(""));
    EXPECT_FALSE(parse_status("Received"));
    EXPECT_FALSE(parse_status("open"));
}

TEST(NextStep, AfterReceiptTheOfficeOwesAnAcknowledgment) {
    const auto next = next_step(Status::received, k_received_friday_evening, business_levels());
    ASSERT_TRUE(next);
    EXPECT_EQ(next->step, Status::acknowledged);
    EXPECT_EQ(next->due, d(2026, 12, 1));  // two business days after a Friday: Tuesday
}

TEST(NextStep, AfterAcknowledgmentATriageDecision) {
    const auto next = next_step(Status::acknowledged, k_received_friday_evening, business_levels());
    ASSERT_TRUE(next);
    EXPECT_EQ(next->step, Status::triaged);
    EXPECT_EQ(next->due, d(2026, 12, 11));
}

TEST(NextStep, WhileTheCaseIsWorkedFindingsAreOwedByTheResolutionDate) {
    for (Status status : {Status::triaged, Status::referred, Status::investigating}) {
        const auto next = next_step(status, k_received_friday_evening, business_levels());
        ASSERT_TRUE(next) << status_name(status);
        EXPECT_EQ(next->step, Status::findings);
        EXPECT_EQ(next->due, d(2027, 4, 2)) << status_name(status);  // 90 business days
    }
}

TEST(NextStep, AfterFindingsClosure) {
    const auto next = next_step(Status::findings, k_received_friday_evening, business_levels());
    ASSERT_TRUE(next);
    EXPECT_EQ(next->step, Status::closed);
    EXPECT_EQ(next->due, d(2027, 4, 2));
}

TEST(NextStep, NothingIsOwedOnceClosed) {
    EXPECT_FALSE(next_step(Status::closed, k_received_friday_evening, business_levels()));
}

TEST(NextStep, CalendarDaysCountWeekends) {
    const ServiceLevels levels{2, 10, 30, 90, DayCount::calendar};
    EXPECT_EQ(next_step(Status::received, k_received_friday_evening, levels)->due, d(2026, 11, 29));
    EXPECT_EQ(next_step(Status::acknowledged, k_received_friday_evening, levels)->due,
              d(2026, 12, 7));
    EXPECT_EQ(next_step(Status::investigating, k_received_friday_evening, levels)->due,
              d(2027, 2, 25));
}

}  // namespace
}  // namespace redress::domain
