#pragma once
// A minimum data rate with slack: each byte moved buys 1/rate seconds, and a transfer may
// be up to `window` behind (a stall on a slow link) before its deadline passes. A client
// that sends at the rate never reaches the deadline; one that trickles a few bytes now and
// then reaches it about `window` after it started, however long it keeps trickling.

#include <algorithm>
#include <chrono>
#include <cstddef>

namespace redress::http {

class Pace {
  public:
    using Clock = std::chrono::steady_clock;

    // `bytes_per_second` 0: no minimum; the deadline never passes.
    Pace(std::size_t bytes_per_second, std::chrono::seconds window, Clock::time_point now)
        : m_rate(bytes_per_second), m_window(window), m_deadline(now + window) {}

    void moved(std::size_t bytes, Clock::time_point now) {
        if (m_rate == 0) return;
        const auto earned =
            std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(
                static_cast<double>(bytes) / static_cast<double>(m_rate)));
        m_deadline = std::min(now + m_window, m_deadline + earned);
    }

    Clock::time_point deadline() const {
        return m_rate == 0 ? Clock::time_point::max() : m_deadline;
    }

  private:
    std::size_t m_rate;
    std::chrono::seconds m_window;
    Clock::time_point m_deadline;
};

}  // namespace redress::http
