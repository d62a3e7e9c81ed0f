#pragma once
// When each complaint's clocks next fall due, kept with the complaint so that an office's
// overdue complaints are one index range at any size. The clocks stay a function of what is
// recorded (domain/complaint_clocks.hpp); storage marks a complaint whenever something that
// moves them is written (a status event, a message to the complainant, a pause or
// resumption, a new filing), whoever writes it, and staff/deadline_keeping.hpp works the
// marked ones out again in the background, with the office's service levels and calendar.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/clock.hpp"
#include "domain/complaint_clocks.hpp"
#include "domain/complaint_status.hpp"
#include "domain/overdue.hpp"
#include "storage/staff_directory.hpp"

namespace redress::storage {

// What a complaint's clocks are rebuilt from.
struct ClockFacts {
    std::int64_t complaint_id = 0;
    std::string office_id;  // handling it now
    domain::Timestamp received_at{};
    std::vector<domain::TimelineEvent> timeline;  // oldest first, notes left out
    std::vector<domain::Timestamp> updates;       // the office's messages to the complainant
    std::vector<domain::ClockHold> holds;         // oldest first
};

// The next deadline of a complaint from its facts (nullopt: nothing falls due). Runs on the
// store's writing thread, inside its transaction: it must be quick and must not block.
using DeadlineRule = std::function<std::optional<domain::NextDeadline>(const ClockFacts&)>;

class Deadlines {
  public:
    virtual ~Deadlines() = default;

    // Works out again, with `rule`, the deadline of up to `limit` complaints whose clocks
    // moved since theirs was last worked out; answers how many it did (fewer than `limit`:
    // none is left).
    virtual void refresh_deadlines(DeadlineRule rule, std::size_t limit,
                                   Done<std::size_t> done) = 0;
    // Records `rules`, a description of everything the deadlines depend on besides the
    // complaints (service levels, calendars, time zone). When it differs from the one
    // recorded, every complaint is marked to be worked out again; answers whether it did.
    virtual void adopt_deadline_rules(std::string rules, Done<bool> done) = 0;
    // The office's complaints whose deadline is at or before `query.now`, the longest
    // overdue first, leaving out those closed to the reader.
    virtual void overdue(domain::OverdueQuery query, Done<domain::OverduePage> done) = 0;
};

}  // namespace redress::storage
