#pragma once
// Messages with the complainant on the complaint's page: the conversation (staff messages,
// the complainant's replies and added information, reconsideration requests), and the form
// and post with which staff write (/staff/complaints/{reference}/messages). Staff-only
// notes are elsewhere (the case), never here.

#include <string>
#include <vector>

#include "console/staff_routes.hpp"
#include "console/staff_view.hpp"
#include "console/work_pages.hpp"
#include "crypto/keys.hpp"
#include "domain/form_problem.hpp"
#include "i18n/catalogue.hpp"
#include "storage/casework.hpp"

namespace redress::console {

// A message shown again in the form, with what was wrong with it.
struct MessageAttempt {
    std::string text;
    std::vector<domain::FormProblem> problems;
};

// Fills the complaint page's MESSAGES section, and for a member who may write, the form
// (blank, or `attempt` with its problems).
void fill_messages(web::Dictionary& page, const i18n::Catalogue& catalogue, const Visit& visit,
                   const storage::StaffComplaint& complaint, const MessageAttempt* attempt,
                   const crypto::Key& content_key);

class MessagePages {
  public:
    MessagePages(const WorkPages& work, const StaffView& view) : m_work(work), m_view(view) {}

    void add_routes(StaffRoutes& routes);

  private:
    void send(Visit visit, http::Responder respond) const;
    http::Response failure(const util::Error& error) const;

    const WorkPages& m_work;
    const StaffView& m_view;
};

}  // namespace redress::console
