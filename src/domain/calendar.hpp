#pragma once
// Dates for service levels: a day count from a date, counting calendar or business days.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "domain/office.hpp"

namespace redress::domain {

using Date = std::chrono::year_month_day;
using Timestamp = std::chrono::sys_seconds;

// `days` after `from`, skipping Saturdays and Sundays when `count` is business.
Date add_days(Date from, int days, DayCount count);

Date date_of(Timestamp at);                                 // UTC date
std::string iso_date(Date date);                            // "2026-11-27"
std::string iso_timestamp(Timestamp at);                    // "2026-11-27T20:15:03Z"
std::optional<Date> parse_iso_date(std::string_view text);  // strict YYYY-MM-DD
std::optional<Timestamp> parse_iso_timestamp(std::string_view text);

// The system clock, to the second: what the services are given as their `now`.
Timestamp current_time();

}  // namespace redress::domain
