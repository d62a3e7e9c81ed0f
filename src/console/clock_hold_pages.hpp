#pragma once
// Pausing and resuming a complaint's clocks from its page (/staff/complaints/{reference}/
// clocks): the form under the clock table, for those who may hold them, and its post.

#include "console/staff_routes.hpp"
#include "console/staff_view.hpp"
#include "console/work_pages.hpp"

namespace redress::console {

// Fills the complaint page's HOLD_FORM: resume when paused, else pause with whom the office
// waits on; nothing for a closed complaint or a member who may not hold its clocks.
void fill_hold_form(web::Dictionary& page, const i18n::Catalogue& catalogue, const Visit& visit,
                    const storage::StaffComplaint& complaint);

class ClockHoldPages {
  public:
    ClockHoldPages(const WorkPages& work, const StaffView& view) : m_work(work), m_view(view) {}

    void add_routes(StaffRoutes& routes);

  private:
    void hold(Visit visit, http::Responder respond) const;
    http::Response failure(const util::Error& error) const;

    const WorkPages& m_work;
    const StaffView& m_view;
};

}  // namespace redress::console
