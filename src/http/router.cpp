#include "http/router.hpp"

#include <algorithm>

namespace redress::http {

void Router::add(Method method, std::string path, Route route) {
    m_entries.push_back(Entry{method, std::move(path), std::move(route)});
}

void Router::handle(Request request, Responder respond) {
    // HEAD is GET without a body; the server drops the body but keeps Content-Length.
    const Method wanted = request.method == Method::head ? Method::get : request.method;
    std::string allow;
    for (const Entry& entry : m_entries) {
        if (entry.path != request.path) continue;
        if (entry.method == wanted) {
            entry.route(std::move(request), std::move(respond));
            return;
        }
        const std::string_view name = method_name(entry.method);
        if (entry.method == Method::other || allow.find(name) != std::string::npos) continue;
        if (!allow.empty()) allow += ", ";
        allow += name;
        if (entry.method == Method::get) allow += ", HEAD";
    }
    if (allow.empty()) {
        respond(Response::text(404, "Not Found"));
        return;
    }
    Response response = Response::text(405, "Method Not Allowed");
    response.headers.set("Allow", std::move(allow));
    respond(std::move(response));
}

}  // namespace redress::http
