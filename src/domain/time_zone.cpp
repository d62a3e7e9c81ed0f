#include "domain/time_zone.hpp"

#include <algorithm>

#include "fmt/format.h"

namespace redress::domain {
namespace {

using std::chrono::days;
using std::chrono::seconds;
using std::chrono::sys_days;

}  // namespace

TimeZone::TimeZone() : TimeZone(utc()) {}

TimeZone::TimeZone(std::shared_ptr<const Table> table) : m_table(std::move(table)) {}

TimeZone TimeZone::utc() {
    static const auto k_utc = std::make_shared<const Table>(Table{"UTC", seconds{0}, {}});
    return TimeZone(k_utc);
}

util::Expected<TimeZone> TimeZone::make(std::string name, seconds initial_offset,
                                        std::vector<ZoneTransition> transitions) {
    const auto too_far = [](seconds offset) {
        return offset > k_max_offset || offset < -seconds{k_max_offset};
    };
    if (transitions.size() > k_max_transitions) {
        return util::fail(util::ErrorCode::invalid_input,
                          fmt::format("time zone '{}': {} changes of offset, more than {}", name,
                                      transitions.size(), k_max_transitions));
    }
    if (too_far(initial_offset)) {
        return util::fail(util::ErrorCode::invalid_input,
                          fmt::format("time zone '{}': offset beyond 18 hours", name));
    }
    for (std::size_t i = 0; i < transitions.size(); ++i) {
        if (too_far(transitions[i].offset)) {
            return util::fail(util::ErrorCode::invalid_input,
                              fmt::format("time zone '{}': offset beyond 18 hours", name));
        }
        if (i > 0 && transitions[i].at <= transitions[i - 1].at) {
            return util::fail(util::ErrorCode::invalid_input,
                              fmt::format("time zone '{}': changes of offset out of order", name));
        }
    }
    return TimeZone(std::make_shared<const Table>(
        Table{std::move(name), initial_offset, std::move(transitions)}));
}

const std::string& TimeZone::name() const {
    return m_table->name;
}

seconds TimeZone::offset_at(Timestamp at) const {
    const auto& list = m_table->transitions;
    const auto next =
        std::upper_bound(list.begin(), list.end(), at,
                         [](Timestamp t, const ZoneTransition& z) { return t < z.at; });
    return next == list.begin() ? m_table->initial_offset : std::prev(next)->offset;
}

Date TimeZone::local_date(Timestamp at) const {
    return Date{std::chrono::floor<days>(at + offset_at(at))};
}

Timestamp TimeZone::start_of_day(Date day) const {
    // The local clock reads `at + offset(at)`: increasing within each stretch of one offset,
    // jumping at transitions. In each stretch [from, to) with offset o, the first instant
    // reading `midnight` or later is max(from, midnight - o); the answer is the earliest of
    // these over the stretches near midnight (offsets are within 18 hours of UTC).
    const Timestamp midnight{sys_days{day}.time_since_epoch()};
    const auto& list = m_table->transitions;
    const Timestamp window_begin = midnight - days{1};
    const Timestamp window_end = midnight + days{1};
    auto first = std::upper_bound(list.begin(), list.end(), window_begin,
                                  [](Timestamp t, const ZoneTransition& z) { return t < z.at; });
    // Stretch i runs from the transition before `first` (or the beginning of time).
    Timestamp best = Timestamp::max();
    auto consider = [&](Timestamp from, Timestamp to, seconds offset) {
        const Timestamp candidate = std::max(from, midnight - offset);
        if (candidate < to) best = std::min(best, candidate);
    };
    seconds offset = first == list.begin() ? m_table->initial_offset : std::prev(first)->offset;
    Timestamp from = Timestamp::min();
    for (auto it = first; it != list.end() && it->at <= window_end; ++it) {
        consider(from, it->at, offset);
        from = it->at;
        offset = it->offset;
    }
    consider(from, Timestamp::max(), offset);
    return best;
}

}  // namespace redress::domain
