#pragma once
// An office's work lists: which complaints wait for what, the most urgent first and then
// the oldest, read a page at a time. Pages follow a cursor (the last item's place) rather
// than an offset, so the thousandth page costs what the first does.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/calendar.hpp"
#include "domain/complaint_status.hpp"
#include "domain/received_filing.hpp"
#include "domain/staff_member.hpp"

namespace redress::domain {

// Which list a complaint is on: triage (received or acknowledged: awaiting a decision),
// then where the decision put it.
enum class Queue { triage, referred, investigating, findings, closed };
std::string_view queue_name(Queue queue);
std::optional<Queue> parse_queue(std::string_view name);
Queue queue_of(Status status);

enum class Priority { low = 0, normal = 1, high = 2, urgent = 3 };
std::string_view priority_name(Priority priority);
std::optional<Priority> parse_priority(std::string_view name);

// The place of an item in the list's order (priority, then age, then id): the next page
// starts after it.
struct QueueCursor {
    Priority priority = Priority::normal;
    Timestamp received_at{};
    std::int64_t complaint_id = 0;

    std::string text() const;  // "2.1796028822.12345", for a link
    static std::optional<QueueCursor> parse(std::string_view text);
};

// A number in a cursor's text (non-negative, decimal, nothing else); for every list's cursor.
std::optional<std::int64_t> cursor_number(std::string_view text);

inline constexpr std::size_t k_queue_page_max = 100;

// A page of a list from the items read for it: `limit` items and one more when another page
// follows, which is dropped and leaves the cursor of the last item kept.
template <typename Page, typename Item>
Page page_of(std::vector<Item> items, std::size_t limit) {
    Page page;
    if (items.size() > limit) {
        items.resize(limit);
        page.next = items.back().cursor();
    }
    page.items = std::move(items);
    return page;
}

struct QueueQuery {
    std::string office_id;
    Queue queue = Queue::triage;
    std::optional<Priority> priority;
    std::optional<Channel> channel;
    std::optional<std::string> category;  // filed under this category
    // Only complaints whose clocks have a deadline at or before this instant (overdue).
    std::optional<Timestamp> overdue_at;
    std::optional<QueueCursor> after;
    std::size_t limit = 50;  // at most k_queue_page_max
    // The member reading: complaints closed to them (domain/identity_access.hpp) are left
    // out. 0: no one (every complaint of the office).
    StaffId reader = 0;
    NameMark reader_mark{};
};

struct QueueItem {
    std::int64_t complaint_id = 0;
    std::string reference;
    Status status = Status::received;
    Priority priority = Priority::normal;
    Channel channel = Channel::web;
    Timestamp received_at{};
    std::optional<std::int64_t> case_id;
    // When its clocks next fall due (or fell due), as last worked out; none when nothing
    // runs. See domain/complaint_clocks.hpp, next_deadline.
    std::optional<Timestamp> deadline;

    QueueCursor cursor() const { return {priority, received_at, complaint_id}; }
};

struct QueuePage {
    std::vector<QueueItem> items;
    std::optional<QueueCursor> next;  // when more items follow
};

}  // namespace redress::domain
