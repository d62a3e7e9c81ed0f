#include "console/console.hpp"

#include <spdlog/spdlog.h>

#include "http/cookies.hpp"
#include "web/form_post.hpp"
#include "web/qr_svg.hpp"

namespace redress::console {

namespace {

constexpr std::string_view k_ticket_cookie = "__Host-redress-sign-in";
http::Response with_ticket(http::Response response, std::string_view ticket,
                           std::chrono::seconds lifetime) {
    response.headers.add("Set-Cookie", http::host_cookie(k_ticket_cookie, ticket, lifetime));
    return response;
}

void forget(http::Response& response, std::string_view cookie) {
    response.headers.add("Set-Cookie",
                         http::host_cookie(cookie, "", std::nullopt, http::CookieLife::remove));
}

}  // namespace

Console::Console(staff::Sessions& sessions, staff::SignIn& sign_in,
                 const i18n::Languages& languages, WorkParts work, ConsoleSettings settings)
    : m_sessions(sessions),
      m_sign_in(sign_in),
      m_languages(languages),
      m_deployment(work.deployment),
      m_settings(std::move(settings)),
      m_view(std::make_unique<StaffView>(m_settings.templates_dir, languages)),
      m_work(std::make_unique<WorkPages>(std::move(work), *m_view)),
      m_referrals(std::make_unique<ReferralPages>(*m_work, *m_view)),
      m_cases(std::make_unique<CasePages>(*m_work, m_work->parts().cases, *m_view)),
      m_messages(std::make_unique<MessagePages>(*m_work, *m_view)),
      m_packets(std::make_unique<PacketPages>(*m_work, *m_view)),
      m_evidence(std::make_unique<EvidencePages>(*m_work, *m_view)),
      m_mail_quarantine(std::make_unique<MailQuarantinePages>(*m_work, *m_view)),
      m_audit(std::make_unique<AuditPages>(m_work->parts().audit_trail, *m_view)),
      m_identity(std::make_unique<IdentityPages>(*m_work, *m_view)),
      m_clock_holds(std::make_unique<ClockHoldPages>(*m_work, *m_view)),
      m_overdue(std::make_unique<OverduePages>(*m_work, *m_view)),
      m_admin(std::make_unique<AdminPages>(m_work->parts().administration, *m_view)),
      m_intake(std::make_unique<IntakePages>(*m_work, *m_view, languages, m_work->parts().intake,
                                             m_settings.public_url)) {}

Console::~Console() = default;

util::Expected<void> Console::check() const {
    return m_view->check();
}

const i18n::Catalogue& Console::catalogue() const {
    return m_view->catalogue();
}

http::Response Console::page(int status, std::string_view template_file, std::string_view title_key,
                             const std::function<void(web::Dictionary&)>& fill) const {
    return m_view->page(status, template_file, title_key, fill);
}

http::Response Console::problem(int status, std::string_view title_key,
                                std::string_view message_key) const {
    return m_view->problem(status, title_key, message_key);
}

StaffRoutes& Console::add_routes(http::Router& router) {
    Refusals refusals{
        .forbidden =
            [this] { return problem(403, "staff.forbidden.title", "staff.forbidden.message"); },
        .unavailable =
            [this] { return problem(503, "staff.unavailable.title", "staff.unavailable.message"); },
    };
    m_routes = std::make_unique<StaffRoutes>(router, m_sessions, std::move(refusals),
                                             m_settings.max_form_fields);
    auto& routes = *m_routes;
    using http::Method;
    routes.add(Method::get, "/staff/sign-in", k_anyone,
               [this](http::Request request, http::Responder respond) {
                   sign_in_form(request, std::move(respond));
               });
    routes.add(Method::post, "/staff/sign-in", k_anyone,
               [this](http::Request request, http::Responder respond) {
                   sign_in_post(request, std::move(respond));
               });
    routes.add(Method::get, "/staff/sign-in/code", k_anyone,
               [this](http::Request request, http::Responder respond) {
                   code_form(request, std::move(respond));
               });
    routes.add(Method::post, "/staff/sign-in/code", k_anyone,
               [this](http::Request request, http::Responder respond) {
                   code_post(request, std::move(respond));
               });
    routes.add(Method::get, "/staff/sign-in/password", k_anyone,
               [this](http::Request request, http::Responder respond) {
                   password_form(request, std::move(respond));
               });
    routes.add(Method::post, "/staff/sign-in/password", k_anyone,
               [this](http::Request request, http::Responder respond) {
                   password_post(request, std::move(respond));
               });
    routes.add(Method::get, "/staff/sign-in/enrol", k_anyone,
               [this](http::Request request, http::Responder respond) {
                   enrol_form(request, std::move(respond));
               });
    routes.add(Method::post, "/staff/sign-in/enrol", k_anyone,
               [this](http::Request request, http::Responder respond) {
                   enrol_post(request, std::move(respond));
               });
    routes.add(Method::post, "/staff/sign-out", Access::any_staff,
               [this](Visit visit, http::Responder respond) {
                   sign_out(std::move(visit), std::move(respond));
               });
    routes.add(Method::get, "/staff/", Access::any_staff,
               [this](Visit visit, http::Responder respond) {
                   home(std::move(visit), std::move(respond));
               });
    m_work->add_routes(routes);
    m_referrals->add_routes(routes);
    m_cases->add_routes(routes);
    m_messages->add_routes(routes);
    m_packets->add_routes(routes);
    m_evidence->add_routes(routes);
    m_mail_quarantine->add_routes(routes);
    m_audit->add_routes(routes);
    m_identity->add_routes(routes);
    m_clock_holds->add_routes(routes);
    m_overdue->add_routes(routes);
    m_admin->add_routes(routes);
    m_intake->add_routes(routes);
    return routes;
}

void Console::sign_in_form(const http::Request&, http::Responder respond) const {
    respond(page(200, "staff/sign_in.tpl", "staff.sign_in.title", {}));
}

void Console::sign_in_post(const http::Request& request, http::Responder respond) {
    auto form = web::read_form_post(request, m_settings.max_form_fields);
    if (!form) {
        respond(problem(web::status_of(form.error()), "staff.bad_post.title",
                        "staff.bad_post.message"));
        return;
    }
    m_sign_in.password(
        std::string(form->get("username")), std::string(form->get("password")),
        request.client_address,
        [this, respond = std::move(respond)](staff::StepResult result) mutable {
            respond.render([this, result = std::move(result)]() mutable {
                return step_response(std::move(result), [this](std::string_view notice) {
                    return page(403, "staff/sign_in.tpl", "staff.sign_in.title",
                                [&](web::Dictionary& page) {
                                    page.ShowSection("NOTICE");
                                    page.SetValue("NOTICE_TEXT",
                                                  web::tstr(catalogue().text(notice)));
                                });
                });
            });
        });
}

http::Response Console::step_response(staff::StepResult result, const Again& again) const {
    http::Response response;
    switch (result.outcome) {
        case staff::Outcome::busy:
            response = problem(503, "staff.busy.title", "staff.busy.message");
            response.headers.set("Retry-After", "5");
            break;
        case staff::Outcome::failed:
            response = problem(503, "staff.unavailable.title", "staff.unavailable.message");
            break;
        case staff::Outcome::refused:
            response = again("staff.sign_in.refused");
            break;
        case staff::Outcome::expired:
            response = http::Response::redirect("/staff/sign-in");
            forget(response, k_ticket_cookie);
            break;
        case staff::Outcome::second_factor:
            response = with_ticket(http::Response::redirect("/staff/sign-in/code"), result.ticket,
                                   m_settings.ticket_lifetime);
            break;
        case staff::Outcome::enrol:
            response = with_ticket(http::Response::redirect("/staff/sign-in/enrol"), result.ticket,
                                   m_settings.ticket_lifetime);
            break;
        case staff::Outcome::choose_password:
            response = with_ticket(http::Response::redirect("/staff/sign-in/password"),
                                   result.ticket, m_settings.ticket_lifetime);
            break;
        case staff::Outcome::unacceptable:
            response = again("staff.admin.error." + result.problem);
            response.status = 422;
            break;
        case staff::Outcome::signed_in:
            if (result.recovery_codes.empty()) {
                response = http::Response::redirect("/staff/");
            } else {
                response = page(200, "staff/recovery_codes.tpl", "staff.recovery.title",
                                [&](web::Dictionary& page) {
                                    for (const auto& code : result.recovery_codes) {
                                        page.AddSectionDictionary("CODE")->SetValue(
                                            "VALUE", web::tstr(code));
                                    }
                                });
            }
            // A new token at every sign-in: a session never outlives the sign-in that made it.
            response.headers.add("Set-Cookie",
                                 http::host_cookie(k_session_cookie, result.session_token));
            forget(response, k_ticket_cookie);
            break;
    }
    response.delay = result.delay;
    return response;
}

void Console::code_form(const http::Request& request, http::Responder respond) const {
    const auto ticket = m_sign_in.read_ticket(http::cookie(request, k_ticket_cookie).value_or(""));
    if (!ticket) {
        respond(http::Response::redirect("/staff/sign-in"));
        return;
    }
    if (ticket->choosing_password) {
        respond(http::Response::redirect("/staff/sign-in/password"));
        return;
    }
    if (!ticket->enrolled) {
        respond(http::Response::redirect("/staff/sign-in/enrol"));
        return;
    }
    respond(page(200, "staff/code.tpl", "staff.code.title", {}));
}

void Console::code_post(const http::Request& request, http::Responder respond) {
    auto form = web::read_form_post(request, m_settings.max_form_fields);
    if (!form) {
        respond(problem(web::status_of(form.error()), "staff.bad_post.title",
                        "staff.bad_post.message"));
        return;
    }
    const auto ticket = m_sign_in.read_ticket(http::cookie(request, k_ticket_cookie).value_or(""));
    if (!ticket) {
        respond(http::Response::redirect("/staff/sign-in"));
        return;
    }
    auto done = [this, respond = std::move(respond)](staff::StepResult result) mutable {
        respond.render([this, result = std::move(result)]() mutable {
            return step_response(std::move(result), [this](std::string_view notice) {
                return page(403, "staff/code.tpl", "staff.code.title", [&](web::Dictionary& page) {
                    page.ShowSection("NOTICE");
                    page.SetValue("NOTICE_TEXT", web::tstr(catalogue().text(notice)));
                });
            });
        });
    };
    const auto recovery = form->get("recovery_code");
    if (!recovery.empty()) {
        m_sign_in.recovery_code(*ticket, std::string(recovery), request.client_address,
                                std::move(done));
    } else {
        m_sign_in.code(*ticket, std::string(form->get("code")), request.client_address,
                       std::move(done));
    }
}

void Console::password_form(const http::Request& request, http::Responder respond) const {
    const auto ticket = m_sign_in.read_ticket(http::cookie(request, k_ticket_cookie).value_or(""));
    if (!ticket || !ticket->choosing_password) {
        respond(http::Response::redirect("/staff/sign-in"));
        return;
    }
    respond(page(200, "staff/choose_password.tpl", "staff.choose_password.title",
                 [&](web::Dictionary& page) { page.SetValue("USERNAME", ticket->username); }));
}

void Console::password_post(const http::Request& request, http::Responder respond) {
    auto form = web::read_form_post(request, m_settings.max_form_fields);
    if (!form) {
        respond(problem(web::status_of(form.error()), "staff.bad_post.title",
                        "staff.bad_post.message"));
        return;
    }
    const auto ticket = m_sign_in.read_ticket(http::cookie(request, k_ticket_cookie).value_or(""));
    if (!ticket || !ticket->choosing_password) {
        respond(http::Response::redirect("/staff/sign-in"));
        return;
    }
    auto again = [this, username = ticket->username](std::string_view notice) {
        return page(422, "staff/choose_password.tpl", "staff.choose_password.title",
                    [&](web::Dictionary& page) {
                        page.SetValue("USERNAME", username);
                        page.ShowSection("NOTICE");
                        page.SetValue("NOTICE_TEXT", web::tstr(catalogue().text(notice)));
                    });
    };
    if (form->get("password") != form->get("repeat")) {
        respond(again("staff.choose_password.not_the_same"));
        return;
    }
    m_sign_in.choose_password(
        *ticket, std::string(form->get("password")), request.client_address,
        [this, again, respond = std::move(respond)](staff::StepResult result) mutable {
            respond.render([this, again, result = std::move(result)]() mutable {
                return step_response(std::move(result), again);
            });
        });
}

void Console::enrol_form(const http::Request& request, http::Responder respond) const {
    const auto ticket = m_sign_in.read_ticket(http::cookie(request, k_ticket_cookie).value_or(""));
    if (!ticket) {
        respond(http::Response::redirect("/staff/sign-in"));
        return;
    }
    if (ticket->choosing_password) {
        respond(http::Response::redirect("/staff/sign-in/password"));
        return;
    }
    if (ticket->enrolled) {
        respond(http::Response::redirect("/staff/sign-in/code"));
        return;
    }
    const auto enrolment = m_sign_in.begin_enrolment(*ticket);
    auto svg = web::qr_svg(enrolment.provisioning_uri, catalogue().text("staff.enrol.qr_label"));
    if (!svg) {
        spdlog::error("console: cannot draw the enrolment QR code: {}", svg.error().message);
        respond(problem(500, "staff.unavailable.title", "staff.unavailable.message"));
        return;
    }
    respond(page(200, "staff/enrol.tpl", "staff.enrol.title", [&](web::Dictionary& page) {
        page.SetValue("QR_SVG", *svg);
        page.SetValue("SECRET", enrolment.secret_base32);
        page.SetValue("SEALED", enrolment.sealed);
        page.SetValue("USERNAME", ticket->username);
    }));
}

void Console::enrol_post(const http::Request& request, http::Responder respond) {
    auto form = web::read_form_post(request, m_settings.max_form_fields);
    if (!form) {
        respond(problem(web::status_of(form.error()), "staff.bad_post.title",
                        "staff.bad_post.message"));
        return;
    }
    const auto ticket = m_sign_in.read_ticket(http::cookie(request, k_ticket_cookie).value_or(""));
    if (!ticket) {
        respond(http::Response::redirect("/staff/sign-in"));
        return;
    }
    m_sign_in.enrol(
        *ticket, form->get("enrolment"), std::string(form->get("code")), request.client_address,
        [this, respond = std::move(respond)](staff::StepResult result) mutable {
            respond.render([this, result = std::move(result)]() mutable {
                return step_response(std::move(result), [this](std::string_view) {
                    // The secret was not confirmed: start the enrolment again with a new one.
                    http::Response again = http::Response::redirect("/staff/sign-in/enrol");
                    return again;
                });
            });
        });
}

void Console::sign_out(Visit visit, http::Responder respond) {
    m_sessions.sign_out(visit.session_token, visit.signed_in.member,
                        [respond = std::move(respond)](util::Expected<bool> ended) mutable {
                            if (!ended) {
                                spdlog::error("sign-out: {}", ended.error().message);
                            }
                            http::Response response = http::Response::redirect("/staff/sign-in");
                            forget(response, k_session_cookie);
                            respond(std::move(response));
                        });
}

void Console::home(Visit visit, http::Responder respond) const {
    respond.render([this, visit = std::move(visit)] {
        const auto& member = visit.signed_in.member;
        return page(200, "staff/home.tpl", "staff.home.title", [&](web::Dictionary& page) {
            page.SetValue("NAME", member.display_name);
            page.SetValue("USERNAME", member.username);
            page.SetValue("CSRF", visit.signed_in.form_token);
            for (const auto role : member.roles) {
                const std::string key = "staff.role." + std::string(domain::role_name(role));
                page.AddSectionDictionary("ROLE")->SetValue("ROLE_NAME",
                                                            web::tstr(catalogue().text(key)));
            }
            for (const auto& office : member.offices) {
                auto* item = page.AddSectionDictionary("OFFICE");
                item->SetValue("OFFICE_ID", office);
                const auto* known = m_deployment.find_office(office);
                item->SetValue("OFFICE_NAME", known != nullptr ? known->name.in("en") : office);
                // A list only for an office whose complaints they work.
                if (known != nullptr && member.works_complaints_of(office)) {
                    item->ShowSection("QUEUE_LINK");
                    if (member.has(domain::Role::supervisor)) item->ShowSection("OVERDUE_LINK");
                }
                if (known != nullptr && staff::may_triage(member, office)) {
                    item->ShowSection("INTAKE_LINK");
                }
            }
            if (member.offices.empty()) page.ShowSection("NO_OFFICE");
            if (member.has(domain::Role::investigator)) page.ShowSection("MY_CASES");
            if (member.has(domain::Role::auditor)) page.ShowSection("AUDIT");
            if (member.has(domain::Role::custodian)) page.ShowSection("IDENTITY_REQUESTS");
            if (member.has(domain::Role::administrator)) page.ShowSection("ADMIN");
        });
    });
}

}  // namespace redress::console
