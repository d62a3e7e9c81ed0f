#pragma once
// Slows guessing without ever locking anyone out: failures count against a key (a
// reference, a user name) and against the client's address; past a few, every answer about
// that key, or to that address, is held back, the delay doubling up to a ceiling. A delay,
// not a refusal: someone hammering another person's key can make them wait seconds, never
// keep them out. Failures are forgotten after a while. An address every client may share
// (loopback, where an onion service or an unnamed proxy connects from, or none) is not
// counted against, since slowing it would slow everyone.
//
// Memory is bounded: each table keeps at most `max_tracked` entries, forgetting the least
// recently failed first, and keys are cut to 64 bytes. Safe from any thread.

#include <chrono>
#include <cstddef>
#include <list>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace redress::util {

struct DelaySettings {
    std::size_t free_failures = 5;  // per key and per address, before any delay
    std::chrono::milliseconds first_delay{250};
    std::chrono::milliseconds max_delay{8000};
    std::chrono::seconds forget_after{15 * 60};
    bool per_address = true;  // off where every client shares one address and no proxy says
    std::size_t max_tracked = 100000;  // entries per table
};

class FailureDelays {
  public:
    using Clock = std::chrono::steady_clock;

    explicit FailureDelays(DelaySettings settings) : m_settings(settings) {}

    // How long to hold back an answer about `key` to `client`.
    std::chrono::milliseconds delay(std::string_view key, std::string_view client,
                                    Clock::time_point now);

    // An attempt about `key` from `client` failed.
    void failed(std::string_view key, std::string_view client, Clock::time_point now);

  private:
    // Recent failures per key, least recently failed first in `m_order`.
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
        // Looked up by string_view: counting, on every request, allocates nothing.
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
    bool counts(std::string_view client) const;

    const DelaySettings m_settings;
    std::mutex m_mutex;
    Failures m_by_key;
    Failures m_by_address;
};

}  // namespace redress::util
