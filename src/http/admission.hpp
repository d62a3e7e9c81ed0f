#pragma once
// Which connections the server keeps when it is full. A cap that refuses new connections
// can be held by whoever opens connections first and never finishes a request, which is
// every slow-client attack; and when every client shares one address (an onion service,
// where Tor connects from 127.0.0.1) a per-address cap is then a cap on everyone. So when a
// group (one address, see client_address.hpp) or the whole server is full, a newcomer is
// admitted in place of the least valuable connection: a kept-alive one waiting idle, then
// the one that has waited longest for its request head, then the body or response that has
// moved fewest bytes, and only then one opened in the last two seconds (its head may still
// be on its way). A connection whose request is being handled is never chosen, and a
// genuine client sends its head within moments, so it is rarely the oldest waiting.
//
// Not thread-safe: the server calls it under its own mutex. The activity of each
// connection is written by the connection's thread and read here, hence the atomics.

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace redress::http {

enum class Phase : std::uint8_t {
    opening,   // accepted; no request byte yet (or reading a PROXY protocol header)
    idle,      // kept alive between requests
    head,      // reading a request head
    body,      // reading a request body
    handling,  // the handler has the request: never evicted
    writing,   // writing the response
};

struct ConnectionActivity {
    std::atomic<Phase> phase{Phase::opening};
    std::atomic<std::int64_t> since{0};      // steady clock, ns: when the phase began
    std::atomic<std::uint64_t> progress{0};  // bytes moved in the phase

    ConnectionActivity() { enter(Phase::opening); }
    void enter(Phase next) {
        progress.store(0, std::memory_order_relaxed);
        since.store(std::chrono::steady_clock::now().time_since_epoch().count(),
                    std::memory_order_relaxed);
        phase.store(next, std::memory_order_relaxed);
    }
    void moved(std::size_t bytes) { progress.fetch_add(bytes, std::memory_order_relaxed); }
};

// The group of connections whose client is not known yet (a trusted proxy's, before its
// PROXY header or first request): counted in the total only.
inline const std::string k_unknown_client;

class Admission {
  public:
    Admission(std::size_t max_total, std::size_t max_per_group)
        : m_max_total(max_total), m_max_per_group(max_per_group) {}

    struct Verdict {
        bool admitted = false;
        ConnectionActivity* evict = nullptr;  // to be closed by the caller; no longer counted
    };
    Verdict admit(ConnectionActivity& connection, const std::string& group);
    // The connection's client turned out to be `group`; may name a connection to evict
    // there. A connection that cannot make room stays, over the cap: it was admitted.
    ConnectionActivity* regroup(ConnectionActivity& connection, const std::string& group);
    void leave(ConnectionActivity& connection);
    // Whether the connection was chosen for eviction (it should close after its response).
    bool evicted(ConnectionActivity& connection) const;

    std::size_t counted() const { return m_counted; }
    bool empty() const { return m_members.empty(); }
    template <typename Visit>
    void for_each(Visit visit) const {
        for (const auto& [connection, member] : m_members) visit(*connection);
    }

  private:
    struct Member {
        std::string group;
        bool counted = true;
    };
    ConnectionActivity* least_valuable(const std::unordered_set<ConnectionActivity*>& among) const;
    void uncount(ConnectionActivity& connection);

    std::size_t m_max_total;
    std::size_t m_max_per_group;
    std::size_t m_counted = 0;
    std::unordered_map<ConnectionActivity*, Member> m_members;
    std::unordered_map<std::string, std::unordered_set<ConnectionActivity*>> m_groups;
    std::unordered_set<ConnectionActivity*> m_all_counted;
};

}  // namespace redress::http
