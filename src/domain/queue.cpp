#include "domain/queue.hpp"

#include <fmt/format.h>

#include <array>
#include <charconv>
#include <utility>

#include "domain/name_table.hpp"

namespace redress::domain {

namespace {

constexpr std::array k_queues{
    std::pair{Queue::triage, std::string_view("triage")},
    std::pair{Queue::referred, std::string_view("referred")},
    std::pair{Queue::investigating, std::string_view("investigating")},
    std::pair{Queue::findings, std::string_view("findings")},
    std::pair{Queue::closed, std::string_view("closed")},
};

constexpr std::array k_priorities{
    std::pair{Priority::low, std::string_view("low")},
    std::pair{Priority::normal, std::string_view("normal")},
    std::pair{Priority::high, std::string_view("high")},
    std::pair{Priority::urgent, std::string_view("urgent")},
};

}  // namespace

std::optional<std::int64_t> cursor_number(std::string_view text) {
    std::int64_t value = 0;
    if (text.empty() || text.size() > 19) return std::nullopt;
    const auto parsed = std::from_chars(text.data(), text.data() + text.size(), value);
    if (parsed.ec != std::errc() || parsed.ptr != text.data() + text.size() || value < 0) {
        return std::nullopt;
    }
    return value;
}

std::string_view queue_name(Queue queue) {
    return name_in(k_queues, queue);
}
std::optional<Queue> parse_queue(std::string_view name) {
    return parse_in(k_queues, name);
}

Queue queue_of(Status status) {
    switch (status) {
        case Status::received:
        case Status::acknowledged:
            return Queue::triage;
        case Status::referred:
            return Queue::referred;
        case Status::triaged:
        case Status::investigating:
            return Queue::investigating;
        case Status::findings:
            return Queue::findings;
        case Status::closed:
            return Queue::closed;
    }
    return Queue::triage;
}

std::string_view priority_name(Priority priority) {
    return name_in(k_priorities, priority);
}
std::optional<Priority> parse_priority(std::string_view name) {
    return parse_in(k_priorities, name);
}

std::string QueueCursor::text() const {
    return fmt::format("{}.{}.{}", static_cast<int>(priority),
                       received_at.time_since_epoch().count(), complaint_id);
}

std::optional<QueueCursor> QueueCursor::parse(std::string_view text) {
    const auto first = text.find('.');
    const auto second = first == std::string_view::npos ? first : text.find('.', first + 1);
    if (second == std::string_view::npos) return std::nullopt;
    const auto priority = cursor_number(text.substr(0, first));
    const auto at = cursor_number(text.substr(first + 1, second - first - 1));
    const auto id = cursor_number(text.substr(second + 1));
    if (!priority || *priority > 3 || !at || !id) return std::nullopt;
    return QueueCursor{static_cast<Priority>(*priority), Timestamp(std::chrono::seconds(*at)), *id};
}

}  // namespace redress::domain
