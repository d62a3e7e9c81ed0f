#pragma once
// The one error shape of the API: {"errors": [{"field", "code", "message"}]}, with an
// optional "limit" for codes that have one. Messages come from the catalogue of the
// request's language: "error.<code>" (validation, shared with the web form), else
// "api.error.<code>" (what only the API reports).

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "api/json_reader.hpp"
#include "http/message.hpp"
#include "i18n/catalogue.hpp"

namespace redress::api {

// Codes of errors that concern the whole request (field "").
inline constexpr std::string_view k_invalid_json = "invalid_json";
inline constexpr std::string_view k_unsupported_media_type = "unsupported_media_type";
inline constexpr std::string_view k_not_found = "not_found";
inline constexpr std::string_view k_unavailable = "unavailable";
inline constexpr std::string_view k_busy = "busy";
inline constexpr std::string_view k_internal = "internal";

// The user-facing text for `code`, with "{limit}" replaced by `limit`.
std::string error_message(std::string_view code, long limit, const i18n::Catalogue& messages);

// A JSON body as the API writes it: UTF-8, invalid sequences replaced rather than thrown.
std::string dump(const nlohmann::json& value);

// application/json; charset=utf-8
http::Response json_response(int status, const nlohmann::json& body);
// The same, for JSON text written already (util/json_text.hpp).
http::Response json_text_response(int status, std::string body);

// Lists the first `max_listed` errors and gives their total as "error_count", so that the
// answer stays small whatever the request held.
http::Response field_errors_response(int status, const FieldErrors& errors,
                                     const i18n::Catalogue& messages, std::size_t max_listed);

// One error about the whole request; `message_key` defaults to the code's message.
http::Response request_error_response(int status, std::string_view code,
                                      const i18n::Catalogue& messages,
                                      std::string_view message_key = {});

}  // namespace redress::api
