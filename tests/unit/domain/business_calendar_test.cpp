#include "domain/business_calendar.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <vector>

#include "unit/domain/zone_fixtures.hpp"

namespace redress::domain {
namespace {

using namespace std::chrono;
using testing::at;
using testing::d;
using testing::new_york;

// US federal holidays of late 2026 (Thanksgiving, Christmas) and New Year's Day 2027.
BusinessCalendar federal() {
    auto office =
        make_office_calendar(WorkingDays{}, {d(2026, 12, 25), d(2026, 11, 26), d(2027, 1, 1)});
    EXPECT_TRUE(office.has_value());
    return BusinessCalendar(new_york(), office.value_or(OfficeCalendar{}));
}

TEST(BusinessCalendar, WeekendsAndHolidaysAreNotBusinessDays) {
    const auto calendar = federal();
    EXPECT_TRUE(calendar.is_business_day(d(2026, 12, 24)));   // Thursday
    EXPECT_FALSE(calendar.is_business_day(d(2026, 12, 25)));  // Christmas, a Friday
    EXPECT_FALSE(calendar.is_business_day(d(2026, 12, 26)));  // Saturday
    EXPECT_FALSE(calendar.is_business_day(d(2026, 12, 27)));  // Sunday
    EXPECT_TRUE(calendar.is_business_day(d(2026, 12, 28)));
}

TEST(BusinessCalendar, BusinessDaysSkipWeekendsAndHolidays) {
    const auto calendar = federal();
    EXPECT_EQ(calendar.add_days(d(2026, 12, 18), 1, DayCount::business), d(2026, 12, 21));
    EXPECT_EQ(calendar.add_days(d(2026, 12, 23), 1, DayCount::business), d(2026, 12, 24));
    // Thursday + 1: Friday is Christmas, then the weekend.
    EXPECT_EQ(calendar.add_days(d(2026, 12, 24), 1, DayCount::business), d(2026, 12, 28));
    // Over Christmas and New Year's Day: 28, 29, 30, 31 December, then 4 January.
    EXPECT_EQ(calendar.add_days(d(2026, 12, 24), 5, DayCount::business), d(2027, 1, 4));
    // From a Saturday, the first business day is Monday.
    EXPECT_EQ(calendar.add_days(d(2026, 12, 19), 1, DayCount::business), d(2026, 12, 21));
    EXPECT_EQ(calendar.add_days(d(2026, 12, 19), 0, DayCount::business), d(2026, 12, 19));
}

TEST(BusinessCalendar, ACalendarDueDateOnAClosedDayMovesToTheNextBusinessDay) {
    const auto calendar = federal();
    EXPECT_EQ(calendar.add_days(d(2026, 12, 1), 7, DayCount::calendar), d(2026, 12, 8));
    // 20 December + 5 is Christmas: owed on Monday 28th.
    EXPECT_EQ(calendar.add_days(d(2026, 12, 20), 5, DayCount::calendar), d(2026, 12, 28));
    // Landing on a Saturday.
    EXPECT_EQ(calendar.add_days(d(2026, 12, 1), 11, DayCount::calendar), d(2026, 12, 14));
    // Thanksgiving.
    EXPECT_EQ(calendar.add_days(d(2026, 11, 16), 10, DayCount::calendar), d(2026, 11, 27));
}

TEST(BusinessCalendar, OtherWorkingWeeksAreCounted) {
    WorkingDays sunday_to_thursday = WorkingDays::none();
    for (const auto name : {"sun", "mon", "tue", "wed", "thu"}) {
        sunday_to_thursday.add(*parse_weekday(name));
    }
    auto office = make_office_calendar(sunday_to_thursday, {});
    ASSERT_TRUE(office.has_value());
    const BusinessCalendar calendar(TimeZone::utc(), *office);
    EXPECT_TRUE(calendar.is_business_day(d(2026, 12, 20)));   // Sunday
    EXPECT_FALSE(calendar.is_business_day(d(2026, 12, 18)));  // Friday
    // Thursday + 1 is Sunday.
    EXPECT_EQ(calendar.add_days(d(2026, 12, 17), 1, DayCount::business), d(2026, 12, 20));
}

TEST(BusinessCalendar, CountsBusinessDaysBetweenDates) {
    const auto calendar = federal();
    EXPECT_EQ(calendar.business_days_between(d(2026, 12, 18), d(2026, 12, 18)), 0);
    EXPECT_EQ(calendar.business_days_between(d(2026, 12, 18), d(2026, 12, 21)), 1);  // Fri..Mon
    EXPECT_EQ(calendar.business_days_between(d(2026, 12, 18), d(2026, 12, 20)), 0);  // weekend
    EXPECT_EQ(calendar.business_days_between(d(2026, 12, 14), d(2026, 12, 21)), 5);
    EXPECT_EQ(calendar.business_days_between(d(2026, 12, 21), d(2026, 12, 28)), 4);  // Christmas
    EXPECT_EQ(calendar.business_days_between(d(2026, 12, 28), d(2026, 12, 21)), -4);
    EXPECT_EQ(calendar.days_between(d(2026, 12, 21), d(2026, 12, 28), DayCount::calendar), 7);
}

TEST(BusinessCalendar, CountingForwardAndBetweenAgree) {
    const auto calendar = federal();
    for (int offset = 0; offset < 21; ++offset) {
        const Date from{sys_days{d(2026, 11, 20)} + days{offset}};
        for (const int n : {0, 1, 2, 5, 9, 30}) {
            const auto due = calendar.add_days(from, n, DayCount::business);
            ASSERT_TRUE(due.has_value());
            EXPECT_TRUE(n == 0 || calendar.is_business_day(*due));
            EXPECT_EQ(calendar.business_days_between(from, *due), n)
                << iso_date(from) << " + " << n;
        }
    }
}

// Whole weeks are counted at once; the answer must be what counting day by day gives, for
// any week, any holidays (on working days or not, at either end of a range) and any count.
TEST(BusinessCalendar, CountingByWeeksAgreesWithCountingDayByDay) {
    std::mt19937 random(20261130);
    for (int round = 0; round < 60; ++round) {
        WorkingDays week = WorkingDays::none();
        for (unsigned day = 0; day < 7; ++day) {
            if (random() % 3 != 0) week.add(weekday{day});
        }
        if (week.empty()) week.add(Wednesday);
        std::vector<Date> holidays;
        for (int i = 0; i < 40; ++i) {
            holidays.push_back(Date{sys_days{d(2026, 1, 1)} + days{random() % 900}});
        }
        std::sort(holidays.begin(), holidays.end());
        holidays.erase(std::unique(holidays.begin(), holidays.end()), holidays.end());
        auto office = make_office_calendar(week, holidays);
        ASSERT_TRUE(office.has_value());
        const BusinessCalendar calendar(TimeZone::utc(), *office);
        for (int probe = 0; probe < 40; ++probe) {
            const Date from{sys_days{d(2026, 1, 1)} + days{random() % 700}};
            const int count = static_cast<int>(random() % 300);
            sys_days day{from};
            for (int left = count; left > 0;) {
                day += days{1};
                if (calendar.is_business_day(Date{day})) --left;
            }
            EXPECT_EQ(calendar.add_days(from, count, DayCount::business), Date{day})
                << "round " << round << ", " << count << " days";
            const Date to{sys_days{from} + days{random() % 400}};
            int between = 0;
            for (sys_days each = sys_days{from} + days{1}; each <= sys_days{to}; each += days{1}) {
                if (calendar.is_business_day(Date{each})) ++between;
            }
            EXPECT_EQ(calendar.business_days_between(from, to), between);
            EXPECT_EQ(calendar.business_days_between(to, from), -between);
        }
    }
}

TEST(BusinessCalendar, AbsurdCountsAreRefused) {
    const auto calendar = federal();
    EXPECT_TRUE(calendar.add_days(d(2026, 1, 1), BusinessCalendar::k_max_days, DayCount::business)
                    .has_value());
    const auto too_many =
        calendar.add_days(d(2026, 1, 1), BusinessCalendar::k_max_days + 1, DayCount::business);
    ASSERT_FALSE(too_many.has_value());
    EXPECT_EQ(too_many.error().code, util::ErrorCode::invalid_input);
    EXPECT_FALSE(calendar.add_days(d(2026, 1, 1), -1, DayCount::calendar).has_value());
    EXPECT_FALSE(calendar.add_days(d(2026, 2, 30), 1, DayCount::calendar).has_value());
    EXPECT_FALSE(calendar.business_days_between(d(1900, 1, 1), d(2026, 1, 1)).has_value());
    EXPECT_FALSE(
        calendar.days_between(d(2026, 1, 1), d(2200, 1, 1), DayCount::calendar).has_value());
    EXPECT_FALSE(calendar.due_date(d(2026, 1, 1), 10, -1, DayCount::business).has_value());
    EXPECT_FALSE(
        calendar.due_date(d(2026, 1, 1), 10, BusinessCalendar::k_max_span_days, DayCount::business)
            .has_value());
}

TEST(BusinessCalendar, TheDeadlineIsTheEndOfTheLocalDay) {
    const auto calendar = federal();
    EXPECT_EQ(calendar.deadline(d(2026, 12, 24)), at("2026-12-25T05:00:00Z"));
    EXPECT_EQ(calendar.deadline(d(2026, 7, 1)), at("2026-07-02T04:00:00Z"));
    // The day the clocks go forward ends at midnight EDT; the day before at midnight EST.
    EXPECT_EQ(calendar.deadline(d(2026, 3, 7)), at("2026-03-08T05:00:00Z"));
    EXPECT_EQ(calendar.deadline(d(2026, 3, 8)), at("2026-03-09T04:00:00Z"));
    EXPECT_EQ(calendar.deadline(d(2026, 11, 1)), at("2026-11-02T05:00:00Z"));
    EXPECT_EQ(calendar.local_date(at("2026-12-25T04:59:59Z")), d(2026, 12, 24));
}

TEST(OfficeCalendar, HolidaysAreSortedAndChecked) {
    auto sorted = make_office_calendar(WorkingDays{}, {d(2027, 1, 1), d(2026, 12, 25)});
    ASSERT_TRUE(sorted.has_value());
    EXPECT_EQ(sorted->holidays.front(), d(2026, 12, 25));

    const auto twice = make_office_calendar(WorkingDays{}, {d(2026, 12, 25), d(2026, 12, 25)});
    ASSERT_FALSE(twice.has_value());
    EXPECT_NE(twice.error().message.find("2026-12-25"), std::string::npos);
    EXPECT_FALSE(make_office_calendar(WorkingDays{}, {d(2026, 2, 29)}).has_value());
    EXPECT_FALSE(make_office_calendar(WorkingDays::none(), {}).has_value());

    std::vector<Date> many;
    for (std::size_t i = 0; i <= OfficeCalendar::k_max_holidays; ++i) {
        many.push_back(Date{sys_days{d(2026, 1, 1)} + days{static_cast<int>(i)}});
    }
    EXPECT_FALSE(make_office_calendar(WorkingDays{}, many).has_value());
    many.pop_back();
    EXPECT_TRUE(make_office_calendar(WorkingDays{}, many).has_value());
}

TEST(OfficeCalendar, WorkingDaysDefaultToMondayToFriday) {
    const WorkingDays week;
    EXPECT_TRUE(week.contains(Monday));
    EXPECT_TRUE(week.contains(Friday));
    EXPECT_FALSE(week.contains(Saturday));
    EXPECT_FALSE(week.contains(Sunday));
    WorkingDays custom = WorkingDays::none();
    EXPECT_TRUE(custom.add(Saturday));
    EXPECT_FALSE(custom.add(Saturday));
    EXPECT_EQ(parse_weekday("sat"), Saturday);
    EXPECT_EQ(parse_weekday("Saturday"), std::nullopt);
}

}  // namespace
}  // namespace redress::domain
