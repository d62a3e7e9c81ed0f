#include "domain/owed.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "unit/domain/zone_fixtures.hpp"

namespace redress::domain {
namespace {

using testing::at;
using testing::d;
using testing::new_york;

ClockStatus status(ClockKind kind, ClockState state, Date due) {
    ClockStatus status;
    status.kind = kind;
    status.state = state;
    status.due = due;
    status.deadline =
        Timestamp{std::chrono::sys_days{due}.time_since_epoch()} + std::chrono::hours{24 + 5};
    return status;
}

TEST(Owed, TheNextUpdateIsDueByItsDate) {
    const std::vector clocks{status(ClockKind::update, ClockState::running, d(2026, 3, 3))};
    const auto owed = next_owed(clocks);
    ASSERT_TRUE(owed.has_value());
    EXPECT_EQ(owed->kind, ClockKind::update);
    EXPECT_EQ(owed->due, d(2026, 3, 3));
    EXPECT_EQ(owed->tense, OwedTense::due_by);
}

TEST(Owed, AnOverdueUpdateIsSaidToHaveBeenDue) {
    const std::vector clocks{
        status(ClockKind::resolution, ClockState::running, d(2026, 2, 20)),
        status(ClockKind::update, ClockState::overdue, d(2026, 3, 3)),
    };
    const auto owed = next_owed(clocks);
    ASSERT_TRUE(owed.has_value());
    EXPECT_EQ(owed->kind, ClockKind::update);
    EXPECT_EQ(owed->tense, OwedTense::was_due);
    EXPECT_EQ(owed->due, d(2026, 3, 3));
}

TEST(Owed, TheEarliestOfSeveralIsOwedFirst) {
    const std::vector clocks{
        status(ClockKind::resolution, ClockState::running, d(2026, 9, 1)),
        status(ClockKind::update, ClockState::running, d(2026, 3, 3)),
        status(ClockKind::acknowledge, ClockState::met, d(2026, 1, 7)),
        status(ClockKind::update, ClockState::overdue, d(2026, 1, 3)),
        status(ClockKind::resolution, ClockState::overdue, d(2026, 2, 3)),
    };
    const auto owed = next_owed(std::span(clocks).first(2));
    ASSERT_TRUE(owed.has_value());
    EXPECT_EQ(owed->kind, ClockKind::update);
    const auto overdue = next_owed(clocks);
    ASSERT_TRUE(overdue.has_value());
    EXPECT_EQ(overdue->due, d(2026, 1, 3));
    EXPECT_EQ(overdue->tense, OwedTense::was_due);
}

TEST(Owed, TheOfficesOwnStepsAndEndedClocksAreNotOwedToTheComplainant) {
    const std::vector clocks{
        status(ClockKind::triage, ClockState::overdue, d(2026, 1, 3)),
        status(ClockKind::referral_response, ClockState::overdue, d(2026, 1, 3)),
        status(ClockKind::acknowledge, ClockState::met_late, d(2026, 1, 7)),
        status(ClockKind::update, ClockState::stopped, d(2026, 1, 7)),
    };
    EXPECT_FALSE(next_owed(clocks).has_value());
    EXPECT_FALSE(next_owed({}).has_value());
}

TEST(Owed, APausedClockSaysOnWhomItWaits) {
    auto paused = status(ClockKind::resolution, ClockState::paused, d(2026, 5, 1));
    paused.waiting_on = PauseReason::waiting_on_complainant;
    paused.window = "";
    const auto owed = next_owed(std::vector{paused});
    ASSERT_TRUE(owed.has_value());
    EXPECT_EQ(owed->waiting_on, PauseReason::waiting_on_complainant);
    EXPECT_EQ(owed->tense, OwedTense::due_by);
}

TEST(Owed, TheAcknowledgmentOwedFirstStillSaysTheOfficeWaits) {
    // Paused before anyone acknowledged the complaint: acknowledging runs on (it is never
    // paused) and is owed first, but the complainant is told the office waits on them.
    auto update = status(ClockKind::update, ClockState::paused, d(2026, 3, 3));
    update.waiting_on = PauseReason::waiting_on_complainant;
    auto resolution = status(ClockKind::resolution, ClockState::paused, d(2026, 9, 1));
    resolution.waiting_on = PauseReason::waiting_on_complainant;
    const std::vector clocks{
        status(ClockKind::acknowledge, ClockState::running, d(2026, 1, 7)),
        update,
        resolution,
    };
    const auto owed = next_owed(clocks);
    ASSERT_TRUE(owed.has_value());
    EXPECT_EQ(owed->kind, ClockKind::acknowledge);
    EXPECT_EQ(owed->due, d(2026, 1, 7));
    EXPECT_EQ(owed->waiting_on, PauseReason::waiting_on_complainant);
    // Running again, nothing waits.
    const std::vector running{
        status(ClockKind::acknowledge, ClockState::running, d(2026, 1, 7)),
        status(ClockKind::update, ClockState::running, d(2026, 3, 3)),
    };
    EXPECT_EQ(next_owed(running)->waiting_on, PauseReason::none);
}

TEST(Owed, FromRealClocksAnUpdateNotGivenWasDue) {
    // Updates every 5 business days from Monday 5 January 2026; none given by the 13th.
    const std::vector events{ClockEvent{ClockKind::update, "", ClockEventType::started,
                                        at("2026-01-05T15:00:00Z"), PauseReason::none,
                                        ClockBudget{5, DayCount::business}}};
    auto clock = Clock::replay(events);
    ASSERT_TRUE(clock.has_value());
    const BusinessCalendar calendar(new_york(), OfficeCalendar{});
    const auto on_time = evaluate(*clock, calendar, at("2026-01-12T12:00:00Z"));
    const auto late = evaluate(*clock, calendar, at("2026-01-13T12:00:00Z"));
    ASSERT_TRUE(on_time.has_value() && late.has_value());
    EXPECT_EQ(next_owed(std::vector{*on_time})->tense, OwedTense::due_by);
    const auto owed = next_owed(std::vector{*late});
    ASSERT_TRUE(owed.has_value());
    EXPECT_EQ(owed->tense, OwedTense::was_due);
    EXPECT_EQ(owed->due, d(2026, 1, 12));
}

}  // namespace
}  // namespace redress::domain
