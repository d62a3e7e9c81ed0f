#include "domain/calendar.hpp"

#include <fmt/format.h>

namespace redress::domain {
namespace {

using std::chrono::days;
using std::chrono::sys_days;

bool weekend(sys_days day) {
    const std::chrono::weekday weekday{day};
    return weekday == std::chrono::Saturday || weekday == std::chrono::Sunday;
}

// Parses exactly `width` ASCII digits at `at`; -1 otherwise.
int digits(std::string_view text, std::size_t at, std::size_t width) {
    if (text.size() < at + width) return -1;
    int value = 0;
    for (std::size_t i = at; i < at + width; ++i) {
        const char c = text[i];
        if (c < '0' || c > '9') return -1;
        value = value * 10 + (c - '0');
    }
    return value;
}

}  // namespace

Date add_days(Date from, int count_of_days, DayCount count) {
    sys_days day{from};
    if (count == DayCount::calendar) return Date{day + days{count_of_days}};
    const int step = count_of_days >= 0 ? 1 : -1;
    int remaining = count_of_days >= 0 ? count_of_days : -count_of_days;
    while (remaining > 0) {
        day += days{step};
        if (!weekend(day)) --remaining;
    }
    return Date{day};
}

Date date_of(Timestamp at) {
    return Date{std::chrono::floor<days>(at)};
}

std::string iso_date(Date date) {
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()),
                       static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
}

std::string iso_timestamp(Timestamp at) {
    const auto day = std::chrono::floor<days>(at);
    const std::chrono::hh_mm_ss time{at - day};
    return fmt::format("{}T{:02}:{:02}:{:02}Z", iso_date(Date{day}), time.hours().count(),
                       time.minutes().count(), time.seconds().count());
}

std::optional<Date> parse_iso_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    const int year = digits(text, 0, 4);
    const int month = digits(text, 5, 2);
    const int day = digits(text, 8, 2);
    if (year < 0 || month < 1 || day < 1) return std::nullopt;
    const Date date{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                    std::chrono::day{static_cast<unsigned>(day)}};
    if (!date.ok()) return std::nullopt;
    return date;
}

// Strict "YYYY-MM-DDTHH:MM:SSZ", the form iso_timestamp writes.
std::optional<Timestamp> parse_iso_timestamp(std::string_view text) {
    if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' ||
        text[19] != 'Z') {
        return std::nullopt;
    }
    const auto date = parse_iso_date(text.substr(0, 10));
    if (!date) return std::nullopt;
    const int hours = digits(text, 11, 2);
    const int minutes = digits(text, 14, 2);
    const int seconds = digits(text, 17, 2);
    if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59 || seconds < 0 || seconds > 59) {
        return std::nullopt;
    }
    return Timestamp{sys_days{*date}} + std::chrono::hours{hours} + std::chrono::minutes{minutes} +
           std::chrono::seconds{seconds};
}

Timestamp current_time() {
    return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

}  // namespace redress::domain
