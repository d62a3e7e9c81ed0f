#pragma once
// The console's route table: each route is declared with who may use it, and that policy
// is enforced here, before its handler runs, so that a handler cannot forget it:
//
//   routes.add(http::Method::get, "/staff/", Access::any_staff, home);
//   routes.add(http::Method::get, "/staff/audit", Access::roles({Role::auditor}), audit);
//   routes.add(http::Method::get, "/staff/sign-in", k_anyone, sign_in_form);
//
// A request without a valid session is sent to the sign-in page (GET) or refused with 403
// (POST); a signed-in member without the role gets 403 and the same page on every route
// they may not use. An unlisted route (Access::unlisted) answers everyone but its roles
// exactly as a path that does not exist: 404, whether signed in or not. Every POST to a staff route
// must come from our own pages (not another site's) and carry the session's anti-forgery token in
// the field `csrf`; otherwise it is refused before its handler runs. Every answer is marked
// Cache-Control: no-store.

#include <functional>
#include <string>
#include <vector>

#include "console/access.hpp"
#include "http/form_data.hpp"
#include "http/router.hpp"
#include "staff/sessions.hpp"

namespace redress::console {

inline constexpr std::string_view k_session_cookie = "__Host-redress-staff";
inline constexpr std::string_view k_form_token_field = "csrf";

// What a staff route's handler gets: the request, who is signed in, and the posted form
// (checked; empty for GET).
struct Visit {
    http::Request request;
    staff::SignedIn signed_in;
    http::FormData form;
    std::string session_token;
};

using StaffPage = std::function<void(Visit visit, http::Responder respond)>;
using OpenPage = std::function<void(http::Request request, http::Responder respond)>;

// The pages the table itself answers with.
struct Refusals {
    std::function<http::Response()> forbidden;    // 403: not for this member, or a bad post
    std::function<http::Response()> unavailable;  // 503: storage failed
};

struct RouteDeclaration {
    http::Method method;
    std::string path;
    std::string policy;  // Access::describe(), or "anyone"
};

class StaffRoutes {
  public:
    // Everything is borrowed and must outlive the router's routes.
    StaffRoutes(http::Router& router, staff::Sessions& sessions, Refusals refusals,
                std::size_t max_form_fields);

    // Declares a route for signed-in members that `access` allows. `path` starts with
    // "/staff/" (else std::invalid_argument).
    void add(http::Method method, std::string path, const Access& access, StaffPage page);
    // Declares one of the sign-in pages, open to anyone.
    void add(http::Method method, std::string path, Anyone, OpenPage page);

    // Every route declared, in order, with its policy (for the route × role tests).
    const std::vector<RouteDeclaration>& declared() const { return m_declared; }

    // What a path that does not exist gets: the answer of unlisted routes to anyone else.
    static http::Response missing();

  private:
    void add_unlisted(http::Method method, std::string path, const Access& access, StaffPage page);
    void declare(http::Method method, const std::string& path, std::string policy);

    http::Router& m_router;
    staff::Sessions& m_sessions;
    Refusals m_refusals;
    std::size_t m_max_form_fields;
    std::vector<RouteDeclaration> m_declared;
};

// `respond`, marking every response it passes on as not to be stored by any cache.
http::Responder never_stored(http::Responder respond);

}  // namespace redress::console
