#include "console/staff_routes.hpp"

#include <spdlog/spdlog.h>

#include <memory>
#include <stdexcept>

#include "http/cookies.hpp"
#include "web/form_post.hpp"

namespace redress::console {

namespace {

void mark_never_stored(http::Response& response) {
    response.caching = http::Caching::no_store;
    response.headers.set("Cache-Control", "no-store");
}

}  // namespace

http::Responder never_stored(http::Responder respond) {
    return http::Responder::passing_on([respond = std::move(respond)](http::Reply reply) mutable {
        if (auto* response = std::get_if<http::Response>(&reply)) {
            mark_never_stored(*response);
            respond(std::move(*response));
            return;
        }
        respond.render([render = std::move(std::get<http::Render>(reply))]() mutable {
            http::Response response = render();
            mark_never_stored(response);
            return response;
        });
    });
}

StaffRoutes::StaffRoutes(http::Router& router, staff::Sessions& sessions, Refusals refusals,
                         std::size_t max_form_fields)
    : m_router(router),
      m_sessions(sessions),
      m_refusals(std::move(refusals)),
      m_max_form_fields(max_form_fields) {}

void StaffRoutes::declare(http::Method method, const std::string& path, std::string policy) {
    if (!path.starts_with("/staff/")) {
        throw std::invalid_argument("a console route must be under /staff/: " + path);
    }
    m_declared.push_back(RouteDeclaration{method, path, std::move(policy)});
}

void StaffRoutes::add(http::Method method, std::string path, Anyone, OpenPage page) {
    declare(method, path, "anyone");
    m_router.add(method, std::move(path),
                 [page = std::move(page)](http::Request request, http::Responder respond) {
                     page(std::move(request), never_stored(std::move(respond)));
                 });
}

void StaffRoutes::add(http::Method method, std::string path, const Access& access, StaffPage page) {
    declare(method, path, access.describe());
    if (access.is_unlisted()) {
        add_unlisted(method, std::move(path), access, std::move(page));
        return;
    }
    m_router.add(
        method, std::move(path),
        [this, access, page = std::move(page)](http::Request request,
                                               http::Responder respond) mutable {
            respond = never_stored(std::move(respond));
            const bool post = request.method == http::Method::post;
            const auto token = http::cookie(request, k_session_cookie);
            if (!token || token->empty()) {
                respond(post ? m_refusals.forbidden() : http::Response::redirect("/staff/sign-in"));
                return;
            }
            http::FormData form;
            if (post) {
                auto read = web::read_form_post(request, m_max_form_fields);
                if (!read) {
                    respond(read.error() == web::PostRefusal::cross_site
                                ? m_refusals.forbidden()
                                : http::Response::text(web::status_of(read.error()),
                                                       "This form cannot be read.\n"));
                    return;
                }
                form = std::move(*read);
                if (!m_sessions.form_token_matches(*token, form.get(k_form_token_field))) {
                    respond(m_refusals.forbidden());
                    return;
                }
            }
            auto shared = std::make_shared<Visit>(
                Visit{std::move(request), {}, std::move(form), std::string(*token)});
            const std::string_view session_token = shared->session_token;
            m_sessions.resolve(
                session_token,
                [this, access, page, post, shared, respond = std::move(respond)](
                    util::Expected<std::optional<staff::SignedIn>> resolved) mutable {
                    if (!resolved) {
                        spdlog::error("staff session: {}", resolved.error().message);
                        respond(m_refusals.unavailable());
                        return;
                    }
                    if (!*resolved) {
                        http::Response response = post ? m_refusals.forbidden()
                                                       : http::Response::redirect("/staff/sign-in");
                        response.headers.add("Set-Cookie",
                                             http::host_cookie(k_session_cookie, "", std::nullopt,
                                                               http::CookieLife::remove));
                        respond(std::move(response));
                        return;
                    }
                    if (!access.allows((*resolved)->member)) {
                        respond(m_refusals.forbidden());
                        return;
                    }
                    shared->signed_in = std::move(**resolved);
                    page(std::move(*shared), std::move(respond));
                });
        });
}

http::Response StaffRoutes::missing() {
    return http::Response::text(404, "Not Found");  // as http::Router answers an unknown path
}

// The session is resolved before the form is read: whoever the route is not for learns
// nothing, not even whether their form or token would have passed.
void StaffRoutes::add_unlisted(http::Method method, std::string path, const Access& access,
                               StaffPage page) {
    m_router.add_unlisted(
        method, std::move(path),
        [this, access, page = std::move(page)](http::Request request,
                                               http::Responder respond) mutable {
            // Left as the router leaves a missing path's answer (the server marks it not to
            // be stored, in its own place among the headers); marked here only once the
            // member is let through.
            const auto token = http::cookie(request, k_session_cookie);
            if (!token || token->empty()) {
                respond(missing());
                return;
            }
            auto shared = std::make_shared<Visit>(
                Visit{std::move(request), {}, http::FormData{}, std::string(*token)});
            const std::string_view session_token = shared->session_token;
            m_sessions.resolve(
                session_token,
                [this, access, page, shared, respond = std::move(respond)](
                    util::Expected<std::optional<staff::SignedIn>> resolved) mutable {
                    if (!resolved) {
                        spdlog::error("staff session: {}", resolved.error().message);
                        never_stored(std::move(respond))(m_refusals.unavailable());
                        return;
                    }
                    if (!*resolved || !access.allows((*resolved)->member)) {
                        respond(missing());
                        return;
                    }
                    respond = never_stored(std::move(respond));
                    if (shared->request.method == http::Method::post) {
                        auto read = web::read_form_post(shared->request, m_max_form_fields);
                        if (!read) {
                            respond(read.error() == web::PostRefusal::cross_site
                                        ? m_refusals.forbidden()
                                        : http::Response::text(web::status_of(read.error()),
                                                               "This form cannot be read.\n"));
                            return;
                        }
                        if (!m_sessions.form_token_matches(shared->session_token,
                                                           read->get(k_form_token_field))) {
                            respond(m_refusals.forbidden());
                            return;
                        }
                        shared->form = std::move(*read);
                    }
                    shared->signed_in = std::move(**resolved);
                    page(std::move(*shared), std::move(respond));
                });
        });
}

}  // namespace redress::console
