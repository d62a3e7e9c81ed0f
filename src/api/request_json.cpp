#include "api/request_json.hpp"

#include "api/errors_json.hpp"
#include "util/text.hpp"

namespace redress::api {

bool is_json_media_type(std::string_view content_type) {
    const auto semicolon = content_type.find(';');
    if (util::to_lower_ascii(util::trim(content_type.substr(0, semicolon))) != "application/json") {
        return false;
    }
    if (semicolon == std::string_view::npos) return true;
    std::string_view parameters = content_type.substr(semicolon + 1);
    while (!parameters.empty()) {
        const auto next = parameters.find(';');
        const std::string parameter = util::to_lower_ascii(util::trim(parameters.substr(0, next)));
        parameters =
            next == std::string_view::npos ? std::string_view() : parameters.substr(next + 1);
        if (parameter.empty()) continue;
        if (parameter != "charset=utf-8" && parameter != "charset=\"utf-8\"") return false;
    }
    return true;
}

namespace {

using Event = nlohmann::json::parse_event_t;

// Counts the members of every open container as nlohmann's parser reports them, and drops
// what lies past the bounds. nlohmann reports a container's start at the depth of its
// parent's members and each member one deeper; its end only when it was kept.
class BoundedParse {
  public:
    explicit BoundedParse(const JsonBounds& bounds)
        : m_bounds(bounds), m_open(bounds.max_depth + 2) {}

    bool keep(int depth_given, Event event, const nlohmann::json&) {
        const auto depth = static_cast<std::size_t>(depth_given);
        switch (event) {
            case Event::object_start:
            case Event::array_start:
                if (depth >= m_bounds.max_depth) {
                    m_too_deep = true;
                    return false;
                }
                m_open[depth + 1] = {event == Event::array_start, 0};
                return true;
            case Event::key:
                return depth < m_open.size() &&
                       ++m_open[depth].members <= m_bounds.max_object_members;
            case Event::value:
            case Event::object_end:
            case Event::array_end:
                // An element of the container at `depth`: arrays count here, objects by key.
                if (depth >= m_open.size() || !m_open[depth].array) return true;
                return ++m_open[depth].members <= m_bounds.max_array_elements;
        }
        return true;
    }

    bool too_deep() const { return m_too_deep; }

  private:
    struct Open {
        bool array = false;
        std::size_t members = 0;
    };
    const JsonBounds& m_bounds;
    std::vector<Open> m_open;
    bool m_too_deep = false;
};

}  // namespace

nlohmann::json parse_bounded(std::string_view text, const JsonBounds& bounds) {
    BoundedParse bounded(bounds);
    // No exceptions: a malformed body gives a discarded value. nlohmann's parser keeps its
    // own stack, so deep nesting cannot overflow ours; it also rejects ill-formed UTF-8.
    nlohmann::json parsed = nlohmann::json::parse(
        text,
        [&bounded](int depth, Event event, nlohmann::json& value) {
            return bounded.keep(depth, event, value);
        },
        false);
    if (bounded.too_deep()) return nlohmann::json(nlohmann::json::value_t::discarded);
    return parsed;
}

std::expected<nlohmann::json, http::Response> read_json_object(const http::Request& request,
                                                               const i18n::Catalogue& messages,
                                                               const JsonBounds& bounds) {
    if (!is_json_media_type(request.headers.get("Content-Type"))) {
        return std::unexpected(request_error_response(415, k_unsupported_media_type, messages));
    }
    nlohmann::json body = parse_bounded(request.body, bounds);
    if (body.is_discarded()) {
        return std::unexpected(request_error_response(400, k_invalid_json, messages));
    }
    if (!body.is_object()) {
        return std::unexpected(
            request_error_response(400, k_invalid_json, messages, "api.error.not_an_object"));
    }
    return body;
}

}  // namespace redress::api
