#include "web/site.hpp"

#include <spdlog/spdlog.h>

#include "http/form_data.hpp"
#include "web/page_response.hpp"
#include "web/pages.hpp"
#include "web/static_files.hpp"
#include "web/view.hpp"

namespace redress::web {

http::Response page_response(int status, util::Expected<std::string> html) {
    if (!html) {
        spdlog::error("web: cannot render a page: {}", html.error().message);
        return http::Response::text(500, "Internal Server Error");
    }
    return http::Response::html(status, std::move(*html));
}

Site::Site(intake::Intake& intake, intake::StatusLookup& status, const i18n::Languages& languages,
           const crypto::Key& form_token_key, SiteSettings settings, intake::Now now)
    : m_intake(intake),
      m_status(status),
      m_languages(languages),
      m_settings(std::move(settings)),
      m_now(std::move(now)),
      m_tokens(form_token_key, m_settings.form_token_lifetime),
      m_view(std::make_unique<View>(m_settings.templates_dir, languages)) {}

Site::~Site() = default;

util::Expected<void> Site::check() const {
    if (auto ready = m_view->check(); !ready) return ready;
    http::Router probe;
    return add_static_routes(probe, m_settings.static_dir);
}

void Site::add_routes(http::Router& router) {
    using http::Method;
    router.add(Method::get, "/", [this](http::Request request, http::Responder respond) {
        landing(request, std::move(respond));
    });
    router.add(Method::get, "/complaint", [this](http::Request request, http::Responder respond) {
        complaint_form(request, std::move(respond));
    });
    router.add(Method::post, "/complaint", [this](http::Request request, http::Responder respond) {
        complaint_post(request, std::move(respond));
    });
    router.add(Method::get, "/status", [this](http::Request request, http::Responder respond) {
        status_form(request, std::move(respond));
    });
    router.add(Method::post, "/status", [this](http::Request request, http::Responder respond) {
        status_post(request, std::move(respond));
    });
    if (auto added = add_static_routes(router, m_settings.static_dir); !added) {
        spdlog::error("web: {}", added.error().message);
    }
}

const i18n::Catalogue& Site::language_of(const http::Request& request,
                                         std::string_view chosen) const {
    return m_languages.negotiate(chosen, request.headers.get("Accept-Language"));
}

PageContext Site::context(const i18n::Catalogue& catalogue, std::string_view path) const {
    return PageContext{*m_view, catalogue, m_intake.deployment(), path};
}

namespace {

// The `lang` of a query string; "" when absent or the query is malformed.
std::string chosen_in_query(const http::Request& request) {
    const auto query = http::FormData::parse(request.query);
    return query ? std::string(query->get("lang")) : std::string();
}

}  // namespace

void Site::landing(const http::Request& request, http::Responder respond) const {
    const auto& catalogue = language_of(request, chosen_in_query(request));
    respond(page_response(200, render_landing(context(catalogue, "/"))));
}

void Site::status_form(const http::Request& request, http::Responder respond) const {
    const auto& catalogue = language_of(request, chosen_in_query(request));
    const std::string token = m_tokens.issue(m_now());
    StatusState state;
    state.form_token = token;
    respond(page_response(200, render_status(context(catalogue, "/status"), state)));
}

void Site::status_post(const http::Request& request, http::Responder respond) const {
    const auto form = http::FormData::parse(request.body);
    if (!form) {
        const auto& catalogue = language_of(request, "");
        respond(page_response(
            400, render_problem(context(catalogue, "/status"), "problem.bad_request.title",
                                "problem.bad_request.message")));
        return;
    }
    const auto& catalogue = language_of(request, form->get("lang"));
    const auto page = context(catalogue, "/status");
    const std::string token = m_tokens.issue(m_now());
    StatusState state;
    state.form_token = token;
    state.reference = form->get("reference");

    if (!m_tokens.verify(form->get("form_token"), m_now())) {
        state.notice_key = "form.expired";
        respond(page_response(400, render_status(page, state)));
        return;
    }
    const auto found = m_status.look_up(form->get("reference"), form->get("receipt"));
    if (!found) {
        spdlog::error("web: status look-up failed: {}", found.error().message);
        respond(page_response(
            503, render_problem(page, "problem.unavailable.title", "lookup.unavailable")));
        return;
    }
    if (!*found) {
        state.not_found = true;
        respond(page_response(404, render_status(page, state)));
        return;
    }
    state.found = &**found;
    respond(page_response(200, render_status(page, state)));
}

}  // namespace redress::web
