#include "intake/lookup_throttle.hpp"

#include <algorithm>

namespace redress::intake {

LookupThrottle::Admission LookupThrottle::admit(std::string_view reference, std::string_view client,
                                                Clock::time_point now) {
    Admission admission;
    {
        std::lock_guard lock(m_mutex);
        if (m_settings.lookups_per_second > 0 && refill(now) < 1) {
            admission.busy = true;
            return admission;
        }
    }
    admission.delay = m_delays.delay(reference, client, now);
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
    {
        std::lock_guard lock(m_mutex);
        if (m_settings.lookups_per_second > 0 && refill(now) >= 1) m_tokens -= 1;
    }
    m_delays.failed(reference, client, now);
}

}  // namespace redress::intake
