#include "domain/clock.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "fmt/format.h"

namespace redress::domain {
namespace {

template <typename Value, std::size_t size>
using Names = std::array<std::pair<Value, std::string_view>, size>;

constexpr Names<ClockKind, 6> k_kinds{{
    {ClockKind::acknowledge, "acknowledge"},
    {ClockKind::triage, "triage"},
    {ClockKind::update, "update"},
    {ClockKind::referral_response, "referral_response"},
    {ClockKind::resolution, "resolution"},
    {ClockKind::statutory, "statutory"},
}};
constexpr Names<ClockEventType, 5> k_event_types{{
    {ClockEventType::started, "started"},
    {ClockEventType::paused, "paused"},
    {ClockEventType::resumed, "resumed"},
    {ClockEventType::met, "met"},
    {ClockEventType::stopped, "stopped"},
}};
constexpr Names<PauseReason, 3> k_reasons{{
    {PauseReason::none, "none"},
    {PauseReason::waiting_on_complainant, "waiting_on_complainant"},
    {PauseReason::waiting_on_agency, "waiting_on_agency"},
}};
constexpr Names<ClockState, 6> k_states{{
    {ClockState::running, "running"},
    {ClockState::paused, "paused"},
    {ClockState::met, "met"},
    {ClockState::met_late, "met_late"},
    {ClockState::overdue, "overdue"},
    {ClockState::stopped, "stopped"},
}};

template <typename Value, std::size_t size>
std::string_view name_of(const Names<Value, size>& names, Value value) {
    for (const auto& [known, name] : names) {
        if (known == value) return name;
    }
    return names.front().second;
}

template <typename Value, std::size_t size>
std::optional<Value> value_of(const Names<Value, size>& names, std::string_view name) {
    for (const auto& [value, known] : names) {
        if (known == name) return value;
    }
    return std::nullopt;
}

std::unexpected<util::Error> conflict(const Clock& clock, std::string_view what) {
    return util::fail(util::ErrorCode::conflict,
                      fmt::format("{} clock: {}", clock_kind_name(clock.kind()), what));
}

}  // namespace

std::string_view clock_kind_name(ClockKind kind) {
    return name_of(k_kinds, kind);
}
std::optional<ClockKind> parse_clock_kind(std::string_view name) {
    return value_of(k_kinds, name);
}
std::string_view clock_event_type_name(ClockEventType type) {
    return name_of(k_event_types, type);
}
std::optional<ClockEventType> parse_clock_event_type(std::string_view name) {
    return value_of(k_event_types, name);
}
std::string_view pause_reason_name(PauseReason reason) {
    return name_of(k_reasons, reason);
}
std::optional<PauseReason> parse_pause_reason(std::string_view name) {
    return value_of(k_reasons, name);
}
std::string_view clock_state_name(ClockState state) {
    return name_of(k_states, state);
}

std::optional<ClockBudget> service_level_budget(ClockKind kind, const ServiceLevels& levels) {
    switch (kind) {
        case ClockKind::acknowledge:
            return ClockBudget{levels.acknowledge_days, levels.day_count};
        case ClockKind::triage:
            return ClockBudget{levels.triage_days, levels.day_count};
        case ClockKind::update:
            return ClockBudget{levels.update_days, levels.day_count};
        case ClockKind::resolution:
            return ClockBudget{levels.resolution_days, levels.day_count};
        case ClockKind::referral_response:
        case ClockKind::statutory:
            return std::nullopt;
    }
    return std::nullopt;
}

util::Expected<Clock> Clock::replay(std::span<const ClockEvent> events) {
    if (events.empty()) {
        return util::fail(util::ErrorCode::invalid_input, "a clock needs at least one event");
    }
    if (events.size() > k_max_events) {
        return util::fail(
            util::ErrorCode::invalid_input,
            fmt::format("{} clock events, more than {}", events.size(), k_max_events));
    }
    Clock clock;
    for (const auto& event : events) {
        if (auto applied = clock.apply(event); !applied) return std::unexpected(applied.error());
    }
    return clock;
}

util::Expected<void> Clock::apply(const ClockEvent& event) {
    if (m_events >= k_max_events) {
        return util::fail(util::ErrorCode::invalid_input,
                          fmt::format("more than {} clock events", k_max_events));
    }
    const bool statutory = event.kind == ClockKind::statutory;
    if (statutory == event.window.empty()) {
        return util::fail(
            util::ErrorCode::invalid_input,
            statutory ? "a statutory window needs a name" : "only a statutory window has a name");
    }
    if (m_events > 0) {
        if (event.kind != m_kind || event.window != m_window) {
            return util::fail(util::ErrorCode::invalid_input,
                              fmt::format("a {} event given to the {} clock",
                                          clock_kind_name(event.kind), clock_kind_name(m_kind)));
        }
        if (event.at < m_last_event) {
            return util::fail(util::ErrorCode::invalid_input,
                              "a clock event before the one recorded last");
        }
    }
    const bool ended = m_met || m_stopped;
    const bool running = m_started && !ended;
    switch (event.what) {
        case ClockEventType::started: {
            if (running) return conflict(*this, "started while it runs");
            if (event.budget.days < 0 || event.budget.days > BusinessCalendar::k_max_days) {
                return util::fail(util::ErrorCode::invalid_input,
                                  fmt::format("a budget of {} days: from 0 to {} are allowed",
                                              event.budget.days, BusinessCalendar::k_max_days));
            }
            // Also a restart: a closed case reopened for reconsideration owes anew.
            m_kind = event.kind;
            m_window = event.window;
            m_budget = event.budget;
            m_started = true;
            m_period_start = event.at;
            m_pauses.clear();
            m_met.reset();
            m_stopped.reset();
            break;
        }
        case ClockEventType::paused: {
            if (!running) return conflict(*this, "paused while not running");
            if (is_paused()) return conflict(*this, "paused while paused");
            if (event.reason == PauseReason::none) {
                return util::fail(util::ErrorCode::invalid_input,
                                  "a pause needs a reason: whom the clock waits on");
            }
            if (m_pauses.size() >= k_max_pauses) {
                return util::fail(util::ErrorCode::invalid_input,
                                  fmt::format("more than {} pauses", k_max_pauses));
            }
            m_pauses.push_back({event.at, std::nullopt, event.reason});
            break;
        }
        case ClockEventType::resumed: {
            if (!running || !is_paused()) return conflict(*this, "resumed while not paused");
            m_pauses.back().to = event.at;
            break;
        }
        case ClockEventType::met: {
            if (!running) return conflict(*this, "met while not running");
            const bool was_paused = is_paused();
            const PauseReason reason = was_paused ? m_pauses.back().reason : PauseReason::none;
            if (was_paused) m_pauses.back().to = event.at;
            if (m_kind == ClockKind::update) {
                // An update given: the next one is owed a full interval from now. If the case
                // still waits on someone, the new interval starts paused, as the old one was.
                ++m_updates;
                m_last_update = event.at;
                m_period_start = event.at;
                m_pauses.clear();
                if (was_paused) m_pauses.push_back({event.at, std::nullopt, reason});
            } else {
                m_met = event.at;
            }
            break;
        }
        case ClockEventType::stopped: {
            if (!running) return conflict(*this, "stopped while not running");
            if (is_paused()) m_pauses.back().to = event.at;
            m_stopped = event.at;
            break;
        }
    }
    ++m_events;
    m_last_event = event.at;
    return {};
}

util::Expected<ClockStatus> evaluate(const Clock& clock, const BusinessCalendar& calendar,
                                     Timestamp now) {
    if (!clock.has_started()) {
        return util::fail(util::ErrorCode::invalid_input, "the clock has not started");
    }
    const auto count = clock.budget().day_count;
    const Date start = calendar.local_date(clock.period_started_at());
    const auto end = clock.met_at() ? clock.met_at() : clock.stopped_at();
    const Timestamp reference = end ? *end : now;
    const Date reference_day = calendar.local_date(reference);

    ClockStatus status;
    status.kind = clock.kind();
    status.window = clock.window();
    status.met_at = clock.met_at();

    auto due = calendar.add_days(start, clock.budget().days, count);
    if (!due) return std::unexpected(due.error());
    Timestamp deadline = calendar.deadline(*due);
    bool breached = false;
    int paused = 0;
    for (const auto& pause : clock.pauses()) {
        // A pause asked for once the deadline had passed does not excuse the lateness.
        if (pause.from >= deadline) {
            breached = true;
            break;
        }
        const Date from = calendar.local_date(pause.from);
        const Date to = pause.to ? calendar.local_date(*pause.to) : reference_day;
        auto days = calendar.days_between(from, to, count);
        if (!days) return std::unexpected(days.error());
        paused += std::max(*days, 0);
        due = calendar.due_date(start, clock.budget().days, paused, count);
        if (!due) return std::unexpected(due.error());
        deadline = calendar.deadline(*due);
    }
    status.due = *due;
    status.deadline = deadline;
    status.paused_days = paused;
    status.remaining = deadline - reference;
    auto days_left = calendar.days_between(reference_day, *due, count);
    if (!days_left) return std::unexpected(days_left.error());
    status.days_remaining = *days_left;
    if (clock.is_paused()) status.waiting_on = clock.pauses().back().reason;

    if (clock.met_at()) {
        status.state = *clock.met_at() >= deadline ? ClockState::met_late : ClockState::met;
    } else if (clock.stopped_at()) {
        status.state = ClockState::stopped;
    } else if (breached || now >= deadline) {
        status.state = ClockState::overdue;
    } else if (clock.is_paused()) {
        status.state = ClockState::paused;
    } else {
        status.state = ClockState::running;
    }
    return status;
}

}  // namespace redress::domain
