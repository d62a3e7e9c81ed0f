#include "domain/overdue.hpp"

#include <fmt/format.h>

namespace redress::domain {

Date due_day(Timestamp deadline, const TimeZone& zone) {
    return zone.local_date(deadline - std::chrono::seconds(1));
}

std::string OverdueCursor::text() const {
    return fmt::format("{}.{}", deadline.time_since_epoch().count(), complaint_id);
}

std::optional<OverdueCursor> OverdueCursor::parse(std::string_view text) {
    const auto dot = text.find('.');
    if (dot == std::string_view::npos) return std::nullopt;
    const auto at = cursor_number(text.substr(0, dot));
    const auto id = cursor_number(text.substr(dot + 1));
    if (!at || !id) return std::nullopt;
    return OverdueCursor{Timestamp(std::chrono::seconds(*at)), *id};
}

}  // namespace redress::domain
