#pragma once
// Slows the guessing of receipts without ever locking anyone out: each wrong receipt (or
// unknown reference) counts against the reference and against the client's address, and
// past a few every look-up of that reference, or from that address, is answered later
// (util/failure_delays.hpp: growing delays, forgotten after a while, never a lock-out;
// shared addresses such as an onion service's loopback are not counted against).
//
// Separately, a budget of failed look-ups per second for the whole deployment bounds what
// an enumeration can cost the server: while failures come faster than the budget, look-ups
// are refused as "busy" before any work is done. Look-ups that find their complaint spend
// nothing of it, so a deployment under no attack never answers busy. Safe from any thread.

#include <chrono>
#include <cstddef>
#include <mutex>
#include <string_view>

#include "util/failure_delays.hpp"

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

    explicit LookupThrottle(ThrottleSettings settings)
        : m_settings(settings),
          m_delays({settings.free_failures, settings.first_delay, settings.max_delay,
                    settings.forget_after, settings.per_address, settings.max_tracked}) {}

    struct Admission {
        bool busy = false;                  // over the budget: refuse, do no work
        std::chrono::milliseconds delay{};  // answer no sooner than this
    };
    Admission admit(std::string_view reference, std::string_view client, Clock::time_point now);

    // A look-up of `reference` from `client` matched nothing; it spends the budget.
    void failed(std::string_view reference, std::string_view client, Clock::time_point now);

  private:
    double refill(Clock::time_point now);  // the budget's tokens now; under m_mutex

    const ThrottleSettings m_settings;
    util::FailureDelays m_delays;
    std::mutex m_mutex;    // the budget's
    double m_tokens = -1;  // of the budget; negative until the first look-up
    Clock::time_point m_refilled;
};

}  // namespace redress::intake
