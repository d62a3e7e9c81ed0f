#include "staff/deadline_keeping.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <memory>
#include <vector>

#include "domain/business_calendar.hpp"
#include "domain/complaint_clocks.hpp"
#include "util/await.hpp"
#include "util/thread_name.hpp"

namespace redress::staff {

namespace {

// A turn asked for more often than this would keep the writer busy for nothing.
constexpr std::chrono::milliseconds k_shortest_interval{10};

struct OfficeClocks {
    std::string office_id;
    domain::ServiceLevels levels;
    domain::BusinessCalendar calendar;
};

}  // namespace

std::string deadline_rules(const domain::Deployment& deployment) {
    std::string rules = fmt::format("zone {}\n", deployment.time_zone.name());
    for (const auto& office : deployment.offices) {
        const auto& levels = office.service_levels;
        fmt::format_to(std::back_inserter(rules), "office {} {} {} {} {} {} days", office.id,
                       levels.acknowledge_days, levels.triage_days, levels.update_days,
                       levels.resolution_days,
                       levels.day_count == domain::DayCount::business ? "business" : "calendar");
        for (unsigned day = 0; day < 7; ++day) {
            if (office.calendar.working_days.contains(std::chrono::weekday(day))) {
                fmt::format_to(std::back_inserter(rules), " {}", day);
            }
        }
        rules += " holidays";
        for (const auto& holiday : office.calendar.holidays) {
            fmt::format_to(std::back_inserter(rules), " {}-{}-{}", static_cast<int>(holiday.year()),
                           static_cast<unsigned>(holiday.month()),
                           static_cast<unsigned>(holiday.day()));
        }
        rules += '\n';
    }
    return rules;
}

storage::DeadlineRule deadline_rule(const domain::Deployment& deployment, domain::Timestamp now) {
    auto offices = std::make_shared<std::vector<OfficeClocks>>();
    for (const auto& office : deployment.offices) {
        offices->push_back({office.id, office.service_levels,
                            domain::BusinessCalendar(deployment.time_zone, office.calendar)});
    }
    return [offices, now](const storage::ClockFacts& facts) -> std::optional<domain::NextDeadline> {
        const auto office = std::find_if(offices->begin(), offices->end(), [&](const auto& known) {
            return known.office_id == facts.office_id;
        });
        if (office == offices->end()) return std::nullopt;
        const auto clocks = domain::complaint_clocks(
            {facts.received_at, facts.timeline, facts.updates, facts.holds}, office->levels,
            office->calendar, now);
        if (!clocks) {
            // Facts the clocks cannot be rebuilt from list the complaint as due nowhere; its
            // page says why (console/clock_table.cpp).
            spdlog::warn("deadlines: complaint {}: {}", facts.complaint_id, clocks.error().message);
            return std::nullopt;
        }
        return domain::next_deadline(*clocks);
    };
}

namespace {

// One write job: up to `batch` marked deadlines worked out again; answers how many.
util::Expected<std::size_t> refresh_turn(storage::Deadlines& deadlines,
                                         const domain::Deployment& deployment,
                                         domain::Timestamp now, std::size_t batch) {
    return util::await<std::size_t>([&](auto answer) {
        deadlines.refresh_deadlines(deadline_rule(deployment, now), batch, std::move(answer));
    });
}

}  // namespace

util::Expected<std::size_t> bring_deadlines_up_to_date(storage::Deadlines& deadlines,
                                                       const domain::Deployment& deployment,
                                                       domain::Timestamp now, std::size_t batch) {
    auto adopted = util::await<bool>([&](auto done) {
        deadlines.adopt_deadline_rules(deadline_rules(deployment), std::move(done));
    });
    if (!adopted) return std::unexpected(adopted.error());
    std::size_t total = 0;
    for (;;) {
        auto done = refresh_turn(deadlines, deployment, now, batch);
        if (!done) return std::unexpected(done.error());
        total += *done;
        if (*done < batch) return total;
    }
}

DeadlineKeeping::DeadlineKeeping(storage::Deadlines& deadlines,
                                 const domain::Deployment& deployment, DeadlineSettings settings,
                                 std::function<domain::Timestamp()> now)
    : m_deadlines(deadlines),
      m_deployment(deployment),
      m_settings{std::max(settings.interval, k_shortest_interval),
                 std::max<std::size_t>(settings.batch, 1), settings.lease},
      m_now(std::move(now)),
      m_thread([this] { run(); }) {}

DeadlineKeeping::~DeadlineKeeping() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

bool DeadlineKeeping::stopping() {
    std::lock_guard lock(m_mutex);
    return m_stopping;
}

void DeadlineKeeping::catch_up() {
    while (!stopping()) {
        if (m_settings.lease != nullptr && !m_settings.lease->held()) return;
        auto done = refresh_turn(m_deadlines, m_deployment, m_now(), m_settings.batch);
        if (!done) {
            spdlog::error("deadlines: could not work them out: {}", done.error().message);
            return;
        }
        if (*done < m_settings.batch) return;
    }
}

void DeadlineKeeping::run() {
    util::name_this_thread("deadlines");
    auto adopted = util::await<bool>([&](auto done) {
        m_deadlines.adopt_deadline_rules(deadline_rules(m_deployment), std::move(done));
    });
    if (!adopted) {
        spdlog::error("deadlines: could not record their rules: {}", adopted.error().message);
    } else if (*adopted) {
        spdlog::info("deadlines: service levels or calendars changed; working every one out again");
    }
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        lock.unlock();
        catch_up();
        lock.lock();
        m_wake.wait_for(lock, m_settings.interval, [this] { return m_stopping; });
    }
}

}  // namespace redress::staff
