#pragma once
// The audit trail for auditors (/staff/audit): its entries, the newest first, a page at a
// time (?before=<sequence> for older ones), each checked against the chain as it is shown
// (its hash recomputed, its link to the entry before it). The whole trail and its signed
// checkpoints are verified offline by `redress audit verify`.

#include <cstdint>
#include <optional>
#include <vector>

#include "console/staff_routes.hpp"
#include "console/staff_view.hpp"
#include "storage/audit_trail.hpp"

namespace redress::console {

inline constexpr std::size_t k_audit_page_entries = 100;

class AuditPages {
  public:
    // `trail` and `view` must outlive the routes.
    AuditPages(storage::AuditTrail& trail, const StaffView& view) : m_trail(trail), m_view(view) {}

    void add_routes(StaffRoutes& routes);

  private:
    void trail(Visit visit, http::Responder respond) const;
    // Reads the entries before `before` (the head's next sequence for the newest page).
    void show(std::int64_t before, http::Responder respond) const;
    http::Response trail_page(const std::vector<domain::AuditEntry>& entries,
                              std::int64_t head) const;

    storage::AuditTrail& m_trail;
    const StaffView& m_view;
};

}  // namespace redress::console
