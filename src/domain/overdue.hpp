#pragma once
// An office's overdue complaints, for its supervisors: every complaint whose clocks have a
// deadline that has passed, the longest overdue first, whatever list it is on. Read a page
// at a time after a cursor (the last item's deadline and id), as the work lists are.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/calendar.hpp"
#include "domain/clock.hpp"
#include "domain/complaint_status.hpp"
#include "domain/queue.hpp"
#include "domain/staff_member.hpp"
#include "domain/time_zone.hpp"

namespace redress::domain {

// The last day of a deadline (the start of the day after, in `zone`): what a page shows.
Date due_day(Timestamp deadline, const TimeZone& zone);

struct OverdueCursor {
    Timestamp deadline{};
    std::int64_t complaint_id = 0;

    std::string text() const;  // "1796028822.12345", for a link
    static std::optional<OverdueCursor> parse(std::string_view text);
};

struct OverdueQuery {
    std::string office_id;
    Timestamp now{};  // overdue: a deadline at or before it
    std::optional<OverdueCursor> after;
    std::size_t limit = 50;  // at most k_queue_page_max
    // The member reading: complaints closed to them are left out (as on the work lists).
    StaffId reader = 0;
    NameMark reader_mark{};
};

struct OverdueItem {
    std::int64_t complaint_id = 0;
    std::string reference;
    Status status = Status::received;
    Priority priority = Priority::normal;
    ClockKind clock = ClockKind::acknowledge;  // the clock that fell due
    Timestamp deadline{};
    std::string investigator;  // the assigned investigator's name; empty when none

    OverdueCursor cursor() const { return {deadline, complaint_id}; }
};

struct OverduePage {
    std::vector<OverdueItem> items;
    std::optional<OverdueCursor> next;  // when more items follow
};

}  // namespace redress::domain
