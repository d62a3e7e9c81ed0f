#pragma once
// Email that was not taken in (/staff/mail-quarantine), for intake officers and
// supervisors: when it came, why (a stable reason) and a sentence that names nothing of its
// content, newest first; and each raw message, downloaded only as an attachment
// (octet-stream, nosniff, a sandboxing policy: it may carry anything), after its download
// is written to the audit trail. An id that names nothing answers 404.

#include "console/staff_routes.hpp"
#include "console/staff_view.hpp"
#include "console/work_pages.hpp"

namespace redress::console {

class MailQuarantinePages {
  public:
    MailQuarantinePages(const WorkPages& work, const StaffView& view)
        : m_work(work), m_view(view) {}

    void add_routes(StaffRoutes& routes);

  private:
    void list(Visit visit, http::Responder respond) const;
    void download(Visit visit, http::Responder respond) const;
    http::Response list_page(const std::vector<storage::QuarantinedMail>& rows) const;
    http::Response attachment(const storage::QuarantinedMail& mail) const;
    http::Response failure(const util::Error& error) const;

    const WorkPages& m_work;
    const StaffView& m_view;
};

}  // namespace redress::console
