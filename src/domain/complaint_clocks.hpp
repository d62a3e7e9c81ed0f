#pragma once
// The service-level clocks of one complaint, rebuilt from what is recorded of it anyway:
// when it was received, its status events (each one an update the complainant sees) and the
// office's messages to the complainant (updates too). The office's promises run from
// receipt: acknowledge within acknowledge_days, decide at triage within triage_days, give
// an update at least every update_days, and state an outcome within resolution_days; a
// reconsideration that reopens a closed complaint owes updates and an outcome anew. Staff may
// pause the clocks while the office waits on someone, and resume them. What
// each clock says at an instant is domain/clock.hpp's.

#include <optional>
#include <span>
#include <vector>

#include "domain/business_calendar.hpp"
#include "domain/clock.hpp"
#include "domain/complaint_status.hpp"
#include "domain/office.hpp"
#include "util/error.hpp"

namespace redress::domain {

struct ComplaintFacts {
    Timestamp received_at{};
    std::span<const TimelineEvent> timeline;  // oldest first, starting with `received`
    std::span<const Timestamp> updates;       // the office's messages to the complainant
    // Oldest first. While paused, the triage, update and resolution clocks do not count;
    // acknowledging is never paused.
    std::span<const ClockHold> holds = {};
};

// The clocks `levels` promise, as the facts leave them at `now`: acknowledge, triage, update
// and resolution, leaving out any whose budget is 0 (not promised). Fails (invalid_input)
// on facts out of order or more than Clock::k_max_events of them.
util::Expected<std::vector<ClockStatus>> complaint_clocks(const ComplaintFacts& facts,
                                                          const ServiceLevels& levels,
                                                          const BusinessCalendar& calendar,
                                                          Timestamp now);

// The deadline a complaint's clocks next reach, or have passed: the earliest of a clock that
// runs or is late. A clock paused in time has none while paused (its due date moves with
// every day paused); one met or stopped has none. Stored with each complaint so that an
// office's overdue complaints are one index range (storage/deadlines.hpp).
struct NextDeadline {
    ClockKind kind = ClockKind::acknowledge;
    Date due;
    Timestamp deadline{};
};
std::optional<NextDeadline> next_deadline(std::span<const ClockStatus> clocks);

// The deadline a complaint reaches first, worked out as it is received (nothing recorded of
// it yet but its receipt): what next_deadline gives for it at any later time until something
// happens to it.
util::Expected<std::optional<NextDeadline>> first_deadline(Timestamp received_at,
                                                           const ServiceLevels& levels,
                                                           const BusinessCalendar& calendar);

}  // namespace redress::domain
