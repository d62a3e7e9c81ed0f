#include "config/time_zone_database.hpp"

#include <gtest/gtest.h>

#include "domain/business_calendar.hpp"

namespace redress::config {
namespace {

using namespace std::chrono;

domain::Timestamp at(std::string_view text) {
    const auto parsed = domain::parse_iso_timestamp(text);
    EXPECT_TRUE(parsed.has_value()) << text;
    return parsed.value_or(domain::Timestamp{});
}

TEST(TimeZoneDatabase, ReadsNewYorkWithItsDaylightSavingTime) {
    const auto zone = load_time_zone("America/New_York");
    ASSERT_TRUE(zone.has_value()) << zone.error().message;
    EXPECT_EQ(zone->name(), "America/New_York");
    EXPECT_EQ(zone->offset_at(at("2026-01-15T12:00:00Z")), hours{-5});
    EXPECT_EQ(zone->offset_at(at("2026-03-08T06:59:59Z")), hours{-5});
    EXPECT_EQ(zone->offset_at(at("2026-03-08T07:00:00Z")), hours{-4});
    EXPECT_EQ(zone->offset_at(at("2026-11-01T05:59:59Z")), hours{-4});
    EXPECT_EQ(zone->offset_at(at("2026-11-01T06:00:00Z")), hours{-5});
    // After 2037, where slim zone files stop listing changes and give a rule instead.
    EXPECT_EQ(zone->offset_at(at("2040-07-01T12:00:00Z")), hours{-4});
    EXPECT_EQ(zone->offset_at(at("2040-12-01T12:00:00Z")), hours{-5});
}

TEST(TimeZoneDatabase, TheDayOfTheChangeEndsAtMidnightLocalTime) {
    const auto zone = load_time_zone("America/New_York");
    ASSERT_TRUE(zone.has_value());
    const domain::BusinessCalendar calendar(*zone, domain::OfficeCalendar{});
    const domain::Date sunday{year{2026}, March, day{8}};
    EXPECT_EQ(calendar.deadline(sunday), at("2026-03-09T04:00:00Z"));
    EXPECT_EQ(zone->start_of_day(sunday), at("2026-03-08T05:00:00Z"));
}

TEST(TimeZoneDatabase, ReadsZonesWithoutDaylightSavingTime) {
    const auto utc = load_time_zone("UTC");
    ASSERT_TRUE(utc.has_value());
    EXPECT_EQ(utc->offset_at(at("2026-07-01T12:00:00Z")), seconds{0});
    const auto kolkata = load_time_zone("Asia/Kolkata");
    ASSERT_TRUE(kolkata.has_value()) << kolkata.error().message;
    EXPECT_EQ(kolkata->offset_at(at("2026-07-01T12:00:00Z")), hours{5} + minutes{30});
    EXPECT_EQ(kolkata->offset_at(at("2026-01-01T12:00:00Z")), hours{5} + minutes{30});
}

TEST(TimeZoneDatabase, RefusesUnknownAndMalformedNames) {
    for (const auto* name : {"Mars/Olympus_Mons", "", "America/New York", "../../etc/passwd",
                             "/etc/localtime", "America//New_York", "America/New_York/"}) {
        const auto zone = load_time_zone(name);
        ASSERT_FALSE(zone.has_value()) << name;
        EXPECT_EQ(zone.error().code, util::ErrorCode::invalid_input);
        EXPECT_NE(zone.error().message.find("unknown time zone"), std::string::npos);
    }
}

}  // namespace
}  // namespace redress::config
