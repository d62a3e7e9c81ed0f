#include "storage/sql/state_timeline.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>

#include "storage/sql/copied_text.hpp"

namespace redress::storage::sql {

namespace {

util::Error unreadable() {
    return util::Error{util::ErrorCode::internal, "a complaint's stored timeline is unreadable"};
}

}  // namespace

std::string timeline_entry(domain::Timestamp at, domain::Status status, std::string_view note) {
    return fmt::format("{} {} {}:{}", at.time_since_epoch().count(), domain::status_name(status),
                       note.size(), note);
}

util::Expected<std::vector<domain::TimelineEvent>> read_state_timeline(std::string_view text) {
    std::vector<domain::TimelineEvent> events;
    while (!text.empty()) {
        const auto at = take_number<std::int64_t>(text, ' ');
        if (!at) return std::unexpected(unreadable());
        const auto name = take_word(text);
        const auto status = name ? domain::parse_status(*name) : std::nullopt;
        if (!status) return std::unexpected(unreadable());
        const auto note = take_counted(text);
        if (!note) return std::unexpected(unreadable());
        events.push_back(
            {domain::Timestamp(std::chrono::seconds(*at)), *status, std::string(*note)});
    }
    // Appended in the order written; an event dated before one written earlier (never by
    // redress itself) still takes its place by time.
    std::stable_sort(events.begin(), events.end(),
                     [](const auto& a, const auto& b) { return a.at < b.at; });
    return events;
}

}  // namespace redress::storage::sql
