#include "domain/clock.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "unit/domain/zone_fixtures.hpp"

namespace redress::domain {
namespace {

using namespace std::chrono;
using testing::at;
using testing::d;
using testing::new_york;

// New York, Monday to Friday, with Martin Luther King Day and Thanksgiving 2026.
BusinessCalendar office_calendar() {
    auto office = make_office_calendar(WorkingDays{}, {d(2026, 1, 19), d(2026, 11, 26)});
    EXPECT_TRUE(office.has_value());
    return BusinessCalendar(new_york(), office.value_or(OfficeCalendar{}));
}

// A hotline that works every day of the week.
BusinessCalendar every_day_calendar() {
    WorkingDays all = WorkingDays::none();
    for (unsigned day = 0; day < 7; ++day) all.add(weekday{day});
    auto office = make_office_calendar(all, {});
    EXPECT_TRUE(office.has_value());
    return BusinessCalendar(new_york(), office.value_or(OfficeCalendar{}));
}

ClockEvent start(ClockKind kind, std::string_view when, int days, DayCount count) {
    return {kind, "", ClockEventType::started, at(when), PauseReason::none, {days, count}};
}
ClockEvent event(ClockKind kind, ClockEventType what, std::string_view when,
                 PauseReason reason = PauseReason::none) {
    return {kind, "", what, at(when), reason, {}};
}

ClockStatus evaluated(const std::vector<ClockEvent>& events, const BusinessCalendar& calendar,
                      std::string_view now) {
    auto clock = Clock::replay(events);
    EXPECT_TRUE(clock.has_value()) << (clock ? "" : clock.error().message);
    if (!clock) return {};
    auto status = evaluate(*clock, calendar, at(now));
    EXPECT_TRUE(status.has_value()) << (status ? "" : status.error().message);
    return status.value_or(ClockStatus{});
}

constexpr auto k_ack = ClockKind::acknowledge;

TEST(Clock, BusinessDayBudgetIsDueAtTheEndOfTheLocalDay) {
    // Started Monday 5 January 2026 at 10:00 EST, two business days: due Wednesday the 7th,
    // which ends at 05:00 UTC on the 8th.
    const std::vector events{start(k_ack, "2026-01-05T15:00:00Z", 2, DayCount::business)};
    const auto calendar = office_calendar();
    const auto early = evaluated(events, calendar, "2026-01-06T12:00:00Z");
    EXPECT_EQ(early.state, ClockState::running);
    EXPECT_EQ(early.due, d(2026, 1, 7));
    EXPECT_EQ(early.deadline, at("2026-01-08T05:00:00Z"));
    EXPECT_EQ(early.days_remaining, 1);

    const auto last_second = evaluated(events, calendar, "2026-01-08T04:59:59Z");
    EXPECT_EQ(last_second.state, ClockState::running);
    EXPECT_EQ(last_second.remaining, seconds{1});
    EXPECT_EQ(last_second.days_remaining, 0);

    const auto boundary = evaluated(events, calendar, "2026-01-08T05:00:00Z");
    EXPECT_EQ(boundary.state, ClockState::overdue);
    EXPECT_EQ(boundary.remaining, seconds{0});

    const auto later = evaluated(events, calendar, "2026-01-09T15:00:00Z");
    EXPECT_EQ(later.state, ClockState::overdue);
    EXPECT_LT(later.remaining, seconds{0});
    EXPECT_EQ(later.days_remaining, -2);  // Thursday and Friday past the due date
}

TEST(Clock, TheStartDayIsTheLocalDayNotTheUtcDay) {
    // 02:00 UTC on Tuesday 6 January is still Monday evening in New York.
    const std::vector events{start(k_ack, "2026-01-06T02:00:00Z", 1, DayCount::business)};
    EXPECT_EQ(evaluated(events, office_calendar(), "2026-01-06T03:00:00Z").due, d(2026, 1, 6));
}

TEST(Clock, MetBeforeTheDeadlineIsMetAndAtItIsLate) {
    auto events = std::vector{start(k_ack, "2026-01-05T15:00:00Z", 2, DayCount::business)};
    auto on_time = events;
    on_time.push_back(event(k_ack, ClockEventType::met, "2026-01-08T04:59:59Z"));
    const auto met = evaluated(on_time, office_calendar(), "2026-02-01T00:00:00Z");
    EXPECT_EQ(met.state, ClockState::met);
    EXPECT_EQ(met.met_at, at("2026-01-08T04:59:59Z"));
    EXPECT_EQ(met.remaining, seconds{1});

    auto late = events;
    late.push_back(event(k_ack, ClockEventType::met, "2026-01-08T05:00:00Z"));
    EXPECT_EQ(evaluated(late, office_calendar(), "2026-02-01T00:00:00Z").state,
              ClockState::met_late);
}

TEST(Clock, ADueDateOnAHolidayMovesPastIt) {
    // Tuesday 24 November + 2 business days: Wednesday, then Thanksgiving, so Friday.
    const std::vector events{
        start(ClockKind::triage, "2026-11-24T15:00:00Z", 2, DayCount::business)};
    EXPECT_EQ(evaluated(events, office_calendar(), "2026-11-24T16:00:00Z").due, d(2026, 11, 27));
    // Friday 16 January + 1 business day: the weekend, then Martin Luther King Day.
    const std::vector mlk{start(ClockKind::triage, "2026-01-16T15:00:00Z", 1, DayCount::business)};
    EXPECT_EQ(evaluated(mlk, office_calendar(), "2026-01-16T16:00:00Z").due, d(2026, 1, 20));
}

TEST(Clock, APauseOverAWeekendMovesTheDueDateByTheBusinessDaysPaused) {
    // Monday 5 January + 5 business days: due Monday the 12th. Paused Thursday the 8th
    // waiting on the complainant, resumed Tuesday the 13th: Friday, Monday and Tuesday were
    // paused, so the due date moves three business days, to Thursday the 15th.
    const auto calendar = office_calendar();
    std::vector events{start(ClockKind::resolution, "2026-01-05T15:00:00Z", 5, DayCount::business),
                       event(ClockKind::resolution, ClockEventType::paused, "2026-01-08T15:00:00Z",
                             PauseReason::waiting_on_complainant)};

    const auto before = evaluated({events.front()}, calendar, "2026-01-06T12:00:00Z");
    EXPECT_EQ(before.due, d(2026, 1, 12));

    // On the Saturday, one business day (Friday) has been paused so far.
    const auto saturday = evaluated(events, calendar, "2026-01-10T15:00:00Z");
    EXPECT_EQ(saturday.state, ClockState::paused);
    EXPECT_EQ(saturday.waiting_on, PauseReason::waiting_on_complainant);
    EXPECT_EQ(saturday.paused_days, 1);
    EXPECT_EQ(saturday.due, d(2026, 1, 13));

    // Past the original due date, still paused: not overdue.
    const auto paused_long = evaluated(events, calendar, "2026-01-13T12:00:00Z");
    EXPECT_EQ(paused_long.state, ClockState::paused);

    events.push_back(event(ClockKind::resolution, ClockEventType::resumed, "2026-01-13T15:00:00Z"));
    const auto resumed = evaluated(events, calendar, "2026-01-14T12:00:00Z");
    EXPECT_EQ(resumed.state, ClockState::running);
    EXPECT_EQ(resumed.paused_days, 3);
    EXPECT_EQ(resumed.due, d(2026, 1, 15));
    EXPECT_EQ(resumed.waiting_on, PauseReason::none);
    EXPECT_EQ(evaluated(events, calendar, "2026-01-16T04:59:59Z").state, ClockState::running);
    EXPECT_EQ(evaluated(events, calendar, "2026-01-16T05:00:00Z").state, ClockState::overdue);
}

TEST(Clock, APauseWithinOneWeekendMovesNothing) {
    // Paused Saturday, resumed Sunday: no business day lost.
    std::vector events{start(k_ack, "2026-01-05T15:00:00Z", 5, DayCount::business),
                       event(k_ack, ClockEventType::paused, "2026-01-10T15:00:00Z",
                             PauseReason::waiting_on_agency),
                       event(k_ack, ClockEventType::resumed, "2026-01-11T15:00:00Z")};
    const auto status = evaluated(events, office_calendar(), "2026-01-12T12:00:00Z");
    EXPECT_EQ(status.paused_days, 0);
    EXPECT_EQ(status.due, d(2026, 1, 12));
}

TEST(Clock, CalendarDayPausesCountEveryDay) {
    std::vector events{start(k_ack, "2026-01-05T15:00:00Z", 10, DayCount::calendar),
                       event(k_ack, ClockEventType::paused, "2026-01-06T15:00:00Z",
                             PauseReason::waiting_on_agency),
                       event(k_ack, ClockEventType::resumed, "2026-01-09T15:00:00Z")};
    const auto status = evaluated(events, office_calendar(), "2026-01-09T16:00:00Z");
    EXPECT_EQ(status.paused_days, 3);
    // 5 January + 13 days is Sunday the 18th; Monday the 19th is a holiday: Tuesday.
    EXPECT_EQ(status.due, d(2026, 1, 20));
}

TEST(Clock, APauseAfterTheDeadlineDoesNotExcuseIt) {
    std::vector events{start(k_ack, "2026-01-05T15:00:00Z", 2, DayCount::business),
                       event(k_ack, ClockEventType::paused, "2026-01-08T15:00:00Z",
                             PauseReason::waiting_on_complainant),
                       event(k_ack, ClockEventType::resumed, "2026-01-12T15:00:00Z")};
    const auto status = evaluated(events, office_calendar(), "2026-01-12T16:00:00Z");
    EXPECT_EQ(status.state, ClockState::overdue);
    EXPECT_EQ(status.due, d(2026, 1, 7));
    EXPECT_EQ(status.paused_days, 0);
    // Still waiting: overdue all the same, and says on whom it waits.
    events.pop_back();
    const auto waiting = evaluated(events, office_calendar(), "2026-01-09T16:00:00Z");
    EXPECT_EQ(waiting.state, ClockState::overdue);
    EXPECT_EQ(waiting.waiting_on, PauseReason::waiting_on_complainant);
}

TEST(Clock, OverdueExactlyAtTheEndOfADaylightSavingChangeDay) {
    // Friday 6 March + 2 calendar days: Sunday 8 March, the day New York moves to EDT. It
    // ends at midnight EDT, 04:00 UTC (not 05:00 as in winter, nor 00:00 UTC).
    const std::vector events{start(k_ack, "2026-03-06T17:00:00Z", 2, DayCount::calendar)};
    const auto calendar = every_day_calendar();
    const auto before = evaluated(events, calendar, "2026-03-09T03:59:59Z");
    EXPECT_EQ(before.due, d(2026, 3, 8));
    EXPECT_EQ(before.state, ClockState::running);
    EXPECT_EQ(before.remaining, seconds{1});
    EXPECT_EQ(evaluated(events, calendar, "2026-03-09T04:00:00Z").state, ClockState::overdue);

    // Back to EST on Sunday 1 November: that day ends at 05:00 UTC.
    const std::vector autumn{start(k_ack, "2026-10-30T17:00:00Z", 2, DayCount::calendar)};
    EXPECT_EQ(evaluated(autumn, calendar, "2026-11-02T04:59:59Z").state, ClockState::running);
    EXPECT_EQ(evaluated(autumn, calendar, "2026-11-02T05:00:00Z").state, ClockState::overdue);
}

TEST(Clock, TheUpdateClockRestartsWithEachUpdate) {
    constexpr auto k_update = ClockKind::update;
    const auto calendar = office_calendar();
    // Every 5 business days from Monday 5 January: first due Monday the 12th.
    std::vector events{start(k_update, "2026-01-05T15:00:00Z", 5, DayCount::business)};
    EXPECT_EQ(evaluated(events, calendar, "2026-01-06T12:00:00Z").due, d(2026, 1, 12));

    // An update on Friday the 9th: the next is due five business days later, Friday the 16th.
    events.push_back(event(k_update, ClockEventType::met, "2026-01-09T15:00:00Z"));
    const auto after = evaluated(events, calendar, "2026-01-13T12:00:00Z");
    EXPECT_EQ(after.state, ClockState::running);
    EXPECT_EQ(after.due, d(2026, 1, 16));
    EXPECT_EQ(evaluated(events, calendar, "2026-01-17T05:00:00Z").state, ClockState::overdue);

    // A late update still restarts it: given Thursday the 22nd (MLK Day on the 19th), next
    // due five business days later, Thursday the 29th.
    events.push_back(event(k_update, ClockEventType::met, "2026-01-22T15:00:00Z"));
    const auto restarted = evaluated(events, calendar, "2026-01-22T16:00:00Z");
    EXPECT_EQ(restarted.state, ClockState::running);
    EXPECT_EQ(restarted.due, d(2026, 1, 29));

    auto clock = Clock::replay(events);
    ASSERT_TRUE(clock.has_value());
    EXPECT_EQ(clock->updates_given(), 2u);
    EXPECT_EQ(clock->last_update_at(), at("2026-01-22T15:00:00Z"));
    EXPECT_FALSE(clock->met_at().has_value());

    // Closing the case stops it: no update is owed any more.
    events.push_back(event(k_update, ClockEventType::stopped, "2026-01-23T15:00:00Z"));
    EXPECT_EQ(evaluated(events, calendar, "2026-03-01T00:00:00Z").state, ClockState::stopped);
}

TEST(Clock, AnUpdateGivenWhilePausedStartsTheNextIntervalPaused) {
    constexpr auto k_update = ClockKind::update;
    const std::vector events{start(k_update, "2026-01-05T15:00:00Z", 5, DayCount::business),
                             event(k_update, ClockEventType::paused, "2026-01-06T15:00:00Z",
                                   PauseReason::waiting_on_agency),
                             event(k_update, ClockEventType::met, "2026-01-07T15:00:00Z")};
    auto clock = Clock::replay(events);
    ASSERT_TRUE(clock.has_value());
    EXPECT_TRUE(clock->is_paused());
    EXPECT_EQ(clock->period_started_at(), at("2026-01-07T15:00:00Z"));
    const auto status = evaluated(events, office_calendar(), "2026-01-08T15:00:00Z");
    EXPECT_EQ(status.state, ClockState::paused);
    EXPECT_EQ(status.waiting_on, PauseReason::waiting_on_agency);
    EXPECT_EQ(status.due, d(2026, 1, 15));  // 7th + 5 = 14th, plus the 8th paused
}

TEST(Clock, AStatutoryWindowIsNamedAndCarriesItsOwnBudget) {
    ClockEvent started{ClockKind::statutory,    "",
                       ClockEventType::started, at("2026-01-05T15:00:00Z"),
                       PauseReason::none,       {20, DayCount::business}};
    EXPECT_FALSE(Clock::replay(std::vector{started}).has_value());
    started.window = "foia-response";
    auto clock = Clock::replay(std::vector{started});
    ASSERT_TRUE(clock.has_value());
    EXPECT_EQ(clock->window(), "foia-response");
    const auto status = evaluate(*clock, office_calendar(), at("2026-01-06T00:00:00Z"));
    ASSERT_TRUE(status.has_value());
    EXPECT_EQ(status->window, "foia-response");
    EXPECT_EQ(status->due, d(2026, 2, 3));  // 20 business days, MLK Day skipped
    // Other kinds have no name.
    auto named = start(k_ack, "2026-01-05T15:00:00Z", 1, DayCount::business);
    named.window = "x";
    EXPECT_FALSE(Clock::replay(std::vector{named}).has_value());
}

TEST(Clock, ServiceLevelsGiveTheBudgets) {
    const ServiceLevels levels{2, 10, 30, 180, DayCount::business};
    EXPECT_EQ(service_level_budget(ClockKind::acknowledge, levels)->days, 2);
    EXPECT_EQ(service_level_budget(ClockKind::triage, levels)->days, 10);
    EXPECT_EQ(service_level_budget(ClockKind::update, levels)->days, 30);
    EXPECT_EQ(service_level_budget(ClockKind::resolution, levels)->days, 180);
    EXPECT_EQ(service_level_budget(ClockKind::resolution, levels)->day_count, DayCount::business);
    EXPECT_FALSE(service_level_budget(ClockKind::referral_response, levels).has_value());
    EXPECT_FALSE(service_level_budget(ClockKind::statutory, levels).has_value());
}

TEST(Clock, EventsOutOfTurnAreRefusedAndChangeNothing) {
    const auto started = start(k_ack, "2026-01-05T15:00:00Z", 2, DayCount::business);
    const auto pause = event(k_ack, ClockEventType::paused, "2026-01-06T15:00:00Z",
                             PauseReason::waiting_on_complainant);
    const auto resume = event(k_ack, ClockEventType::resumed, "2026-01-06T16:00:00Z");
    const auto met = event(k_ack, ClockEventType::met, "2026-01-06T17:00:00Z");

    Clock fresh;
    auto refused = fresh.apply(pause);
    ASSERT_FALSE(refused.has_value());
    EXPECT_EQ(refused.error().code, util::ErrorCode::conflict);
    EXPECT_FALSE(fresh.has_started());
    EXPECT_FALSE(Clock::replay(std::vector{met}).has_value());

    Clock clock;
    ASSERT_TRUE(clock.apply(started).has_value());
    EXPECT_EQ(clock.apply(started).error().code, util::ErrorCode::conflict);  // twice
    EXPECT_EQ(clock.apply(resume).error().code, util::ErrorCode::conflict);   // not paused
    auto no_reason = pause;
    no_reason.reason = PauseReason::none;
    EXPECT_EQ(clock.apply(no_reason).error().code, util::ErrorCode::invalid_input);
    EXPECT_FALSE(clock.is_paused());
    ASSERT_TRUE(clock.apply(pause).has_value());
    EXPECT_EQ(clock.apply(pause).error().code, util::ErrorCode::conflict);  // paused twice
    auto earlier = resume;
    earlier.at = at("2026-01-06T14:00:00Z");
    EXPECT_EQ(clock.apply(earlier).error().code, util::ErrorCode::invalid_input);
    EXPECT_TRUE(clock.is_paused());
    auto other_kind = resume;
    other_kind.kind = ClockKind::triage;
    EXPECT_EQ(clock.apply(other_kind).error().code, util::ErrorCode::invalid_input);
    ASSERT_TRUE(clock.apply(resume).has_value());
    ASSERT_TRUE(clock.apply(met).has_value());
    EXPECT_EQ(clock.apply(met).error().code, util::ErrorCode::conflict);  // met twice
    EXPECT_EQ(clock.met_at(), at("2026-01-06T17:00:00Z"));

    // A reopened case starts the clock again.
    auto again = start(k_ack, "2026-02-02T15:00:00Z", 2, DayCount::business);
    ASSERT_TRUE(clock.apply(again).has_value());
    EXPECT_FALSE(clock.met_at().has_value());
    EXPECT_TRUE(clock.pauses().empty());
}

TEST(Clock, AbsurdInputsAreRefused) {
    EXPECT_FALSE(Clock::replay(std::vector<ClockEvent>{}).has_value());
    EXPECT_FALSE(
        Clock::replay(std::vector{start(k_ack, "2026-01-05T15:00:00Z", 3651, DayCount::business)})
            .has_value());
    EXPECT_FALSE(
        Clock::replay(std::vector{start(k_ack, "2026-01-05T15:00:00Z", -1, DayCount::calendar)})
            .has_value());

    // More events than a clock may have.
    std::vector events{start(ClockKind::update, "2026-01-05T15:00:00Z", 5, DayCount::business)};
    while (events.size() <= Clock::k_max_events) {
        events.push_back(event(ClockKind::update, ClockEventType::met, "2026-01-06T15:00:00Z"));
    }
    const auto too_many = Clock::replay(events);
    ASSERT_FALSE(too_many.has_value());
    EXPECT_EQ(too_many.error().code, util::ErrorCode::invalid_input);
    events.pop_back();
    EXPECT_TRUE(Clock::replay(events).has_value());

    // A clock paused for half a century cannot be counted; it says so rather than loop.
    const std::vector paused{start(k_ack, "2026-01-05T15:00:00Z", 5, DayCount::business),
                             event(k_ack, ClockEventType::paused, "2026-01-06T15:00:00Z",
                                   PauseReason::waiting_on_agency)};
    auto clock = Clock::replay(paused);
    ASSERT_TRUE(clock.has_value());
    EXPECT_FALSE(evaluate(*clock, office_calendar(), at("2076-01-06T15:00:00Z")).has_value());
    EXPECT_FALSE(evaluate(Clock{}, office_calendar(), at("2026-01-06T15:00:00Z")).has_value());
}

TEST(Clock, NamesRoundTrip) {
    for (const auto kind :
         {ClockKind::acknowledge, ClockKind::triage, ClockKind::update,
          ClockKind::referral_response, ClockKind::resolution, ClockKind::statutory}) {
        EXPECT_EQ(parse_clock_kind(clock_kind_name(kind)), kind);
    }
    for (const auto what :
         {ClockEventType::started, ClockEventType::paused, ClockEventType::resumed,
          ClockEventType::met, ClockEventType::stopped}) {
        EXPECT_EQ(parse_clock_event_type(clock_event_type_name(what)), what);
    }
    for (const auto reason :
         {PauseReason::none, PauseReason::waiting_on_complainant, PauseReason::waiting_on_agency}) {
        EXPECT_EQ(parse_pause_reason(pause_reason_name(reason)), reason);
    }
    EXPECT_EQ(parse_clock_kind("sometime"), std::nullopt);
    EXPECT_EQ(clock_state_name(ClockState::met_late), "met_late");
}

}  // namespace
}  // namespace redress::domain
