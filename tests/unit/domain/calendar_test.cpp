#include "domain/calendar.hpp"

#include <gtest/gtest.h>

#include "zone_fixtures.hpp"

namespace redress::domain {
namespace {

using namespace std::chrono;

using testing::d;

// 2026-11-27 is a Friday.
const Date k_friday = d(2026, 11, 27);
const Date k_wednesday = d(2026, 11, 25);

TEST(AddDays, CalendarDaysCountEveryDay) {
    EXPECT_EQ(add_days(k_friday, 1, DayCount::calendar), d(2026, 11, 28));
    EXPECT_EQ(add_days(k_friday, 5, DayCount::calendar), d(2026, 12, 2));
    EXPECT_EQ(add_days(d(2026, 12, 30), 3, DayCount::calendar), d(2027, 1, 2));
    EXPECT_EQ(add_days(d(2028, 2, 28), 1, DayCount::calendar), d(2028, 2, 29));
}

TEST(AddDays, ZeroDaysIsTheSameDay) {
    EXPECT_EQ(add_days(k_friday, 0, DayCount::calendar), k_friday);
    EXPECT_EQ(add_days(k_friday, 0, DayCount::business), k_friday);
    EXPECT_EQ(add_days(d(2026, 11, 28), 0, DayCount::business), d(2026, 11, 28));  // Saturday
}

TEST(AddDays, BusinessDaysSkipTheWeekend) {
    EXPECT_EQ(add_days(k_friday, 1, DayCount::business), d(2026, 11, 30));  // Monday
    EXPECT_EQ(add_days(k_friday, 2, DayCount::business), d(2026, 12, 1));
    EXPECT_EQ(add_days(k_wednesday, 2, DayCount::business), k_friday);
    EXPECT_EQ(add_days(k_wednesday, 3, DayCount::business), d(2026, 11, 30));
    EXPECT_EQ(add_days(k_friday, 5, DayCount::business), d(2026, 12, 4));  // a week later
    EXPECT_EQ(add_days(k_friday, 10, DayCount::business), d(2026, 12, 11));
}

TEST(AddDays, BusinessDaysFromAWeekendStartOnMonday) {
    EXPECT_EQ(add_days(d(2026, 11, 28), 1, DayCount::business), d(2026, 11, 30));
    EXPECT_EQ(add_days(d(2026, 11, 29), 1, DayCount::business), d(2026, 11, 30));
}

TEST(AddDays, NegativeBusinessDaysGoBackOverTheWeekend) {
    EXPECT_EQ(add_days(d(2026, 11, 30), -1, DayCount::business), k_friday);
    EXPECT_EQ(add_days(d(2026, 11, 30), -1, DayCount::calendar), d(2026, 11, 29));
}

TEST(DateOf, IsTheUtcDate) {
    const auto at = sys_days{k_friday} + hours{23} + minutes{59} + seconds{59};
    EXPECT_EQ(date_of(time_point_cast<seconds>(at)), k_friday);
    EXPECT_EQ(date_of(time_point_cast<seconds>(at + seconds{1})), d(2026, 11, 28));
}

TEST(IsoDate, WritesYearMonthDay) {
    EXPECT_EQ(iso_date(k_friday), "2026-11-27");
    EXPECT_EQ(iso_date(d(2027, 1, 2)), "2027-01-02");
}

TEST(IsoDate, PadsShortYearsAndWritesLongOnesWhole) {
    EXPECT_EQ(iso_date(d(999, 12, 31)), "0999-12-31");
    EXPECT_EQ(iso_date(d(9999, 12, 31)), "9999-12-31");
    EXPECT_EQ(iso_date(d(10000, 1, 1)), "10000-01-01");
}

TEST(IsoTimestamp, WritesUtcWithZ) {
    const Timestamp at{sys_days{k_friday} + hours{20} + minutes{15} + seconds{3}};
    EXPECT_EQ(iso_timestamp(at), "2026-11-27T20:15:03Z");
    EXPECT_EQ(iso_timestamp(Timestamp{sys_days{d(2027, 1, 2)}}), "2027-01-02T00:00:00Z");
    EXPECT_EQ(iso_timestamp(Timestamp{}), "1970-01-01T00:00:00Z");
    EXPECT_EQ(
        iso_timestamp(Timestamp{sys_days{d(2026, 12, 31)} + hours{23} + minutes{59} + seconds{59}}),
        "2026-12-31T23:59:59Z");
}

TEST(ParseIsoDate, ReadsRealDates) {
    EXPECT_EQ(parse_iso_date("2026-11-27"), k_friday);
    EXPECT_EQ(parse_iso_date("2028-02-29"), d(2028, 2, 29));
}

TEST(ParseIsoDate, RejectsAnythingElse) {
    for (const char* text : {"", "2026-11-7", "2026-1-27", "26-11-27", "2026/11/27", "2026-11-27 ",
                             " 2026-11-27", "2026-13-01", "2026-00-10", "2026-11-00", "2026-02-29",
                             "2026-04-31", "2026-11-2x", "2026-11-27T00:00:00Z", "+026-11-27"}) {
        EXPECT_FALSE(parse_iso_date(text)) << text;
    }
}

TEST(ParseIsoTimestamp, RoundTripsWithIsoTimestamp) {
    const Timestamp at{sys_days{k_friday} + hours{20} + minutes{15} + seconds{3}};
    EXPECT_EQ(parse_iso_timestamp("2026-11-27T20:15:03Z"), at);
    EXPECT_EQ(parse_iso_timestamp(iso_timestamp(at)), at);
}

TEST(ParseIsoTimestamp, RejectsAnythingElse) {
    for (const char* text :
         {"", "2026-11-27", "2026-11-27T20:15:03", "2026-11-27 20:15:03Z", "2026-11-27T24:00:00Z",
          "2026-11-27T20:60:00Z", "2026-11-27T20:15:60Z", "2026-02-30T20:15:03Z",
          "2026-11-27T20:15:03+00:00", "2026-11-27t20:15:03z"}) {
        EXPECT_FALSE(parse_iso_timestamp(text)) << text;
    }
}

}  // namespace
}  // namespace redress::domain
