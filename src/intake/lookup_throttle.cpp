#include "intake/lookup_throttle.hpp"

#include <algorithm>

namespace redress::intake {
namespace {

// Keys are bounded so that a long reference cannot make an entry large.
constexpr std::size_t k_max_key = 64;

std::string_view key_of(std::string_view text) {
    return text.substr(0, k_max_key);
}

// An address every client may share: unknown, or this machine's own (an onion service, or
// a proxy not named as trusted, connects from loopback). Slowing it would slow everyone.
bool shared_by_everyone(std::string_view client) {
    return client.empty() || client.starts_with("127.") || client == "::1" || client == "::/64";
}

}  // namespace

std::size_t LookupThrottle::Failures::count(std::string_view key, Clock::time_point now,
                                            std::chrono::seconds forget_after) const {
    const auto found = m_entries.find(key_of(key));
    if (found == m_entries.end() || now - found->second.last > forget_after) return 0;
    return found->second.count;
}

void LookupThrottle::Failures::add(std::string_view key, Clock::time_point now,
                                   std::chrono::seconds forget_after, std::size_t max_tracked) {
    auto [found, inserted] = m_entries.try_emplace(std::string(key_of(key)));
    Entry& entry = found->second;
    if (inserted) {
        entry.position = m_order.insert(m_order.end(), found->first);
    } else {
        if (now - entry.last > forget_after) entry.count = 0;
        m_order.splice(m_order.end(), m_order, entry.position);
    }
    ++entry.count;
    entry.last = now;
    while (m_entries.size() > max_tracked && !m_order.empty()) {
        m_entries.erase(m_order.front());
        m_order.pop_front();
    }
}

std::chrono::milliseconds LookupThrottle::delay_for(std::size_t failures) const {
    if (failures <= m_settings.free_failures) return {};
    const std::size_t doublings =
        std::min<std::size_t>(failures - m_settings.free_failures - 1, 30);
    const auto delay = m_settings.first_delay * (std::int64_t{1} << doublings);
    return std::min(delay, m_settings.max_delay);
}

LookupThrottle::Admission LookupThrottle::admit(std::string_view reference, std::string_view client,
                                                Clock::time_point now) {
    std::lock_guard lock(m_mutex);
    Admission admission;
    if (m_settings.lookups_per_second > 0 && refill(now) < 1) {
        admission.busy = true;
        return admission;
    }
    std::size_t failures = m_by_reference.count(reference, now, m_settings.forget_after);
    if (m_settings.per_address && !shared_by_everyone(client)) {
        failures = std::max(failures, m_by_address.count(client, now, m_settings.forget_after));
    }
    admission.delay = delay_for(failures);
    return admission;
}

double LookupThrottle::refill(Clock::time_point now) {
    const double capacity = m_settings.lookups_per_second;  // one second's worth
    if (m_tokens < 0) {
        m_tokens = capacity;
    } else {
        const std::chrono::duration<double> elapsed = now - m_refilled;
        m_tokens = std::min(capacity, m_tokens + elapsed.count() * capacity);
    }
    m_refilled = now;
    return m_tokens;
}

void LookupThrottle::failed(std::string_view reference, std::string_view client,
                            Clock::time_point now) {
    std::lock_guard lock(m_mutex);
    if (m_settings.lookups_per_second > 0 && refill(now) >= 1) m_tokens -= 1;
    m_by_reference.add(reference, now, m_settings.forget_after, m_settings.max_tracked);
    if (m_settings.per_address && !shared_by_everyone(client)) {
        m_by_address.add(client, now, m_settings.forget_after, m_settings.max_tracked);
    }
}

}  // namespace redress::intake
