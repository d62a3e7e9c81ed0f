#pragma once
// The referral packet of a complaint referred to an external office: printed
// (/staff/complaints/{reference}/referral-packet, a page with print styles) or downloaded
// (…/referral-packet/download, the same page as an attachment). Each is written to the audit
// trail as an export before the packet is answered; a packet whose export could not be
// recorded is not given. A complaint the member may not read, or one not referred to an
// external office, is answered like a reference that does not exist (404).

#include "console/staff_routes.hpp"
#include "console/staff_view.hpp"
#include "console/work_pages.hpp"

namespace redress::console {

class PacketPages {
  public:
    // `work` gives the parts; it and `view` must outlive the routes.
    PacketPages(const WorkPages& work, const StaffView& view) : m_work(work), m_view(view) {}

    void add_routes(StaffRoutes& routes);

  private:
    enum class Delivery { print, download };
    void packet(Visit visit, Delivery delivery, http::Responder respond) const;
    http::Response page(const storage::StaffComplaint& complaint,
                        const std::vector<std::uint8_t>& sealed_people, Delivery delivery) const;
    http::Response failure(const util::Error& error) const;

    const WorkPages& m_work;
    const StaffView& m_view;
};

}  // namespace redress::console
