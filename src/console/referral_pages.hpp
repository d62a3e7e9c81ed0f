#pragma once
// The receiving side of a referral between offices of this deployment: the referrals an
// office received and has not answered (/staff/referrals?office=), the referral shown on
// the complaint's page, and the answer's form and its post
// (/staff/complaints/{reference}/referral: accept, decline or return with a reason). A
// complaint a member may not read is answered like a reference that does not exist (404),
// an office they do not work for like an office that does not exist.

#include <functional>
#include <string>
#include <vector>

#include "console/referral_form.hpp"
#include "console/staff_routes.hpp"
#include "console/staff_view.hpp"
#include "console/work_pages.hpp"
#include "i18n/catalogue.hpp"
#include "storage/casework.hpp"

namespace redress::console {

// An answer shown again in the form, with what was wrong with it.
struct ReferralAttempt {
    domain::ReferralDecision decision;
    std::vector<domain::TriageProblem> problems;
};

// Fills the complaint page's REFERRAL section: the complaint's latest referral, and for a
// member who may answer it, the form (blank, or `attempt` with its problems).
void fill_referral(web::Dictionary& page, const i18n::Catalogue& catalogue, const Visit& visit,
                   const storage::StaffComplaint& complaint, const ReferralAttempt* attempt,
                   const std::function<std::string(std::string_view)>& office_name);

class ReferralPages {
  public:
    // `work` shows the complaint page; it and `view` must outlive the routes.
    ReferralPages(const WorkPages& work, const StaffView& view) : m_work(work), m_view(view) {}

    void add_routes(StaffRoutes& routes);

  private:
    void received(Visit visit, http::Responder respond) const;
    void answer(Visit visit, http::Responder respond) const;
    // Reads the complaint again and shows it with `attempt` refused (422), or what stops it.
    void refuse(Visit visit, ReferralAttempt attempt, http::Responder respond) const;

    http::Response received_page(const std::string& office_id,
                                 const std::vector<storage::ReceivedReferral>& list,
                                 const Visit& visit) const;
    http::Response failure(const util::Error& error) const;

    const WorkPages& m_work;
    const StaffView& m_view;
};

}  // namespace redress::console
