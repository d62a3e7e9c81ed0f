#include "http/router.hpp"

#include <algorithm>
#include <stdexcept>

namespace redress::http {

namespace {

// The segments of a path after its leading '/': "/a/b" → {"a", "b"}; "/" → {""}.
std::vector<std::string_view> split(std::string_view path) {
    std::vector<std::string_view> segments;
    if (path.empty() || path.front() != '/') return segments;
    path.remove_prefix(1);
    while (true) {
        const auto slash = path.find('/');
        segments.push_back(path.substr(0, slash));
        if (slash == std::string_view::npos) break;
        path.remove_prefix(slash + 1);
    }
    return segments;
}

}  // namespace

void Router::add(Method method, std::string path, Route route) {
    if (path.empty() || path.front() != '/') {
        throw std::invalid_argument("route path must start with '/': " + path);
    }
    Entry entry{method, path, {}, 0, std::move(route), false, std::nullopt};
    for (const std::string_view segment : split(path)) {
        const bool opens = segment.find('{') != std::string_view::npos;
        const bool closes = segment.find('}') != std::string_view::npos;
        if (!opens && !closes) {
            entry.segments.push_back(Segment{std::string(segment), false});
            continue;
        }
        if (segment.size() < 3 || segment.front() != '{' || segment.back() != '}' ||
            segment.substr(1, segment.size() - 2).find_first_of("{}") != std::string_view::npos) {
            throw std::invalid_argument("malformed route parameter in " + path);
        }
        std::string name(segment.substr(1, segment.size() - 2));
        const bool repeated = std::any_of(
            entry.segments.begin(), entry.segments.end(),
            [&name](const Segment& each) { return each.parameter && each.text == name; });
        if (repeated) throw std::invalid_argument("route parameter named twice in " + path);
        entry.segments.push_back(Segment{std::move(name), true});
        ++entry.parameters;
    }
    m_entries.push_back(std::move(entry));
}

void Router::add_unlisted(Method method, std::string path, Route route) {
    add(method, std::move(path), std::move(route));
    m_entries.back().unlisted = true;
}

void Router::add_upload(Method method, std::string path, Route route, std::uint64_t max_bytes) {
    add(method, std::move(path), std::move(route));
    m_entries.back().upload_limit = max_bytes;
}

std::optional<std::uint64_t> Router::upload_limit(Method method, std::string_view path) const {
    std::vector<std::pair<std::string, std::string>> values;
    const Entry* entry = best_match(method, split(path), values);
    return entry != nullptr ? entry->upload_limit : std::nullopt;
}

const Router::Entry* Router::best_match(
    Method method, const std::vector<std::string_view>& segments,
    std::vector<std::pair<std::string, std::string>>& values) const {
    const Entry* best = nullptr;
    std::vector<std::pair<std::string, std::string>> candidate;
    for (const Entry& entry : m_entries) {
        if (entry.method != method || !matches(entry, segments, candidate)) continue;
        if (best == nullptr || entry.parameters < best->parameters) {
            best = &entry;
            values = candidate;
        }
    }
    return best;
}

bool Router::matches(const Entry& entry, const std::vector<std::string_view>& segments,
                     std::vector<std::pair<std::string, std::string>>& values) {
    if (entry.segments.size() != segments.size()) return false;
    values.clear();
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const Segment& wanted = entry.segments[i];
        if (!wanted.parameter) {
            if (wanted.text != segments[i]) return false;
            continue;
        }
        // The path is already decoded: an encoded "%2F" is a '/' here, and must not let a
        // parameter reach into another segment.
        if (segments[i].empty() || segments[i].find('/') != std::string_view::npos) return false;
        values.emplace_back(wanted.text, std::string(segments[i]));
    }
    return true;
}

void Router::handle(Request request, Responder respond) {
    // HEAD is GET without a body; the server drops the body but keeps Content-Length.
    const Method wanted = request.method == Method::head ? Method::get : request.method;
    const auto segments = split(request.path);
    std::vector<std::pair<std::string, std::string>> values;
    if (const Entry* best = best_match(wanted, segments, values)) {
        request.parameters = std::move(values);
        best->route(std::move(request), std::move(respond));
        return;
    }
    std::string allow;
    for (const Entry& entry : m_entries) {
        if (entry.method == wanted || entry.unlisted || entry.method == Method::other) continue;
        if (!matches(entry, segments, values)) continue;
        const std::string_view name = method_name(entry.method);
        if (allow.find(name) != std::string::npos) continue;
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
