#pragma once
// Maps method and path to a route. A route's path is literal segments and parameters:
// "/staff/complaints/{reference}" matches "/staff/complaints/OPR-2026-000017", segment by
// segment, and the handler reads Request::parameter("reference"). A parameter matches one
// whole, non-empty segment (never an empty one, never across a '/'). Where a literal route
// and a parameterised one both match, the one with fewer parameters wins, so that
// "/staff/complaints/new" can sit beside "/staff/complaints/{reference}".
//
// Unknown paths get 404, a known path with another method 405 with Allow. HEAD is answered
// as GET (the server drops the body).

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "http/message.hpp"

namespace redress::http {

using Route = std::function<void(Request request, Responder respond)>;

class Router final : public Handler {
  public:
    // Throws std::invalid_argument when `path` does not start with '/', has an empty or
    // unclosed parameter ("{}", "{name"), a parameter sharing a segment with other text,
    // or the same parameter twice: those are programmer errors, found at start-up.
    void add(Method method, std::string path, Route route);
    // A route whose existence is kept from those it is not for: another method on its path
    // gets 404, as a path that does not exist, rather than 405 with Allow naming it. The
    // route's own handler answers the rest (the console's administrators' pages).
    void add_unlisted(Method method, std::string path, Route route);
    // A route that also takes multipart forms with files of up to `max_bytes` in all: the
    // server spools such a body to disk (Request::upload) instead of holding it in memory.
    void add_upload(Method method, std::string path, Route route, std::uint64_t max_bytes);
    void handle(Request request, Responder respond) override;
    std::optional<std::uint64_t> upload_limit(Method method, std::string_view path) const override;

  private:
    struct Segment {
        std::string text;  // the literal, or the parameter's name
        bool parameter = false;
    };
    struct Entry {
        Method method;
        std::string path;
        std::vector<Segment> segments;
        std::size_t parameters = 0;
        Route route;
        bool unlisted = false;
        std::optional<std::uint64_t> upload_limit;
    };
    // The route for `method` on the path of `segments` (the one with fewest parameters), or
    // null; fills `values` with its parameters.
    const Entry* best_match(Method method, const std::vector<std::string_view>& segments,
                            std::vector<std::pair<std::string, std::string>>& values) const;
    // Whether `entry` matches the path of `segments`; fills `values` with its parameters.
    static bool matches(const Entry& entry, const std::vector<std::string_view>& segments,
                        std::vector<std::pair<std::string, std::string>>& values);

    std::vector<Entry> m_entries;
};

}  // namespace redress::http
