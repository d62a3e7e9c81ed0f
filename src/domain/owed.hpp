#pragma once
// What an office owes the complainant next, said truthfully on the status page: "the next
// update is due by 3 March", or, when that day has passed with nothing given, "the next
// update was due on 3 March". The words live in the web layer's catalogue; this says which.

#include <optional>
#include <span>
#include <string>

#include "domain/calendar.hpp"
#include "domain/clock.hpp"

namespace redress::domain {

enum class OwedTense {
    due_by,   // not yet late: "is due by <due>"
    was_due,  // the deadline passed and it was not given: "was due on <due>"
};

struct Owed {
    ClockKind kind = ClockKind::update;
    std::string window;  // the statutory window's name, if that is what is owed
    Date due;
    OwedTense tense = OwedTense::due_by;
    // While the office waits on the complainant or another agency: this clock's due date then
    // moves on each day until it resumes. Set too when this clock runs (acknowledging is never
    // paused) but another clock owed to the complainant waits.
    PauseReason waiting_on = PauseReason::none;
};

// Whether the complainant is told of a clock: acknowledgment, updates, the outcome and
// statutory windows are promises to them; triage and the wait for a referral's answer are
// the office's own steps (they show in the supervisor's overdue view, not here).
bool owed_to_complainant(ClockKind kind);

// Of the clocks that still run (running, paused or overdue) and are owed to the
// complainant: an overdue one if any (the earliest due), else the one due first; nullopt
// when nothing is owed.
std::optional<Owed> next_owed(std::span<const ClockStatus> clocks);

}  // namespace redress::domain
