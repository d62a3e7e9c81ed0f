#pragma once
// Counting days the way an office's service levels promise them: in the deployment's time
// zone, on the office's working days, skipping its holidays. Pure and bounded: no count
// runs over more than a few thousand days, whatever it is asked.

#include <chrono>

#include "domain/calendar.hpp"
#include "domain/office.hpp"
#include "domain/office_calendar.hpp"
#include "domain/time_zone.hpp"
#include "util/error.hpp"

namespace redress::domain {

class BusinessCalendar {
  public:
    // Longest budget that may be counted forward: ten years.
    static constexpr int k_max_days = 3650;
    // Longest span of dates that may be counted (a budget plus the time a clock was paused).
    static constexpr int k_max_span_days = 4 * k_max_days;

    BusinessCalendar() = default;  // UTC, Monday to Friday, no holidays
    BusinessCalendar(TimeZone zone, OfficeCalendar office);

    const TimeZone& zone() const { return m_zone; }
    const OfficeCalendar& office() const { return m_office; }

    // A working day of the week that is not a holiday.
    bool is_business_day(Date day) const;
    // The day in the deployment's zone on which `at` falls.
    Date local_date(Timestamp at) const { return m_zone.local_date(at); }

    // The date `count_of_days` days after `from`. Business days: the n-th business day
    // after `from` (0: `from` itself). Calendar days: `from` plus that many days, moved on
    // to the next business day when it falls on a weekend or holiday, since nothing can be
    // owed on a day the office is closed. Fails (invalid_input) when count_of_days is
    // negative or more than k_max_days.
    util::Expected<Date> add_days(Date from, int count_of_days, DayCount count) const;

    // Business days d with from < d <= to (so add_days(from, n, business) is the day on
    // which this count reaches n); negative, counted the same way, when `to` is before
    // `from`. Fails (invalid_input) when the dates are more than k_max_span_days apart.
    util::Expected<int> business_days_between(Date from, Date to) const;

    // The due date of a budget of `budget_days` counted from `from` when the clock was
    // paused for `paused_days` (counted the same way): add_days(from, budget_days +
    // paused_days). Fails (invalid_input) when budget_days is out of add_days' range, or
    // paused_days is negative or more than k_max_span_days - budget_days.
    util::Expected<Date> due_date(Date from, int budget_days, int paused_days,
                                  DayCount count) const;

    // Days counted in `count` from `from` to `to` as above: business days, or calendar days
    // (to - from).
    util::Expected<int> days_between(Date from, Date to, DayCount count) const;

    // The deadline of something due on `due`: the end of that local day, which is the first
    // instant of the next one. An instant at or after it is late.
    Timestamp deadline(Date due) const;

  private:
    // add_days without its bound; `count_of_days` is at most k_max_span_days.
    Date advance(Date from, int count_of_days, DayCount count) const;
    // Holidays that fall on a working day of the week, in (low, high].
    int working_holidays_within(std::chrono::sys_days low, std::chrono::sys_days high) const;

    TimeZone m_zone;
    OfficeCalendar m_office;
    // Working days in a week: whole weeks are counted at once, then only their holidays.
    int m_per_week = 5;  // the default week, Monday to Friday
};

}  // namespace redress::domain
