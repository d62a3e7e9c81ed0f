#pragma once
// The clocks that run on a case: each service level an office promises (acknowledge,
// triage, update, resolution), the wait for an answer to a referral, and any named
// statutory window. A clock is rebuilt from its recorded events, so that storage keeps
// them append-only; what it says at an instant (due date, overdue or not, time left) is a
// pure function of those events, the office's calendar and that instant.

#include <chrono>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/business_calendar.hpp"
#include "domain/calendar.hpp"
#include "domain/office.hpp"
#include "util/error.hpp"

namespace redress::domain {

enum class ClockKind { acknowledge, triage, update, referral_response, resolution, statutory };
enum class ClockEventType { started, paused, resumed, met, stopped };
enum class PauseReason { none, waiting_on_complainant, waiting_on_agency };

// Names as stored and shown in catalogues ("acknowledge", "waiting_on_agency", ...).
std::string_view clock_kind_name(ClockKind kind);
std::optional<ClockKind> parse_clock_kind(std::string_view name);
std::string_view clock_event_type_name(ClockEventType type);
std::optional<ClockEventType> parse_clock_event_type(std::string_view name);
std::string_view pause_reason_name(PauseReason reason);
std::optional<PauseReason> parse_pause_reason(std::string_view name);

struct ClockBudget {
    int days = 0;  // 0 to BusinessCalendar::k_max_days
    DayCount day_count = DayCount::calendar;
};

// The budget an office's service levels give a clock of `kind`; nullopt for referral
// responses and statutory windows, whose budgets are set when they start.
std::optional<ClockBudget> service_level_budget(ClockKind kind, const ServiceLevels& levels);

// One recorded fact about a clock. `met` ends a clock, except the update clock: there it
// records an update given to the complainant, and the next update is owed from then on.
// `stopped` ends a clock that is no longer owed (the case closed, the complaint withdrawn).
struct ClockEvent {
    ClockKind kind = ClockKind::acknowledge;
    std::string window;  // the statutory window's name; empty for every other kind
    ClockEventType what = ClockEventType::started;
    Timestamp at;
    PauseReason reason = PauseReason::none;  // why, for `paused`
    ClockBudget budget;                      // for `started`
};

// Staff paused a complaint's clocks (waiting on the complainant, or on another agency), or
// resumed them (reason none).
struct ClockHold {
    Timestamp at{};
    PauseReason reason = PauseReason::none;
};

struct ClockPause {
    Timestamp from;
    std::optional<Timestamp> to;  // nullopt while paused
    PauseReason reason = PauseReason::none;
};

class Clock {
  public:
    // An update clock of a case open for years, with its pauses, stays far below these.
    static constexpr std::size_t k_max_events = 10000;
    static constexpr std::size_t k_max_pauses = 1000;  // in one period

    // The clock that `events`, in the order recorded, describe. Fails as `apply` does, and
    // (invalid_input) when there are none or more than k_max_events.
    static util::Expected<Clock> replay(std::span<const ClockEvent> events);

    // Records `event`. Fails, changing nothing: invalid_input when the event names another
    // clock, comes before the previous one, has a budget out of range, or pauses without a
    // reason; conflict when the clock is not in a state for it (start while running, pause
    // while paused or ended, resume while running, met or stopped once ended).
    util::Expected<void> apply(const ClockEvent& event);

    ClockKind kind() const { return m_kind; }
    const std::string& window() const { return m_window; }
    ClockBudget budget() const { return m_budget; }
    bool has_started() const { return m_started; }
    bool is_paused() const { return !m_pauses.empty() && !m_pauses.back().to; }
    // When the budget now being counted began: the start, or for the update clock the last
    // update given.
    Timestamp period_started_at() const { return m_period_start; }
    const std::vector<ClockPause>& pauses() const { return m_pauses; }  // in this period
    std::optional<Timestamp> met_at() const { return m_met; }
    std::optional<Timestamp> stopped_at() const { return m_stopped; }
    std::optional<Timestamp> last_update_at() const { return m_last_update; }
    std::size_t updates_given() const { return m_updates; }

  private:
    ClockKind m_kind = ClockKind::acknowledge;
    std::string m_window;
    ClockBudget m_budget;
    bool m_started = false;
    std::size_t m_events = 0;
    Timestamp m_last_event{};
    Timestamp m_period_start{};
    std::vector<ClockPause> m_pauses;
    std::optional<Timestamp> m_met;
    std::optional<Timestamp> m_stopped;
    std::optional<Timestamp> m_last_update;
    std::size_t m_updates = 0;
};

enum class ClockState { running, paused, met, met_late, overdue, stopped };
std::string_view clock_state_name(ClockState state);

struct ClockStatus {
    ClockKind kind = ClockKind::acknowledge;
    std::string window;
    ClockState state = ClockState::running;
    // The budget counted in the office's calendar from the period's start, with the days
    // paused added back (while paused, up to today).
    Date due;
    Timestamp deadline;  // the end of `due` in the deployment's zone
    // From the reference instant to the deadline: `now` while the clock runs, the instant
    // it was met or stopped once it ended. Negative when late.
    std::chrono::seconds remaining{0};
    int days_remaining = 0;  // likewise, in the clock's day count, from that day to `due`
    int paused_days = 0;     // added to the budget, in the clock's day count
    PauseReason waiting_on = PauseReason::none;  // while paused
    std::optional<Timestamp> met_at;
};

// What `clock` says at `now`. A clock is overdue from its deadline on (an instant equal to
// the deadline is late); a pause begun after the deadline does not move it. Fails
// (invalid_input) when the clock has not started, or when the budget plus the days paused,
// or the distance from `now` to the due date, exceeds BusinessCalendar::k_max_span_days.
util::Expected<ClockStatus> evaluate(const Clock& clock, const BusinessCalendar& calendar,
                                     Timestamp now);

}  // namespace redress::domain
