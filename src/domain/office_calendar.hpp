#pragma once
// The days an office works: its working days of the week and its holidays. Business-day
// service levels count only these (business_calendar.hpp).

#include <chrono>
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "util/error.hpp"

namespace redress::domain {

// A set of days of the week; Monday to Friday unless configured otherwise.
class WorkingDays {
  public:
    WorkingDays() = default;  // Monday to Friday
    static WorkingDays none();

    bool contains(std::chrono::weekday day) const;
    // Adds `day`; false if it was already there.
    bool add(std::chrono::weekday day);
    bool empty() const;

    friend bool operator==(const WorkingDays&, const WorkingDays&) = default;

  private:
    explicit WorkingDays(unsigned mask) : m_mask(mask) {}
    unsigned m_mask = 0b0111110;  // bit n: weekday n, 0 = Sunday
};

// "mon", "tue", ... "sun" (as configured); nullopt otherwise.
std::optional<std::chrono::weekday> parse_weekday(std::string_view name);

struct OfficeCalendar {
    // An office lists a few dozen holidays a year for a few years; the limit keeps every
    // count of business days bounded however the file is written.
    static constexpr std::size_t k_max_holidays = 1000;

    WorkingDays working_days;
    std::vector<std::chrono::year_month_day> holidays;  // sorted, unique, valid dates
};

// An office calendar with its holidays sorted. Fails (invalid_input) when no day of the
// week is a working day, a date is not a valid date, a date is listed twice, or there are
// more than k_max_holidays.
util::Expected<OfficeCalendar> make_office_calendar(
    WorkingDays working_days, std::vector<std::chrono::year_month_day> holidays);

}  // namespace redress::domain
