#include "http/admission.hpp"

#include <limits>
#include <tuple>

namespace redress::http {
namespace {

// A connection that has just opened has not had time to send its head: through Tor, the
// first byte comes a circuit's round trip after the connection (often a second or more).
// Until then it goes last, or every newcomer would push out the previous one whenever the
// others are bodies and responses.
constexpr std::chrono::seconds k_opening_grace{2};

// Lower is evicted first; handling is never.
int rank(Phase phase, bool young) {
    switch (phase) {
        case Phase::idle:
            return 0;
        case Phase::opening:
            return young ? 4 : 1;
        case Phase::head:
            return 1;
        case Phase::body:
            return 2;
        case Phase::writing:
            return 3;
        case Phase::handling:
            break;
    }
    return std::numeric_limits<int>::max();
}

}  // namespace

ConnectionActivity* Admission::least_valuable(
    const std::unordered_set<ConnectionActivity*>& among) const {
    ConnectionActivity* chosen = nullptr;
    std::tuple<int, std::uint64_t, std::int64_t> best{std::numeric_limits<int>::max(), 0, 0};
    const std::int64_t young_since =
        (std::chrono::steady_clock::now() - k_opening_grace).time_since_epoch().count();
    for (ConnectionActivity* candidate : among) {
        const Phase phase = candidate->phase.load(std::memory_order_relaxed);
        const std::int64_t since = candidate->since.load(std::memory_order_relaxed);
        const int order = rank(phase, since > young_since);
        if (order == std::numeric_limits<int>::max()) continue;
        // Heads are judged by age alone (a genuine one takes milliseconds); bodies and
        // responses by the bytes they moved, so that a slow but real upload outlives a
        // trickle.
        const bool by_progress = phase == Phase::body || phase == Phase::writing;
        const std::tuple key{
            order, by_progress ? candidate->progress.load(std::memory_order_relaxed) : 0, since};
        if (chosen == nullptr || key < best) {
            chosen = candidate;
            best = key;
        }
    }
    return chosen;
}

void Admission::uncount(ConnectionActivity& connection) {
    auto& member = m_members.at(&connection);
    if (!member.counted) return;
    member.counted = false;
    --m_counted;
    m_all_counted.erase(&connection);
    if (auto group = m_groups.find(member.group); group != m_groups.end()) {
        group->second.erase(&connection);
        if (group->second.empty()) m_groups.erase(group);
    }
}

Admission::Verdict Admission::admit(ConnectionActivity& connection, const std::string& group) {
    Verdict verdict;
    const bool capped = !group.empty();  // k_unknown_client is not
    if (auto members = m_groups.find(group);
        capped && members != m_groups.end() && members->second.size() >= m_max_per_group) {
        verdict.evict = least_valuable(members->second);
        if (verdict.evict == nullptr) return verdict;
    } else if (m_counted >= m_max_total) {
        verdict.evict = least_valuable(m_all_counted);
        if (verdict.evict == nullptr) return verdict;
    }
    if (verdict.evict != nullptr) uncount(*verdict.evict);
    m_members.emplace(&connection, Member{group, true});
    m_groups[group].insert(&connection);
    m_all_counted.insert(&connection);
    ++m_counted;
    verdict.admitted = true;
    return verdict;
}

ConnectionActivity* Admission::regroup(ConnectionActivity& connection, const std::string& group) {
    auto found = m_members.find(&connection);
    if (found == m_members.end() || !found->second.counted || found->second.group == group) {
        return nullptr;
    }
    if (auto old = m_groups.find(found->second.group); old != m_groups.end()) {
        old->second.erase(&connection);
        if (old->second.empty()) m_groups.erase(old);
    }
    found->second.group = group;
    ConnectionActivity* victim = nullptr;
    auto& members = m_groups[group];
    if (!group.empty() && members.size() >= m_max_per_group) {
        victim = least_valuable(members);
        if (victim != nullptr) uncount(*victim);
    }
    m_groups[group].insert(&connection);
    return victim;
}

void Admission::leave(ConnectionActivity& connection) {
    if (!m_members.contains(&connection)) return;
    uncount(connection);
    m_members.erase(&connection);
}

bool Admission::evicted(ConnectionActivity& connection) const {
    const auto found = m_members.find(&connection);
    return found != m_members.end() && !found->second.counted;
}

}  // namespace redress::http
