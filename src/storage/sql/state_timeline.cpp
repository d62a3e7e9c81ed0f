#include "storage/sql/state_timeline.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <chrono>

namespace redress::storage::sql {

namespace {

util::Error unreadable() {
    return util::Error{util::ErrorCode::internal, "a complaint's stored timeline is unreadable"};
}

// The decimal number at the front of `text` up to `end`, consumed with it; nullopt without
// one.
template <typename Number>
std::optional<Number> take_number(std::string_view& text, char end) {
    Number value{};
    const auto [stop, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || stop == text.data() || stop == text.data() + text.size() ||
        *stop != end) {
        return std::nullopt;
    }
    text.remove_prefix(static_cast<std::size_t>(stop - text.data()) + 1);
    return value;
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
        const auto space = text.find(' ');
        if (space == std::string_view::npos) return std::unexpected(unreadable());
        const auto status = domain::parse_status(text.substr(0, space));
        if (!status) return std::unexpected(unreadable());
        text.remove_prefix(space + 1);
        const auto length = take_number<std::size_t>(text, ':');
        if (!length || *length > text.size()) return std::unexpected(unreadable());
        events.push_back({domain::Timestamp(std::chrono::seconds(*at)), *status,
                          std::string(text.substr(0, *length))});
        text.remove_prefix(*length);
    }
    // Appended in the order written; an event dated before one written earlier (never by
    // redress itself) still takes its place by time.
    std::stable_sort(events.begin(), events.end(),
                     [](const auto& a, const auto& b) { return a.at < b.at; });
    return events;
}

}  // namespace redress::storage::sql
