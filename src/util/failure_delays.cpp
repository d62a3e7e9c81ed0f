#include "util/failure_delays.hpp"

#include <algorithm>
#include <cstdint>

namespace redress::util {
namespace {

// Keys are bounded so that a long reference or user name cannot make an entry large.
constexpr std::size_t k_max_key = 64;

std::string_view key_of(std::string_view text) {
    return text.substr(0, k_max_key);
}

}  // namespace

std::size_t FailureDelays::Failures::count(std::string_view key, Clock::time_point now,
                                           std::chrono::seconds forget_after) const {
    const auto found = m_entries.find(key_of(key));
    if (found == m_entries.end() || now - found->second.last > forget_after) return 0;
    return found->second.count;
}

void FailureDelays::Failures::add(std::string_view key, Clock::time_point now,
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

std::chrono::milliseconds FailureDelays::delay_for(std::size_t failures) const {
    if (failures <= m_settings.free_failures) return {};
    const std::size_t doublings =
        std::min<std::size_t>(failures - m_settings.free_failures - 1, 30);
    const auto delay = m_settings.first_delay * (std::int64_t{1} << doublings);
    return std::min(delay, m_settings.max_delay);
}

// An address every client may share: unknown, or this machine's own (an onion service, or
// a proxy not named as trusted, connects from loopback).
bool FailureDelays::counts(std::string_view client) const {
    return m_settings.per_address && !client.empty() && !client.starts_with("127.") &&
           client != "::1" && client != "::/64";
}

std::chrono::milliseconds FailureDelays::delay(std::string_view key, std::string_view client,
                                               Clock::time_point now) {
    std::lock_guard lock(m_mutex);
    std::size_t failures = m_by_key.count(key, now, m_settings.forget_after);
    if (counts(client)) {
        failures = std::max(failures, m_by_address.count(client, now, m_settings.forget_after));
    }
    return delay_for(failures);
}

void FailureDelays::failed(std::string_view key, std::string_view client, Clock::time_point now) {
    std::lock_guard lock(m_mutex);
    m_by_key.add(key, now, m_settings.forget_after, m_settings.max_tracked);
    if (counts(client)) {
        m_by_address.add(client, now, m_settings.forget_after, m_settings.max_tracked);
    }
}

}  // namespace redress::util
