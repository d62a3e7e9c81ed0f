#include "domain/time_zone.hpp"

#include <gtest/gtest.h>

#include "unit/domain/zone_fixtures.hpp"

namespace redress::domain {
namespace {

using namespace std::chrono;
using testing::at;
using testing::d;
using testing::new_york;

TEST(TimeZone, UtcIsTheDefault) {
    const TimeZone zone;
    EXPECT_EQ(zone.name(), "UTC");
    EXPECT_EQ(zone.offset_at(at("2026-07-01T12:00:00Z")), seconds{0});
    EXPECT_EQ(zone.local_date(at("2026-07-01T23:59:59Z")), d(2026, 7, 1));
    EXPECT_EQ(zone.start_of_day(d(2026, 7, 2)), at("2026-07-02T00:00:00Z"));
}

TEST(TimeZone, LocalDateFollowsTheOffsetInForce) {
    const auto zone = new_york();
    // Winter, UTC-5.
    EXPECT_EQ(zone.local_date(at("2026-01-10T04:59:59Z")), d(2026, 1, 9));
    EXPECT_EQ(zone.local_date(at("2026-01-10T05:00:00Z")), d(2026, 1, 10));
    // Summer, UTC-4.
    EXPECT_EQ(zone.local_date(at("2026-07-10T03:59:59Z")), d(2026, 7, 9));
    EXPECT_EQ(zone.local_date(at("2026-07-10T04:00:00Z")), d(2026, 7, 10));
    // Around the change itself (02:00 EST becomes 03:00 EDT on 8 March).
    EXPECT_EQ(zone.offset_at(at("2026-03-08T06:59:59Z")), hours{-5});
    EXPECT_EQ(zone.offset_at(at("2026-03-08T07:00:00Z")), hours{-4});
    EXPECT_EQ(zone.local_date(at("2026-03-09T03:59:59Z")), d(2026, 3, 8));
    EXPECT_EQ(zone.local_date(at("2026-03-09T04:00:00Z")), d(2026, 3, 9));
}

TEST(TimeZone, DaysAroundDaylightSavingChangesAreShortAndLong) {
    const auto zone = new_york();
    EXPECT_EQ(zone.start_of_day(d(2026, 3, 8)), at("2026-03-08T05:00:00Z"));
    EXPECT_EQ(zone.start_of_day(d(2026, 3, 9)), at("2026-03-09T04:00:00Z"));
    EXPECT_EQ(zone.start_of_day(d(2026, 3, 9)) - zone.start_of_day(d(2026, 3, 8)), hours{23});
    EXPECT_EQ(zone.start_of_day(d(2026, 11, 1)), at("2026-11-01T04:00:00Z"));
    EXPECT_EQ(zone.start_of_day(d(2026, 11, 2)), at("2026-11-02T05:00:00Z"));
    EXPECT_EQ(zone.start_of_day(d(2026, 11, 2)) - zone.start_of_day(d(2026, 11, 1)), hours{25});
}

TEST(TimeZone, ASkippedMidnightStartsTheDayAtTheChange) {
    // As in America/Santiago: at local midnight the clock jumps from UTC-4 to UTC-3, so
    // 00:00 to 00:59 never happen on 6 September.
    const auto zone =
        TimeZone::make("Skipped/Midnight", hours{-4}, {{at("2026-09-06T04:00:00Z"), hours{-3}}});
    ASSERT_TRUE(zone.has_value());
    EXPECT_EQ(zone->start_of_day(d(2026, 9, 6)), at("2026-09-06T04:00:00Z"));
    EXPECT_EQ(zone->local_date(at("2026-09-06T03:59:59Z")), d(2026, 9, 5));
    EXPECT_EQ(zone->local_date(at("2026-09-06T04:00:00Z")), d(2026, 9, 6));
    EXPECT_EQ(zone->start_of_day(d(2026, 9, 7)), at("2026-09-07T03:00:00Z"));
}

TEST(TimeZone, ARepeatedMidnightStartsTheDayAtItsFirstOccurrence) {
    // At local 01:00 (UTC-3) the clock goes back to 00:00 (UTC-4): midnight happens twice.
    const auto zone =
        TimeZone::make("Repeated/Midnight", hours{-3}, {{at("2026-04-05T04:00:00Z"), hours{-4}}});
    ASSERT_TRUE(zone.has_value());
    EXPECT_EQ(zone->start_of_day(d(2026, 4, 5)), at("2026-04-05T03:00:00Z"));
    EXPECT_EQ(zone->local_date(at("2026-04-05T03:30:00Z")), d(2026, 4, 5));
    EXPECT_EQ(zone->local_date(at("2026-04-05T04:30:00Z")), d(2026, 4, 5));
    EXPECT_EQ(zone->start_of_day(d(2026, 4, 6)), at("2026-04-06T04:00:00Z"));
}

TEST(TimeZone, AbsurdTablesAreRefused) {
    const auto out_of_order = TimeZone::make(
        "X", hours{0},
        {{at("2026-02-01T00:00:00Z"), hours{1}}, {at("2026-01-01T00:00:00Z"), hours{0}}});
    ASSERT_FALSE(out_of_order.has_value());
    EXPECT_EQ(out_of_order.error().code, util::ErrorCode::invalid_input);
    EXPECT_FALSE(TimeZone::make("X", hours{0},
                                {{at("2026-01-01T00:00:00Z"), hours{0}},
                                 {at("2026-01-01T00:00:00Z"), hours{1}}})
                     .has_value());
    EXPECT_FALSE(TimeZone::make("X", hours{19}, {}).has_value());
    EXPECT_FALSE(
        TimeZone::make("X", hours{0}, {{at("2026-01-01T00:00:00Z"), hours{-19}}}).has_value());
    std::vector<ZoneTransition> many;
    for (std::size_t i = 0; i <= TimeZone::k_max_transitions; ++i) {
        many.push_back({Timestamp{hours{static_cast<long>(i)}}, hours{i % 2 == 0 ? 1 : 0}});
    }
    EXPECT_FALSE(TimeZone::make("X", hours{0}, many).has_value());
    many.pop_back();
    EXPECT_TRUE(TimeZone::make("X", hours{0}, many).has_value());
}

}  // namespace
}  // namespace redress::domain
