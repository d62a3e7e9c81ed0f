#pragma once
// Where a complaint stands, the timeline the complainant sees, and the next step owed to
// them with its due date from the office's service levels.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/calendar.hpp"
#include "domain/office.hpp"

namespace redress::domain {

enum class Status { received, acknowledged, triaged, referred, investigating, findings, closed };

std::string_view status_name(Status status);  // "received", ...; catalogue key "status.<name>"
std::optional<Status> parse_status(std::string_view name);

struct TimelineEvent {
    Timestamp at;
    Status status;
    std::string note;  // the reason staff stated for the change, as written; may be empty
};

struct NextStep {
    Status step;  // what the office owes next
    Date due;
};

// The next step after `current`, due per the office's service levels counted from
// `received_at`; nullopt once closed.
std::optional<NextStep> next_step(Status current, Timestamp received_at,
                                  const ServiceLevels& levels);

}  // namespace redress::domain
