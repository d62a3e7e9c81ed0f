#pragma once
// Keeps anchoring the audit trail while redress serves: a thread of its own signs the
// trail's head every `interval` when it moved (staff/audit_anchor.hpp), and once more when
// it stops, so that at most one interval of entries is ever unsigned.

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <thread>

#include "crypto/keys.hpp"
#include "storage/audit_trail.hpp"
#include "storage/background_leases.hpp"

namespace redress::staff {

class AuditAnchoring {
  public:
    // `lease`: with several nodes on one database, the head is signed only while this node
    // holds it (it must outlive the anchoring); none: always.
    AuditAnchoring(storage::AuditTrail& trail, crypto::SigningKey key,
                   std::filesystem::path head_file, std::chrono::seconds interval,
                   storage::BackgroundLease* lease = nullptr);
    // Anchors once more, then joins the thread.
    ~AuditAnchoring();
    AuditAnchoring(const AuditAnchoring&) = delete;
    AuditAnchoring& operator=(const AuditAnchoring&) = delete;

  private:
    void run();
    void anchor();

    storage::AuditTrail& m_trail;
    const crypto::SigningKey m_key;
    const std::filesystem::path m_head_file;
    const std::chrono::seconds m_interval;
    storage::BackgroundLease* const m_lease;

    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_thread;  // last: starts once everything above exists
};

}  // namespace redress::staff
