#include "console/admin_pages.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <charconv>

#include "console/form_errors.hpp"

namespace redress::console {

namespace {

constexpr std::string_view k_admin_error_prefix = "staff.admin.error.";
// What a failure of the account services is called; conflicts are answered by after_change.
constexpr StaffView::FailureWords k_failure{
    .what = "staff account",
    .forbidden = "staff.forbidden.message",
    .conflict_title = "staff.admin.refused.title",
    .conflict_message = "staff.admin.refused.last_administrator"};
constexpr std::array<FieldSection, 4> k_fields{{{"username", "USERNAME"},
                                                {"display_name", "DISPLAY_NAME"},
                                                {"roles", "ROLES"},
                                                {"offices", "OFFICES"}}};

std::optional<domain::StaffId> parse_id(std::string_view text) {
    domain::StaffId value = 0;
    const auto* end = text.data() + text.size();
    if (text.empty() || text.size() > 18) return std::nullopt;
    const auto [last, error] = std::from_chars(text.data(), end, value);
    if (error != std::errc() || last != end || value < 1) return std::nullopt;
    return value;
}

std::string user_path(domain::StaffId id) {
    return "/staff/admin/users/" + std::to_string(id);
}

}  // namespace

void AdminPages::add_routes(StaffRoutes& routes) {
    using http::Method;
    const auto administrators = Access::unlisted({domain::Role::administrator});
    routes.add(Method::get, "/staff/admin/users", administrators,
               [this](Visit visit, http::Responder respond) {
                   users(std::move(visit), std::move(respond));
               });
    routes.add(Method::post, "/staff/admin/users", administrators,
               [this](Visit visit, http::Responder respond) {
                   create(std::move(visit), std::move(respond));
               });
    routes.add(Method::get, "/staff/admin/users/{id}", administrators,
               [this](Visit visit, http::Responder respond) {
                   user(std::move(visit), std::move(respond));
               });
    routes.add(Method::post, "/staff/admin/users/{id}/access", administrators,
               [this](Visit visit, http::Responder respond) {
                   change_access(std::move(visit), std::move(respond));
               });
    routes.add(Method::post, "/staff/admin/users/{id}/disable", administrators,
               [this](Visit visit, http::Responder respond) {
                   set_disabled(std::move(visit), true, std::move(respond));
               });
    routes.add(Method::post, "/staff/admin/users/{id}/enable", administrators,
               [this](Visit visit, http::Responder respond) {
                   set_disabled(std::move(visit), false, std::move(respond));
               });
    routes.add(Method::post, "/staff/admin/users/{id}/second-factor-reset", administrators,
               [this](Visit visit, http::Responder respond) {
                   reset_second_factor(std::move(visit), std::move(respond));
               });
    routes.add(Method::post, "/staff/admin/users/{id}/set-up-code", administrators,
               [this](Visit visit, http::Responder respond) {
                   issue_set_up_code(std::move(visit), std::move(respond));
               });
}

void AdminPages::read_access(const http::FormData& form, staff::NewMember& member,
                             std::vector<domain::FormProblem>& problems) const {
    for (const auto name : form.get_all("role")) {
        if (const auto role = domain::parse_role(name)) {
            member.roles.push_back(*role);
        } else {
            problems.push_back({"roles", "unknown_role"});
        }
    }
    for (const auto office : form.get_all("office")) member.offices.emplace_back(office);
}

void AdminPages::fill_access_choices(web::Dictionary& form, const staff::NewMember& chosen) const {
    const auto& catalogue = m_view.catalogue();
    for (const auto role : domain::all_roles()) {
        auto* row = form.AddSectionDictionary("ROLE_CHOICE");
        row->SetValue("VALUE", web::tstr(domain::role_name(role)));
        row->SetValue("LABEL", web::tstr(catalogue.text("staff.role." +
                                                        std::string(domain::role_name(role)))));
        if (std::find(chosen.roles.begin(), chosen.roles.end(), role) != chosen.roles.end()) {
            row->ShowSection("CHECKED");
        }
    }
    for (const auto& office : m_administration.deployment().offices) {
        auto* row = form.AddSectionDictionary("OFFICE_CHOICE");
        row->SetValue("VALUE", office.id);
        row->SetValue("LABEL", office.name.in("en"));
        if (std::find(chosen.offices.begin(), chosen.offices.end(), office.id) !=
            chosen.offices.end()) {
            row->ShowSection("CHECKED");
        }
    }
}

void AdminPages::users(Visit visit, http::Responder respond) const {
    show_users(std::move(visit), 200, std::nullopt, std::move(respond));
}

void AdminPages::show_users(Visit visit, int status, std::optional<Attempt> attempt,
                            http::Responder respond) const {
    m_administration.list([this, visit = std::move(visit), status, attempt = std::move(attempt),
                           respond = std::move(respond)](
                              util::Expected<std::vector<domain::StaffMember>> members) mutable {
        respond.render([this, visit = std::move(visit), status, attempt = std::move(attempt),
                        members = std::move(members)] {
            if (!members) {
                spdlog::error("console: staff list: {}", members.error().message);
                return m_view.problem(503, "staff.unavailable.title", "staff.unavailable.message");
            }
            const auto& catalogue = m_view.catalogue();
            return m_view.page(
                status, "staff/users.tpl", "staff.admin.users.title", [&](web::Dictionary& page) {
                    page.SetValue("CSRF", visit.signed_in.form_token);
                    for (const auto& member : *members) {
                        auto* row = page.AddSectionDictionary("MEMBER");
                        row->SetValue("ID", std::to_string(member.id));
                        row->SetValue("USERNAME", member.username);
                        row->SetValue("NAME", member.display_name);
                        std::string roles;
                        for (const auto role : member.roles) {
                            if (!roles.empty()) roles += ", ";
                            roles += catalogue.text("staff.role." +
                                                    std::string(domain::role_name(role)));
                        }
                        row->SetValue("ROLES", roles);
                        std::string offices;
                        for (const auto& office : member.offices) {
                            if (!offices.empty()) offices += ", ";
                            offices += office;
                        }
                        row->SetValue("OFFICES", offices);
                        row->SetValue("STATE",
                                      web::tstr(catalogue.text(
                                          member.disabled         ? "staff.admin.disabled"
                                          : member.set_up_pending ? "staff.admin.set_up_pending"
                                          : member.enrolled       ? "staff.admin.enrolled"
                                                                  : "staff.admin.not_enrolled")));
                    }
                    staff::NewMember chosen;
                    if (attempt) {
                        chosen = attempt->member;
                        fill_field_errors(page, catalogue, attempt->problems, k_fields,
                                          k_admin_error_prefix);
                    }
                    page.SetValue("USERNAME_VALUE", chosen.username);
                    page.SetValue("DISPLAY_NAME_VALUE", chosen.display_name);
                    fill_access_choices(page, chosen);
                });
        });
    });
}

void AdminPages::create(Visit visit, http::Responder respond) const {
    Attempt attempt;
    attempt.member.username = std::string(visit.form.get("username"));
    attempt.member.display_name = std::string(visit.form.get("display_name"));
    std::vector<domain::FormProblem> problems;
    read_access(visit.form, attempt.member, problems);
    attempt.problems = m_administration.check(attempt.member);
    attempt.problems.insert(attempt.problems.end(), problems.begin(), problems.end());
    if (!attempt.problems.empty()) {
        show_users(std::move(visit), 422, std::move(attempt), std::move(respond));
        return;
    }
    const auto by = visit.signed_in.member;
    auto member = attempt.member;
    m_administration.create(
        by, std::move(member),
        [this, visit = std::move(visit), attempt = std::move(attempt),
         respond = std::move(respond)](util::Expected<staff::AccountSetUp> created) mutable {
            if (!created && created.error().code == util::ErrorCode::conflict) {
                attempt.problems.push_back({"username", "username_taken"});
                show_users(std::move(visit), 422, std::move(attempt), std::move(respond));
                return;
            }
            respond.render([this, created = std::move(created)] {
                if (!created) {
                    spdlog::error("console: creating an account: {}", created.error().message);
                    return m_view.problem(503, "staff.unavailable.title",
                                          "staff.unavailable.message");
                }
                return set_up_code_page(*created, true);
            });
        });
}

void AdminPages::user(Visit visit, http::Responder respond) const {
    const auto id = parse_id(visit.request.parameter("id"));
    if (!id) {
        respond(m_view.problem(404, "staff.not_found.title", "staff.not_found.message"));
        return;
    }
    show_user(std::move(visit), *id, 200, std::nullopt, std::move(respond));
}

void AdminPages::show_user(Visit visit, domain::StaffId id, int status,
                           std::optional<Attempt> attempt, http::Responder respond) const {
    m_administration.find(
        id, [this, visit = std::move(visit), status, attempt = std::move(attempt),
             respond = std::move(respond)](util::Expected<domain::StaffMember> member) mutable {
            respond.render([this, visit = std::move(visit), status, attempt = std::move(attempt),
                            member = std::move(member)] {
                if (!member) return m_view.failure(member.error(), k_failure);
                const auto& catalogue = m_view.catalogue();
                return m_view.page(
                    status, "staff/user.tpl", "staff.admin.user.title", [&](web::Dictionary& page) {
                        page.SetValue("CSRF", visit.signed_in.form_token);
                        page.SetValue("ID", std::to_string(member->id));
                        page.SetValue("USERNAME", member->username);
                        page.SetValue("NAME", member->display_name);
                        page.SetValue("CREATED", domain::iso_timestamp(member->created_at));
                        page.SetValue("STATE",
                                      web::tstr(catalogue.text(
                                          member->disabled         ? "staff.admin.disabled"
                                          : member->set_up_pending ? "staff.admin.set_up_pending"
                                          : member->enrolled       ? "staff.admin.enrolled"
                                                                   : "staff.admin.not_enrolled")));
                        staff::NewMember chosen;
                        chosen.roles = member->roles;
                        chosen.offices = member->offices;
                        if (attempt) {
                            chosen = attempt->member;
                            fill_field_errors(page, catalogue, attempt->problems, k_fields,
                                              k_admin_error_prefix);
                        }
                        fill_access_choices(page, chosen);
                        page.ShowSection(member->disabled ? "ENABLE" : "DISABLE");
                        if (member->enrolled) page.ShowSection("RESET");
                        if (!member->disabled) page.ShowSection("NEW_CODE");
                        if (member->id == visit.signed_in.member.id) page.ShowSection("YOURSELF");
                    });
            });
        });
}

void AdminPages::change_access(Visit visit, http::Responder respond) const {
    const auto id = parse_id(visit.request.parameter("id"));
    if (!id) {
        respond(m_view.problem(404, "staff.not_found.title", "staff.not_found.message"));
        return;
    }
    Attempt attempt;
    read_access(visit.form, attempt.member, attempt.problems);
    auto rules = staff::check_access(attempt.member.roles, attempt.member.offices,
                                     m_administration.deployment());
    attempt.problems.insert(attempt.problems.end(), rules.begin(), rules.end());
    if (!attempt.problems.empty()) {
        show_user(std::move(visit), *id, 422, std::move(attempt), std::move(respond));
        return;
    }
    m_administration.change_access(
        visit.signed_in.member, *id, attempt.member.roles, attempt.member.offices,
        [this, id = *id,
         respond = std::move(respond)](util::Expected<storage::Written> written) mutable {
            after_change(id, std::move(written), std::move(respond));
        });
}

void AdminPages::set_disabled(Visit visit, bool disabled, http::Responder respond) const {
    const auto id = parse_id(visit.request.parameter("id"));
    if (!id) {
        respond(m_view.problem(404, "staff.not_found.title", "staff.not_found.message"));
        return;
    }
    m_administration.set_disabled(visit.signed_in.member, *id, disabled,
                                  [this, id = *id, respond = std::move(respond)](
                                      util::Expected<storage::Written> written) mutable {
                                      after_change(id, std::move(written), std::move(respond));
                                  });
}

void AdminPages::reset_second_factor(Visit visit, http::Responder respond) const {
    const auto id = parse_id(visit.request.parameter("id"));
    if (!id) {
        respond(m_view.problem(404, "staff.not_found.title", "staff.not_found.message"));
        return;
    }
    m_administration.reset_second_factor(
        visit.signed_in.member, *id,
        [this, id = *id,
         respond = std::move(respond)](util::Expected<storage::Written> written) mutable {
            after_change(id, std::move(written), std::move(respond));
        });
}

void AdminPages::issue_set_up_code(Visit visit, http::Responder respond) const {
    const auto id = parse_id(visit.request.parameter("id"));
    if (!id) {
        respond(m_view.problem(404, "staff.not_found.title", "staff.not_found.message"));
        return;
    }
    m_administration.issue_set_up_code(
        visit.signed_in.member, *id,
        [this, id = *id,
         respond = std::move(respond)](util::Expected<staff::AccountSetUp> issued) mutable {
            if (!issued) {
                after_change(id, std::unexpected(issued.error()), std::move(respond));
                return;
            }
            respond.render(
                [this, issued = std::move(*issued)] { return set_up_code_page(issued, false); });
        });
}

http::Response AdminPages::set_up_code_page(const staff::AccountSetUp& account,
                                            bool created) const {
    return m_view.page(200, "staff/user_created.tpl",
                       created ? "staff.admin.created.title" : "staff.admin.code_issued.title",
                       [&](web::Dictionary& page) {
                           page.ShowSection(created ? "CREATED" : "ISSUED");
                           page.SetValue("ID", std::to_string(account.member.id));
                           page.SetValue("USERNAME", account.member.username);
                           page.SetValue("NAME", account.member.display_name);
                           page.SetValue("CODE", account.set_up_code);
                           page.SetValue("UNTIL", domain::iso_timestamp(account.set_up_until));
                       });
}

void AdminPages::after_change(domain::StaffId id, util::Expected<storage::Written> written,
                              http::Responder respond) const {
    respond.render([this, id, written = std::move(written)] {
        if (written) return http::Response::redirect(user_path(id));
        if (written.error().code == util::ErrorCode::conflict) {
            const bool yourself = written.error().message == staff::k_not_yourself;
            return m_view.problem(409, "staff.admin.refused.title",
                                  yourself ? "staff.admin.refused.yourself"
                                           : "staff.admin.refused.last_administrator");
        }
        return m_view.failure(written.error(), k_failure);
    });
}

}  // namespace redress::console
