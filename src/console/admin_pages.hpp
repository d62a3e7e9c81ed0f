#pragma once
// The administrators' pages (/staff/admin/users): every staff account with its roles,
// offices and state; the form that creates one, answered with its one-time set-up code
// shown once; and for each account (/staff/admin/users/{id}) the forms that change its
// roles and offices, disable or enable it, and reset its second factor. Administrators
// only: to everyone else, signed in or not, these pages answer as paths that do not exist
// (Access::unlisted). Who may do what is decided in staff/administration.hpp.

#include <string>
#include <vector>

#include "console/staff_routes.hpp"
#include "console/staff_view.hpp"
#include "staff/administration.hpp"

namespace redress::console {

class AdminPages {
  public:
    // `administration` and `view` must outlive the routes.
    AdminPages(staff::Administration& administration, const StaffView& view)
        : m_administration(administration), m_view(view) {}

    void add_routes(StaffRoutes& routes);

  private:
    // A form shown again with what was wrong with it.
    struct Attempt {
        staff::NewMember member;
        std::vector<domain::FormProblem> problems;
    };

    void users(Visit visit, http::Responder respond) const;
    void create(Visit visit, http::Responder respond) const;
    void user(Visit visit, http::Responder respond) const;
    void change_access(Visit visit, http::Responder respond) const;
    void set_disabled(Visit visit, bool disabled, http::Responder respond) const;
    void reset_second_factor(Visit visit, http::Responder respond) const;
    void issue_set_up_code(Visit visit, http::Responder respond) const;
    // The page that shows a set-up code once: a new account's, or a new one for an account.
    http::Response set_up_code_page(const staff::AccountSetUp& account, bool created) const;

    // The list with the creation form (refused when `attempt` is set).
    void show_users(Visit visit, int status, std::optional<Attempt> attempt,
                    http::Responder respond) const;
    // One account's page (its access form refused when `attempt` is set).
    void show_user(Visit visit, domain::StaffId id, int status, std::optional<Attempt> attempt,
                   http::Responder respond) const;
    // After a change: back to the account's page, or the page that says why not.
    void after_change(domain::StaffId id, util::Expected<storage::Written> written,
                      http::Responder respond) const;

    // The roles and offices of a posted form; unknown roles become problems.
    void read_access(const http::FormData& form, staff::NewMember& member,
                     std::vector<domain::FormProblem>& problems) const;
    void fill_access_choices(web::Dictionary& form, const staff::NewMember& chosen) const;

    staff::Administration& m_administration;
    const StaffView& m_view;
};

}  // namespace redress::console
