#pragma once
// The checks every JSON request passes before its fields are read: a JSON media type
// (415 otherwise) and a body that parses to a JSON object (400 otherwise).

#include <expected>
#include <nlohmann/json.hpp>

#include "http/message.hpp"
#include "i18n/catalogue.hpp"

namespace redress::api {

// "application/json", optionally with "charset=utf-8" (any case); JSON is UTF-8 only.
bool is_json_media_type(std::string_view content_type);

// The body as a JSON object, or the error response to send.
std::expected<nlohmann::json, http::Response> read_json_object(const http::Request& request,
                                                               const i18n::Catalogue& messages);

}  // namespace redress::api
