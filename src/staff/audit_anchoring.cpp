#include "staff/audit_anchoring.hpp"

#include <spdlog/spdlog.h>

#include "domain/calendar.hpp"
#include "staff/audit_anchor.hpp"
#include "util/thread_name.hpp"

namespace redress::staff {

AuditAnchoring::AuditAnchoring(storage::AuditTrail& trail, crypto::SigningKey key,
                               std::filesystem::path head_file, std::chrono::seconds interval,
                               storage::BackgroundLease* lease)
    : m_trail(trail),
      m_key(std::move(key)),
      m_head_file(std::move(head_file)),
      m_interval(interval),
      m_lease(lease),
      m_thread([this] { run(); }) {}

AuditAnchoring::~AuditAnchoring() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

void AuditAnchoring::anchor() {
    if (m_lease != nullptr && !m_lease->held()) return;
    const auto now = domain::current_time();
    if (auto anchored = anchor_audit_trail(m_trail, m_key, m_head_file, now); !anchored) {
        spdlog::error("audit trail: could not sign its head: {}", anchored.error().message);
    }
}

void AuditAnchoring::run() {
    util::name_this_thread("anchoring");
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        m_wake.wait_for(lock, m_interval, [this] { return m_stopping; });
        lock.unlock();
        anchor();
        lock.lock();
    }
}

}  // namespace redress::staff
