#pragma once
// A supervisor's overdue view (/staff/overdue): every complaint of an office whose clocks
// have a deadline that has passed, the longest overdue first, whatever list it is on, with
// the clock that fell due, its due day, how many days late and who investigates it. Read a
// page at a time from the deadline index (storage/deadlines.hpp); an office the member does
// not supervise is answered like one that does not exist.

#include "console/staff_routes.hpp"
#include "console/staff_view.hpp"
#include "console/work_pages.hpp"
#include "domain/overdue.hpp"

namespace redress::console {

class OverduePages {
  public:
    OverduePages(const WorkPages& work, const StaffView& view) : m_work(work), m_view(view) {}

    void add_routes(StaffRoutes& routes);

  private:
    void overdue(Visit visit, http::Responder respond) const;
    http::Response overdue_page(const Visit& visit, const domain::OverdueQuery& query,
                                const domain::OverduePage& list) const;
    http::Response bad_filter(std::string_view field) const;

    const WorkPages& m_work;
    const StaffView& m_view;
};

}  // namespace redress::console
