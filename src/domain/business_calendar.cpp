#include "domain/business_calendar.hpp"

#include <algorithm>
#include <utility>

#include "fmt/format.h"

namespace redress::domain {
namespace {

using std::chrono::days;
using std::chrono::sys_days;

}  // namespace

BusinessCalendar::BusinessCalendar(TimeZone zone, OfficeCalendar office)
    : m_zone(std::move(zone)), m_office(std::move(office)) {
    // An office calendar that was not checked (no working day at all) would make every
    // business-day count endless; treat it as the default week rather than loop.
    if (m_office.working_days.empty()) m_office.working_days = WorkingDays{};
    m_per_week = 0;
    for (unsigned day = 0; day < 7; ++day) {
        if (m_office.working_days.contains(std::chrono::weekday{day})) ++m_per_week;
    }
}

int BusinessCalendar::working_holidays_within(sys_days low, sys_days high) const {
    const auto& holidays = m_office.holidays;
    const auto first = std::upper_bound(holidays.begin(), holidays.end(), Date{low});
    const auto last = std::upper_bound(first, holidays.end(), Date{high});
    return static_cast<int>(std::count_if(first, last, [this](const Date& day) {
        return m_office.working_days.contains(std::chrono::weekday{sys_days{day}});
    }));
}

bool BusinessCalendar::is_business_day(Date day) const {
    if (!m_office.working_days.contains(std::chrono::weekday{sys_days{day}})) return false;
    return !std::binary_search(m_office.holidays.begin(), m_office.holidays.end(), day);
}

util::Expected<Date> BusinessCalendar::add_days(Date from, int count_of_days,
                                                DayCount count) const {
    if (count_of_days < 0 || count_of_days > k_max_days) {
        return util::fail(
            util::ErrorCode::invalid_input,
            fmt::format("{} days: a service level counts 0 to {} days", count_of_days, k_max_days));
    }
    if (!from.ok()) return util::fail(util::ErrorCode::invalid_input, "not a valid date");
    return advance(from, count_of_days, count);
}

util::Expected<Date> BusinessCalendar::due_date(Date from, int budget_days, int paused_days,
                                                DayCount count) const {
    auto budget = add_days(from, budget_days, count);
    if (!budget) return budget;
    if (paused_days < 0 || paused_days > k_max_span_days - budget_days) {
        return util::fail(util::ErrorCode::invalid_input,
                          fmt::format("{} days paused: at most {} days are counted", paused_days,
                                      k_max_span_days - budget_days));
    }
    return advance(from, budget_days + paused_days, count);
}

Date BusinessCalendar::advance(Date from, int count_of_days, DayCount count) const {
    sys_days day{from};
    if (count == DayCount::calendar) {
        day += days{count_of_days};
        // At most one working day a week and a bounded list of holidays: this ends within
        // 7 * (k_max_holidays + 1) steps.
        while (!is_business_day(Date{day})) day += days{1};
        return Date{day};
    }
    int remaining = count_of_days;
    // Whole weeks at once, leaving at least one day to step to: each holds m_per_week working
    // days, less the holidays on them, which are counted again.
    while (remaining > m_per_week) {
        const int weeks = (remaining - 1) / m_per_week;
        const sys_days next = day + days{7 * weeks};
        remaining -= weeks * m_per_week - working_holidays_within(day, next);
        day = next;
    }
    while (remaining > 0) {
        day += days{1};
        if (is_business_day(Date{day})) --remaining;
    }
    return Date{day};
}

util::Expected<int> BusinessCalendar::business_days_between(Date from, Date to) const {
    if (!from.ok() || !to.ok()) {
        return util::fail(util::ErrorCode::invalid_input, "not a valid date");
    }
    const sys_days first{from};
    const sys_days last{to};
    const auto span = (last - first).count();
    if (span > k_max_span_days || span < -k_max_span_days) {
        return util::fail(
            util::ErrorCode::invalid_input,
            fmt::format("{} days apart: at most {} days are counted", span, k_max_span_days));
    }
    const bool forward = first <= last;
    const sys_days low = forward ? first : last;
    const sys_days high = forward ? last : first;
    // Whole weeks at once, then the days left over, then less the holidays among them.
    const auto weeks = (high - low).count() / 7;
    int counted = static_cast<int>(weeks) * m_per_week;
    for (sys_days day = low + days{7 * weeks + 1}; day <= high; day += days{1}) {
        if (m_office.working_days.contains(std::chrono::weekday{day})) ++counted;
    }
    counted -= working_holidays_within(low, high);
    return forward ? counted : -counted;
}

util::Expected<int> BusinessCalendar::days_between(Date from, Date to, DayCount count) const {
    if (count == DayCount::business) return business_days_between(from, to);
    if (!from.ok() || !to.ok()) {
        return util::fail(util::ErrorCode::invalid_input, "not a valid date");
    }
    const auto span = (sys_days{to} - sys_days{from}).count();
    if (span > k_max_span_days || span < -k_max_span_days) {
        return util::fail(
            util::ErrorCode::invalid_input,
            fmt::format("{} days apart: at most {} days are counted", span, k_max_span_days));
    }
    return static_cast<int>(span);
}

Timestamp BusinessCalendar::deadline(Date due) const {
    return m_zone.start_of_day(Date{sys_days{due} + days{1}});
}

}  // namespace redress::domain
