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

std::expected<nlohmann::json, http::Response> read_json_object(const http::Request& request,
                                                               const i18n::Catalogue& messages) {
    if (!is_json_media_type(request.headers.get("Content-Type"))) {
        return std::unexpected(request_error_response(415, k_unsupported_media_type, messages));
    }
    // No exceptions: a malformed body gives a discarded value. nlohmann's parser keeps its
    // own stack, so deep nesting cannot overflow ours; it also rejects ill-formed UTF-8.
    nlohmann::json body = nlohmann::json::parse(request.body, nullptr, false);
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
