#include "api/errors_json.hpp"

namespace redress::api {
namespace {

nlohmann::json error_entry(std::string_view field, std::string_view code, std::string message,
                           long limit) {
    nlohmann::json entry = {
        {"field", std::string(field)},
        {"code", std::string(code)},
        {"message", std::move(message)},
    };
    if (limit != 0) entry["limit"] = limit;
    return entry;
}

}  // namespace

std::string error_message(std::string_view code, long limit, const i18n::Catalogue& messages) {
    std::string key = "error." + std::string(code);
    if (!messages.has(key)) key = "api.error." + std::string(code);
    std::string text(messages.text(key));
    static constexpr std::string_view k_placeholder = "{limit}";
    if (auto at = text.find(k_placeholder); at != std::string::npos) {
        text.replace(at, k_placeholder.size(), std::to_string(limit));
    }
    return text;
}

std::string dump(const nlohmann::json& value) {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

http::Response json_response(int status, const nlohmann::json& body) {
    return json_text_response(status, dump(body));
}

http::Response json_text_response(int status, std::string body) {
    http::Response response = http::Response::json(status, std::move(body));
    response.headers.set("Content-Type", "application/json; charset=utf-8");
    response.caching = http::Caching::no_store;
    return response;
}

http::Response field_errors_response(int status, const FieldErrors& errors,
                                     const i18n::Catalogue& messages, std::size_t max_listed) {
    nlohmann::json list = nlohmann::json::array();
    for (const domain::FieldError& error : errors) {
        if (list.size() == max_listed) break;
        list.push_back(error_entry(error.field, error.code,
                                   error_message(error.code, error.limit, messages), error.limit));
    }
    return json_response(status, {{"errors", std::move(list)}, {"error_count", errors.size()}});
}

http::Response request_error_response(int status, std::string_view code,
                                      const i18n::Catalogue& messages,
                                      std::string_view message_key) {
    std::string message = message_key.empty() ? error_message(code, 0, messages)
                                              : std::string(messages.text(message_key));
    nlohmann::json list = nlohmann::json::array();
    list.push_back(error_entry("", code, std::move(message), 0));
    return json_response(status, {{"errors", std::move(list)}});
}

}  // namespace redress::api
