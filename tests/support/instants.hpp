#pragma once
// Instants of 2026 for tests that set the clock themselves: midnight UTC unless an hour is
// given.

#include <chrono>

#include "domain/calendar.hpp"

namespace redress::testing {

inline domain::Timestamp in_2026(int month, int day, int hour = 0) {
    return domain::Timestamp(std::chrono::sys_days{std::chrono::year{2026} / month / day}) +
           std::chrono::hours(hour);
}

inline domain::Timestamp march_2026(int day, int hour = 0) {
    return in_2026(3, day, hour);
}

}  // namespace redress::testing
