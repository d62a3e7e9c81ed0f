#pragma once
// Slows the guessing of receipts without ever locking anyone out. Each wrong receipt (or
// unknown reference) counts against the reference and against the client's address; past
// a few, every look-up of that reference, or from that address, is answered later, the
// delay doubling up to a ceiling. A delay, not a refusal: an attacker hammering someone's
// reference can make the real complainant wait seconds, never keep them out. Failures are
// forgotten after a while. An address every client may share (loopback, where an onion
// service or an unnamed proxy connects from, or none) is not counted against.
//
// Separately, a budget of failed look-ups per second for the whole deployment bounds what
// an enumeration can cost the server: while failures come faster than the budget, look-ups
// are refused as "busy" before any work is done. Look-ups that find their complaint spend
// nothing of it, so a deployment under no attack never answers busy.
//
// Memory is bounded: each table keeps at most `max_tracked` entries, forgetting the least
// recently failed first. Safe from any thread.

#include <chrono>
#include <cstddef>
#include <list>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace redress::intake {

struct ThrottleSettings {
    std::size_t free_failures = 5;  // per reference and per address, before any delay
    std::chrono::milliseconds first_delay{250};
    std::chrono::milliseconds max_delay{8000};
    std::chrono::seconds forget_after{15 * 60};
    bool per_address = true;  // off where every client shares one address and no proxy says
    double lookups_per_second = 2000;  // failed ones, for the whole deployment; 0: no budget
    std::size_t max_tracked = 100000;  // entries per table
};

class LookupThrottle {
  public:
    using Clock = std::chrono::steady_clock;

    explicit LookupThrottle(ThrottleSettings settings) : m_settings(settings) {}

    struct Admission {
        bool busy = false;                  // over the budget: refuse, do no work
        std::chrono::milliseconds delay{};  // answer no sooner than this
    };
    Admission admit(std::string_view reference, std::string_view client, Clock::time_point now);

    // A look-up of `reference` from `client` matched nothing; it spends the budget.
    void failed(std::string_view reference, std::string_view client, Clock::time_point now);

  private:
    // Recent failures of one key, least recently failed first in `m_order`.
    class Failures {
      public:
        std::size_t count(std::string_view key, Clock::time_point now,
                          std::chrono::seconds forget_after) const;
        void add(std::string_view key, Clock::time_point now, std::chrono::seconds forget_after,
                 std::size_t max_tracked);

      private:
        struct Entry {
            std::size_t count = 0;
            Clock::time_point last;
            std::list<std::string>::iterator position;
        };
        // Looked up by string_view: counting, on every look-up, allocates nothing.
        struct Hash {
            using is_transparent = void;
            std::size_t operator()(std::string_view text) const {
                return std::hash<std::string_view>{}(text);
            }
        };
        std::unordered_map<std::string, Entry, Hash, std::equal_to<>> m_entries;
        std::list<std::string> m_order;
    };

    std::chrono::milliseconds delay_for(std::size_t failures) const;
    double refill(Clock::time_point now);  // the budget's tokens now; under m_mutex

    ThrottleSettings m_settings;
    std::mutex m_mutex;
    Failures m_by_reference;
    Failures m_by_address;
    double m_tokens = -1;  // of the budget; negative until the first look-up
    Clock::time_point m_refilled;
};

}  // namespace redress::intake
