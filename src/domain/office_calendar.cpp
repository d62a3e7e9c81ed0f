#include "domain/office_calendar.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "fmt/format.h"

namespace redress::domain {
namespace {

constexpr std::array<std::string_view, 7> k_weekday_names = {"sun", "mon", "tue", "wed",
                                                             "thu", "fri", "sat"};

std::string iso(std::chrono::year_month_day date) {
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()),
                       static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
}

}  // namespace

WorkingDays WorkingDays::none() {
    return WorkingDays(0u);
}

bool WorkingDays::contains(std::chrono::weekday day) const {
    return (m_mask >> day.c_encoding()) & 1u;
}

bool WorkingDays::add(std::chrono::weekday day) {
    const unsigned bit = 1u << day.c_encoding();
    const bool added = (m_mask & bit) == 0;
    m_mask |= bit;
    return added;
}

bool WorkingDays::empty() const {
    return m_mask == 0;
}

std::optional<std::chrono::weekday> parse_weekday(std::string_view name) {
    for (unsigned i = 0; i < k_weekday_names.size(); ++i) {
        if (k_weekday_names[i] == name) return std::chrono::weekday{i};
    }
    return std::nullopt;
}

util::Expected<OfficeCalendar> make_office_calendar(
    WorkingDays working_days, std::vector<std::chrono::year_month_day> holidays) {
    if (working_days.empty()) {
        return util::fail(util::ErrorCode::invalid_input, "no working day in the week");
    }
    if (holidays.size() > OfficeCalendar::k_max_holidays) {
        return util::fail(util::ErrorCode::invalid_input,
                          fmt::format("{} holidays listed, more than {}", holidays.size(),
                                      OfficeCalendar::k_max_holidays));
    }
    for (const auto& day : holidays) {
        if (!day.ok()) {
            return util::fail(util::ErrorCode::invalid_input, "a holiday is not a valid date");
        }
    }
    std::sort(holidays.begin(), holidays.end());
    const auto twice = std::adjacent_find(holidays.begin(), holidays.end());
    if (twice != holidays.end()) {
        return util::fail(util::ErrorCode::invalid_input,
                          fmt::format("holiday {} is listed twice", iso(*twice)));
    }
    return OfficeCalendar{working_days, std::move(holidays)};
}

}  // namespace redress::domain
