#pragma once
// A complaint's evidence files as staff see them (/staff/complaints/{reference}/evidence):
// each with the name the complainant gave, its type as detected, its size and the SHA-256
// of the original. Staff download the original, byte for byte, and for photos a copy
// without location and author metadata; both only as attachments (never shown in the
// browser: octet-stream, nosniff, a sandboxing policy), each written to the audit trail
// before it is given. A complaint the member may not read answers 404, as a missing one.

#include "console/staff_routes.hpp"
#include "console/staff_view.hpp"
#include "console/work_pages.hpp"
#include "domain/evidence.hpp"

namespace redress::console {

class EvidencePages {
  public:
    EvidencePages(const WorkPages& work, const StaffView& view) : m_work(work), m_view(view) {}

    void add_routes(StaffRoutes& routes);

  private:
    enum class Copy { original, without_metadata };
    void list(Visit visit, http::Responder respond) const;
    void download(Visit visit, Copy copy, http::Responder respond) const;
    http::Response list_page(const storage::StaffComplaint& complaint,
                             const std::vector<domain::Evidence>& files) const;
    http::Response attachment(const storage::StaffComplaint& complaint,
                              const domain::Evidence& file, Copy copy) const;
    http::Response failure(const util::Error& error) const;

    const WorkPages& m_work;
    const StaffView& m_view;
};

}  // namespace redress::console
