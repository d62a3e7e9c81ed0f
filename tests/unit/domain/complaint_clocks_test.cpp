// A complaint's service-level clocks rebuilt from its events and the office's messages, and
// what the complainant is told is owed next: due by a day, or due on a day now past.

#include "domain/complaint_clocks.hpp"

#include <gtest/gtest.h>

#include "domain/owed.hpp"

namespace redress::domain {
namespace {

Timestamp day(int month, int d) {
    return Timestamp(std::chrono::sys_days{std::chrono::year{2026} / month / d} +
                     std::chrono::hours(12));
}

const ServiceLevels k_levels{2, 10, 30, 180, DayCount::calendar};
const BusinessCalendar k_calendar;  // UTC, Monday to Friday, no holidays

std::vector<ClockStatus> clocks(const std::vector<TimelineEvent>& timeline,
                                const std::vector<Timestamp>& updates, Timestamp now) {
    auto found = complaint_clocks({day(3, 2), timeline, updates}, k_levels, k_calendar, now);
    EXPECT_TRUE(found) << found.error().message;
    return found ? *found : std::vector<ClockStatus>{};
}

const ClockStatus& of(const std::vector<ClockStatus>& all, ClockKind kind) {
    for (const auto& clock : all) {
        if (clock.kind == kind) return clock;
    }
    static const ClockStatus none{};
    ADD_FAILURE() << "no clock " << clock_kind_name(kind);
    return none;
}

Date due(int month, int d, int days) {
    return k_calendar.add_days(k_calendar.local_date(day(month, d)), days, DayCount::calendar)
        .value();
}

const TimelineEvent k_received{day(3, 2), Status::received, {}};

TEST(ComplaintClocks, ANewComplaintOwesAnAcknowledgmentFirst) {
    const auto all = clocks({k_received}, {}, day(3, 3));
    ASSERT_EQ(all.size(), 4u);
    EXPECT_EQ(of(all, ClockKind::acknowledge).state, ClockState::running);
    EXPECT_EQ(of(all, ClockKind::acknowledge).due, due(3, 2, 2));
    const auto owed = next_owed(all);
    ASSERT_TRUE(owed);
    EXPECT_EQ(owed->kind, ClockKind::acknowledge);
    EXPECT_EQ(owed->tense, OwedTense::due_by);
}

TEST(ComplaintClocks, TheFirstDeadlineIsTheNextDeadlineUntilSomethingHappens) {
    const auto first = first_deadline(day(3, 2), k_levels, k_calendar);
    ASSERT_TRUE(first) << first.error().message;
    ASSERT_TRUE(*first);
    EXPECT_EQ((*first)->kind, ClockKind::acknowledge);
    EXPECT_EQ((*first)->due, due(3, 2, 2));
    // What the deadline keeper works out later, before and after it passed, is the same.
    for (const auto now : {day(3, 2), day(3, 3), day(4, 30)}) {
        const auto later = next_deadline(clocks({k_received}, {}, now));
        ASSERT_TRUE(later);
        EXPECT_EQ(later->kind, (*first)->kind);
        EXPECT_EQ(later->due, (*first)->due);
        EXPECT_EQ(later->deadline, (*first)->deadline);
    }
    // Nothing promised: no deadline.
    const auto none =
        first_deadline(day(3, 2), ServiceLevels{0, 0, 0, 0, DayCount::calendar}, k_calendar);
    ASSERT_TRUE(none);
    EXPECT_FALSE(*none);
}

TEST(ComplaintClocks, TriageMeetsAcknowledgmentAndTriageAndStartsTheUpdatePeriod) {
    const std::vector<TimelineEvent> timeline{k_received,
                                              {day(3, 4), Status::investigating, "accepted"}};
    const auto all = clocks(timeline, {}, day(3, 5));
    EXPECT_EQ(of(all, ClockKind::acknowledge).state, ClockState::met);
    EXPECT_EQ(of(all, ClockKind::triage).state, ClockState::met);
    EXPECT_EQ(of(all, ClockKind::update).state, ClockState::running);
    EXPECT_EQ(of(all, ClockKind::update).due, due(3, 4, 30));
}

TEST(ComplaintClocks, AnUpdateNotGivenIsSaidToHaveBeenDue) {
    const std::vector<TimelineEvent> timeline{k_received, {day(3, 4), Status::investigating, ""}};
    const auto late = clocks(timeline, {}, day(4, 20));
    EXPECT_EQ(of(late, ClockKind::update).state, ClockState::overdue);
    const auto owed = next_owed(late);
    ASSERT_TRUE(owed);
    EXPECT_EQ(owed->kind, ClockKind::update);
    EXPECT_EQ(owed->tense, OwedTense::was_due);
    EXPECT_EQ(owed->due, due(3, 4, 30));

    // A message from the office is an update: the next one is owed from then on.
    const auto answered = clocks(timeline, {day(4, 1)}, day(4, 20));
    EXPECT_EQ(of(answered, ClockKind::update).state, ClockState::running);
    EXPECT_EQ(of(answered, ClockKind::update).due, due(4, 1, 30));
    EXPECT_EQ(next_owed(answered)->tense, OwedTense::due_by);
}

TEST(ComplaintClocks, ClosureMeetsTheOutcomeAndReconsiderationOwesItAnew) {
    std::vector<TimelineEvent> timeline{k_received,
                                        {day(3, 4), Status::investigating, ""},
                                        {day(3, 20), Status::findings, ""},
                                        {day(3, 23), Status::closed, ""}};
    const auto closed = clocks(timeline, {}, day(6, 1));
    EXPECT_EQ(of(closed, ClockKind::resolution).state, ClockState::met);
    EXPECT_EQ(of(closed, ClockKind::update).state, ClockState::stopped);
    EXPECT_FALSE(next_owed(closed));

    timeline.push_back({day(4, 2), Status::investigating, "reconsideration requested"});
    const auto reopened = clocks(timeline, {}, day(4, 3));
    EXPECT_EQ(of(reopened, ClockKind::resolution).state, ClockState::running);
    EXPECT_EQ(of(reopened, ClockKind::resolution).due, due(4, 2, 180));
    EXPECT_EQ(of(reopened, ClockKind::update).due, due(4, 2, 30));
}

TEST(ComplaintClocks, AReferralAnsweredBackToTriageKeepsTheTriageClockMet) {
    const std::vector<TimelineEvent> timeline{k_received,
                                              {day(3, 3), Status::referred, "to OIG"},
                                              {day(3, 5), Status::acknowledged, "returned"}};
    const auto all = clocks(timeline, {}, day(3, 6));
    EXPECT_EQ(of(all, ClockKind::triage).state, ClockState::met);
    EXPECT_EQ(of(all, ClockKind::update).due, due(3, 5, 30));
}

TEST(ComplaintClocks, APromiseOfZeroDaysIsNotAClock) {
    const ServiceLevels levels{0, 10, 0, 180, DayCount::business};
    const auto all =
        complaint_clocks({day(3, 2), std::vector{k_received}, {}}, levels, k_calendar, day(3, 3));
    ASSERT_TRUE(all);
    EXPECT_EQ(all->size(), 2u);
}

std::vector<ClockStatus> held(const std::vector<TimelineEvent>& timeline,
                              const std::vector<ClockHold>& holds, Timestamp now) {
    auto found = complaint_clocks({day(3, 2), timeline, {}, holds}, k_levels, k_calendar, now);
    EXPECT_TRUE(found) << found.error().message;
    return found ? *found : std::vector<ClockStatus>{};
}

TEST(ComplaintClocks, APauseWhileTheOfficeWaitsMovesTheDueDaysByTheDaysPaused) {
    const std::vector<TimelineEvent> timeline{k_received, {day(3, 4), Status::investigating, ""}};
    // Paused on 3-10, waiting on the complainant: while paused, the update is owed no sooner.
    const std::vector<ClockHold> paused{{day(3, 10), PauseReason::waiting_on_complainant}};
    const auto waiting = held(timeline, paused, day(4, 20));
    EXPECT_EQ(of(waiting, ClockKind::update).state, ClockState::paused);
    EXPECT_EQ(of(waiting, ClockKind::resolution).state, ClockState::paused);
    const auto owed = next_owed(waiting);
    ASSERT_TRUE(owed);
    EXPECT_EQ(owed->waiting_on, PauseReason::waiting_on_complainant);
    EXPECT_EQ(owed->tense, OwedTense::due_by);

    // Resumed on 3-20: ten days paused are added to the update's due day.
    const std::vector<ClockHold> resumed{{day(3, 10), PauseReason::waiting_on_agency},
                                         {day(3, 20), PauseReason::none}};
    const auto after = held(timeline, resumed, day(4, 1));
    EXPECT_EQ(of(after, ClockKind::update).state, ClockState::running);
    EXPECT_EQ(of(after, ClockKind::update).due, due(3, 4, 40));
    EXPECT_EQ(next_owed(after)->waiting_on, PauseReason::none);
}

TEST(ComplaintClocks, AcknowledgingIsNeverPausedAndAClosureEndsTheWait) {
    // Paused before it was acknowledged: the acknowledgment is still owed on its day.
    const auto early =
        held({k_received}, {{day(3, 2), PauseReason::waiting_on_complainant}}, day(3, 10));
    EXPECT_EQ(of(early, ClockKind::acknowledge).state, ClockState::overdue);
    EXPECT_EQ(of(early, ClockKind::triage).state, ClockState::paused);

    // Closed while paused, then reopened for reconsideration: the clocks owe anew, running.
    const std::vector<TimelineEvent> timeline{k_received,
                                              {day(3, 4), Status::investigating, ""},
                                              {day(3, 20), Status::closed, ""},
                                              {day(3, 25), Status::investigating, ""}};
    const auto reopened =
        held(timeline, {{day(3, 10), PauseReason::waiting_on_complainant}}, day(3, 26));
    EXPECT_EQ(of(reopened, ClockKind::update).state, ClockState::running);
    EXPECT_EQ(of(reopened, ClockKind::update).due, due(3, 25, 30));
    EXPECT_EQ(of(reopened, ClockKind::resolution).state, ClockState::running);
}

TEST(ComplaintClocks, TheNextDeadlineIsTheEarliestOfAClockThatRunsOrIsLate) {
    // New: the acknowledgment falls due first.
    const auto fresh = next_deadline(clocks({k_received}, {}, day(3, 3)));
    ASSERT_TRUE(fresh);
    EXPECT_EQ(fresh->kind, ClockKind::acknowledge);
    EXPECT_EQ(fresh->due, due(3, 2, 2));
    EXPECT_EQ(fresh->deadline, k_calendar.deadline(fresh->due));

    // Accepted: acknowledgment and triage met; the next update is due before the outcome.
    const std::vector<TimelineEvent> accepted{k_received, {day(3, 4), Status::investigating, ""}};
    const auto working = next_deadline(clocks(accepted, {}, day(3, 5)));
    ASSERT_TRUE(working);
    EXPECT_EQ(working->kind, ClockKind::update);
    EXPECT_EQ(working->due, due(3, 4, 30));

    // Long past it, the update is late and still the next deadline: late is listed.
    const auto late = next_deadline(clocks(accepted, {}, day(6, 1)));
    ASSERT_TRUE(late);
    EXPECT_EQ(late->kind, ClockKind::update);
    EXPECT_EQ(late->due, due(3, 4, 30));
}

TEST(ComplaintClocks, NothingFallsDueWhileTheClocksArePausedInTimeOrOnceClosed) {
    const std::vector<TimelineEvent> accepted{k_received, {day(3, 4), Status::investigating, ""}};
    EXPECT_FALSE(next_deadline(
        held(accepted, {{day(3, 10), PauseReason::waiting_on_complainant}}, day(3, 11))));
    // Paused after the acknowledgment was already late: the lateness stays listed.
    const auto late = next_deadline(
        held({k_received}, {{day(3, 9), PauseReason::waiting_on_agency}}, day(3, 10)));
    ASSERT_TRUE(late);
    EXPECT_EQ(late->kind, ClockKind::acknowledge);

    const std::vector<TimelineEvent> closed{
        k_received, {day(3, 4), Status::investigating, ""}, {day(3, 20), Status::closed, ""}};
    EXPECT_FALSE(next_deadline(clocks(closed, {}, day(3, 21))));
}

}  // namespace
}  // namespace redress::domain
