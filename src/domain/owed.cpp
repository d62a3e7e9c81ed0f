#include "domain/owed.hpp"

namespace redress::domain {

bool owed_to_complainant(ClockKind kind) {
    switch (kind) {
        case ClockKind::acknowledge:
        case ClockKind::update:
        case ClockKind::resolution:
        case ClockKind::statutory:
            return true;
        case ClockKind::triage:
        case ClockKind::referral_response:
            return false;
    }
    return false;
}

std::optional<Owed> next_owed(std::span<const ClockStatus> clocks) {
    const ClockStatus* chosen = nullptr;
    // Whom the office waits on, from any clock it paused: acknowledging is never paused, so
    // the clock owed first may run while the others wait on the complainant, who is told so.
    PauseReason waiting_on = PauseReason::none;
    const auto overdue = [](const ClockStatus& status) {
        return status.state == ClockState::overdue;
    };
    for (const auto& status : clocks) {
        const bool open = status.state == ClockState::running ||
                          status.state == ClockState::paused || overdue(status);
        if (!open || !owed_to_complainant(status.kind)) continue;
        if (waiting_on == PauseReason::none) waiting_on = status.waiting_on;
        if (chosen == nullptr) {
            chosen = &status;
        } else if (overdue(status) != overdue(*chosen)) {
            if (overdue(status)) chosen = &status;
        } else if (status.deadline < chosen->deadline) {
            chosen = &status;
        }
    }
    if (chosen == nullptr) return std::nullopt;
    return Owed{chosen->kind, chosen->window, chosen->due,
                overdue(*chosen) ? OwedTense::was_due : OwedTense::due_by,
                chosen->waiting_on != PauseReason::none ? chosen->waiting_on : waiting_on};
}

}  // namespace redress::domain
