#pragma once
// Dates, instants and a New York zone written out by hand, so that the domain's tests do not
// depend on the machine's time zone database (tests/unit/config checks the real one).

#include <gtest/gtest.h>

#include <chrono>
#include <string_view>

#include "domain/calendar.hpp"
#include "domain/time_zone.hpp"

namespace redress::domain::testing {

inline Date d(int y, unsigned m, unsigned day) {
    return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{day}};
}

// "2026-03-09T04:00:00Z"
inline Timestamp at(std::string_view text) {
    const auto parsed = parse_iso_timestamp(text);
    EXPECT_TRUE(parsed.has_value()) << text;
    return parsed.value_or(Timestamp{});
}

// America/New_York for 2026 and 2027: EST (UTC-5), EDT (UTC-4) from the second Sunday of
// March at 02:00 to the first Sunday of November at 02:00.
inline TimeZone new_york() {
    using std::chrono::hours;
    auto zone = TimeZone::make("America/New_York", hours{-5},
                               {{at("2026-03-08T07:00:00Z"), hours{-4}},
                                {at("2026-11-01T06:00:00Z"), hours{-5}},
                                {at("2027-03-14T07:00:00Z"), hours{-4}},
                                {at("2027-11-07T06:00:00Z"), hours{-5}}});
    EXPECT_TRUE(zone.has_value());
    return zone.value_or(TimeZone::utc());
}

}  // namespace redress::domain::testing
