#include "domain/complaint_clocks.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <utility>

#include "domain/queue.hpp"

namespace redress::domain {

namespace {

// One recorded fact, in time order: a status reached, an update written, or a hold.
struct Fact {
    Timestamp at{};
    std::optional<Status> status;     // none: a message from the office, or a hold
    std::optional<PauseReason> hold;  // a pause (its reason) or a resumption (none)
};

class Builder {
  public:
    Builder(ClockKind kind, ClockBudget budget) : m_kind(kind), m_budget(budget) {}

    void add(ClockEventType what, Timestamp at) {
        ClockEvent event;
        event.kind = m_kind;
        event.what = what;
        event.at = at;
        if (what == ClockEventType::started) event.budget = m_budget;
        m_events.push_back(event);
    }
    bool running() const { return m_running; }
    void start(Timestamp at) {
        add(ClockEventType::started, at);
        m_running = true;
        m_paused = false;
    }
    void end(ClockEventType how, Timestamp at) {
        add(how, at);
        m_running = false;
        m_paused = false;
    }
    // Pauses a running clock, or resumes a paused one (reason none); anything else is a
    // hold that does not concern this clock now.
    void hold(PauseReason reason, Timestamp at) {
        if (!m_running || m_paused == (reason != PauseReason::none)) return;
        ClockEvent event;
        event.kind = m_kind;
        event.what = reason != PauseReason::none ? ClockEventType::paused : ClockEventType::resumed;
        event.at = at;
        event.reason = reason;
        m_events.push_back(event);
        m_paused = reason != PauseReason::none;
    }
    const std::vector<ClockEvent>& events() const { return m_events; }

  private:
    ClockKind m_kind;
    ClockBudget m_budget;
    std::vector<ClockEvent> m_events;
    bool m_running = false;
    bool m_paused = false;
};

}  // namespace

util::Expected<std::vector<ClockStatus>> complaint_clocks(const ComplaintFacts& facts,
                                                          const ServiceLevels& levels,
                                                          const BusinessCalendar& calendar,
                                                          Timestamp now) {
    if (facts.timeline.size() + facts.updates.size() + facts.holds.size() > Clock::k_max_events) {
        return util::fail(util::ErrorCode::invalid_input,
                          "too many facts for a complaint's clocks");
    }
    std::vector<Fact> facts_in_order;
    facts_in_order.reserve(facts.timeline.size() + facts.updates.size() + facts.holds.size());
    for (const auto& event : facts.timeline)
        facts_in_order.push_back({event.at, event.status, std::nullopt});
    for (const auto at : facts.updates) facts_in_order.push_back({at, std::nullopt, std::nullopt});
    for (const auto& hold : facts.holds)
        facts_in_order.push_back({hold.at, std::nullopt, hold.reason});
    // Equal instants keep their kind's order: status events, then messages, then holds.
    std::stable_sort(facts_in_order.begin(), facts_in_order.end(),
                     [](const Fact& a, const Fact& b) { return a.at < b.at; });

    const auto budget = [&](int days) { return ClockBudget{days, levels.day_count}; };
    Builder acknowledge(ClockKind::acknowledge, budget(levels.acknowledge_days));
    Builder triage(ClockKind::triage, budget(levels.triage_days));
    Builder update(ClockKind::update, budget(levels.update_days));
    Builder resolution(ClockKind::resolution, budget(levels.resolution_days));
    for (auto* clock : {&acknowledge, &triage, &update, &resolution}) {
        clock->start(facts.received_at);
    }
    // What the complaint waits on now; a clock (re)started meanwhile starts paused.
    PauseReason waiting_on = PauseReason::none;
    const auto held = [&](Builder& clock, Timestamp at) {
        if (waiting_on != PauseReason::none) clock.hold(waiting_on, at);
    };
    for (const auto& fact : facts_in_order) {
        const auto at = std::max(fact.at, facts.received_at);
        if (fact.hold) {
            waiting_on = *fact.hold;
            for (auto* clock : {&triage, &update, &resolution}) clock->hold(waiting_on, at);
            continue;
        }
        if (fact.status == Status::received) continue;  // the filing itself
        if (acknowledge.running()) acknowledge.end(ClockEventType::met, at);
        if (!fact.status) {
            if (update.running()) update.add(ClockEventType::met, at);
            continue;
        }
        const auto status = *fact.status;
        if (triage.running() && queue_of(status) != Queue::triage) {
            triage.end(ClockEventType::met, at);
        }
        if (status == Status::closed) {
            waiting_on = PauseReason::none;  // a closed complaint waits on no one
            if (update.running()) update.end(ClockEventType::stopped, at);
            if (resolution.running()) resolution.end(ClockEventType::met, at);
            continue;
        }
        // Reopened after closure (reconsideration): updates and an outcome are owed anew.
        if (!resolution.running()) {
            resolution.start(at);
            held(resolution, at);
        }
        if (update.running()) {
            update.add(ClockEventType::met, at);
        } else {
            update.start(at);
            held(update, at);
        }
    }

    std::vector<ClockStatus> statuses;
    const std::array<std::pair<const Builder*, int>, 4> clocks{{
        {&acknowledge, levels.acknowledge_days},
        {&triage, levels.triage_days},
        {&update, levels.update_days},
        {&resolution, levels.resolution_days},
    }};
    for (const auto& [builder, days] : clocks) {
        if (days <= 0) continue;
        auto clock = Clock::replay(builder->events());
        if (!clock) return std::unexpected(clock.error());
        auto status = evaluate(*clock, calendar, now);
        if (!status) return std::unexpected(status.error());
        statuses.push_back(std::move(*status));
    }
    return statuses;
}

std::optional<NextDeadline> next_deadline(std::span<const ClockStatus> clocks) {
    std::optional<NextDeadline> next;
    for (const auto& clock : clocks) {
        if (clock.state != ClockState::running && clock.state != ClockState::overdue) continue;
        if (!next || clock.deadline < next->deadline) {
            next = NextDeadline{clock.kind, clock.due, clock.deadline};
        }
    }
    return next;
}

util::Expected<std::optional<NextDeadline>> first_deadline(Timestamp received_at,
                                                           const ServiceLevels& levels,
                                                           const BusinessCalendar& calendar) {
    const TimelineEvent received{received_at, Status::received, {}};
    auto clocks = complaint_clocks({received_at, std::span(&received, 1), {}, {}}, levels, calendar,
                                   received_at);
    if (!clocks) return std::unexpected(clocks.error());
    return next_deadline(*clocks);
}

}  // namespace redress::domain
