#pragma once
// Confidentiality in the console: the complainant's identity page
// (/staff/complaints/{reference}/identity: state a reason, then see it, or ask a custodian
// first), the custodians' list of requests to answer (/staff/identity-requests), and the
// posts that close a complaint to a member (recusal, and naming a member it is about).
// The identity is opened with the identity key only here, for the one answer that shows it.

#include "console/staff_routes.hpp"
#include "console/staff_view.hpp"
#include "console/work_pages.hpp"
#include "domain/form_problem.hpp"

namespace redress::console {

// Fills the complaint page's CONFIDENTIAL_ACTIONS section: the link to the identity, the recusal
// form, and for intake officers and supervisors the form naming a member.
void fill_confidentiality(web::Dictionary& page, const Visit& visit,
                          const storage::StaffComplaint& complaint);

class IdentityPages {
  public:
    IdentityPages(const WorkPages& work, const StaffView& view) : m_work(work), m_view(view) {}

    void add_routes(StaffRoutes& routes);

  private:
    void identity(Visit visit, http::Responder respond) const;
    void open(Visit visit, http::Responder respond) const;
    void requests(Visit visit, http::Responder respond) const;
    void answer(Visit visit, http::Responder respond) const;
    void recuse(Visit visit, http::Responder respond) const;
    void name(Visit visit, http::Responder respond) const;

    // The identity page: where the member stands, with `problems` for a refused reason, the
    // note that a request was recorded, or the identity itself once opened.
    struct Shown {
        std::vector<domain::FormProblem> problems;
        std::string reason;
        bool requested = false;
        const staff::IdentityResult* opened = nullptr;
    };
    http::Response identity_page(int status, const Visit& visit, const staff::IdentityPage& page,
                                 const Shown& shown) const;
    http::Response requests_page(int status, const Visit& visit,
                                 const std::vector<storage::IdentityRequest>& requests,
                                 const std::vector<domain::FormProblem>& problems) const;
    http::Response failure(const util::Error& error) const;
    // The answer to a recusal or a naming: where to go once recorded, or the page saying
    // why it was refused (its first problem's words, "staff.exclusion.refused.<code>").
    storage::Done<std::vector<domain::FormProblem>> exclusion_answer(
        http::Responder respond, std::string recorded_to, std::string_view refused_title) const;

    const WorkPages& m_work;
    const StaffView& m_view;
};

}  // namespace redress::console
