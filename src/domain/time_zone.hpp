#pragma once
// The deployment's time zone as a table of its offsets from UTC: which local day an instant
// falls on, and when a local day begins. The table is made once, outside domain/ (config/
// reads the system's time zone database), so that everything here stays pure: no file is
// read and no global database is consulted when a clock is evaluated.

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "domain/calendar.hpp"
#include "util/error.hpp"

namespace redress::domain {

// From `at` on, local time is UTC plus `offset` (until the next transition).
struct ZoneTransition {
    Timestamp at;
    std::chrono::seconds offset;
};

class TimeZone {
  public:
    // Most transitions a zone may have: two a year over a few centuries is far below it.
    static constexpr std::size_t k_max_transitions = 4000;
    // No zone on Earth is more than 14 hours from UTC; 18 leaves room and catches nonsense.
    static constexpr std::chrono::hours k_max_offset{18};

    TimeZone();  // UTC

    static TimeZone utc();
    // A zone named `name` (an IANA name, for display and logs) with `initial_offset` before
    // its first transition. Fails (invalid_input) when the transitions are not in strictly
    // increasing order, when an offset is beyond k_max_offset, or when there are more than
    // k_max_transitions of them.
    static util::Expected<TimeZone> make(std::string name, std::chrono::seconds initial_offset,
                                         std::vector<ZoneTransition> transitions);

    const std::string& name() const;
    std::chrono::seconds offset_at(Timestamp at) const;
    // The local calendar day on which `at` falls.
    Date local_date(Timestamp at) const;
    // The first instant at which the local clock reads `day` 00:00 or later. On a day whose
    // midnight is skipped (a change of offset at midnight) that is the instant of the change;
    // on a day whose midnight happens twice, the first of them.
    Timestamp start_of_day(Date day) const;

  private:
    struct Table {
        std::string name;
        std::chrono::seconds initial_offset{0};
        std::vector<ZoneTransition> transitions;
    };
    explicit TimeZone(std::shared_ptr<const Table> table);

    // Shared and immutable: every office's calendar holds the deployment's zone.
    std::shared_ptr<const Table> m_table;
};

}  // namespace redress::domain
