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

// Writes `value` (0 to 10^width - 1) as exactly `width` digits ending just before `end`.
void put_digits(char* end, unsigned value, int width) {
    for (int i = 0; i < width; ++i) {
        *--end = static_cast<char>('0' + value % 10);
        value /= 10;
    }
}

// The date's ten characters "YYYY-MM-DD" at `out`, for a year of four digits.
void put_iso_date(char* out, Date date) {
    put_digits(out + 4, static_cast<unsigned>(static_cast<int>(date.year())), 4);
    out[4] = '-';
    put_digits(out + 7, static_cast<unsigned>(date.month()), 2);
    out[7] = '-';
    put_digits(out + 10, static_cast<unsigned>(date.day()), 2);
}

// A real date with a year of four digits: what put_iso_date writes.
bool four_digit_date(Date date) {
    const int year = static_cast<int>(date.year());
    return date.ok() && year >= 0 && year <= 9999;
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

// Written digit by digit: a status answer or a page writes several of these, and formatting
// each through fmt cost a microsecond. Years outside 0 to 9999 (never stored) go through fmt.
std::string iso_date(Date date) {
    if (four_digit_date(date)) {
        std::string text(10, '\0');
        put_iso_date(text.data(), date);
        return text;
    }
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()),
                       static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
}

std::string iso_timestamp(Timestamp at) {
    const auto day = std::chrono::floor<days>(at);
    const std::chrono::hh_mm_ss time{at - day};
    if (const Date date{day}; four_digit_date(date)) {
        std::string text = "YYYY-MM-DDThh:mm:ssZ";
        put_iso_date(text.data(), date);
        put_digits(text.data() + 13, static_cast<unsigned>(time.hours().count()), 2);
        put_digits(text.data() + 16, static_cast<unsigned>(time.minutes().count()), 2);
        put_digits(text.data() + 19, static_cast<unsigned>(time.seconds().count()), 2);
        return text;
    }
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
