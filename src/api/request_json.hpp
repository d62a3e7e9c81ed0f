#pragma once
// The checks every JSON request passes before its fields are read: a JSON media type
// (415 otherwise) and a body that parses to a JSON object (400 otherwise).

#include <expected>
#include <nlohmann/json.hpp>
#include <string_view>

#include "http/message.hpp"
#include "i18n/catalogue.hpp"

namespace redress::api {

// "application/json", optionally with "charset=utf-8" (any case); JSON is UTF-8 only.
bool is_json_media_type(std::string_view content_type);

// How much of a JSON body is kept while parsing, so that no body within the size limit
// costs more than these bounds in memory: values nested deeper than `max_depth` make the
// body invalid (400); array elements past `max_array_elements` and object members past
// `max_object_members` are dropped as they are read (a reader that allows fewer than
// `max_array_elements` still sees that a list is too long).
struct JsonBounds {
    std::size_t max_depth = 8;
    std::size_t max_array_elements = 64;
    std::size_t max_object_members = 64;
};

// The body as a JSON object, or the error response to send.
std::expected<nlohmann::json, http::Response> read_json_object(const http::Request& request,
                                                               const i18n::Catalogue& messages,
                                                               const JsonBounds& bounds = {});

// The parse alone (Boost.JSON's parser, building the nlohmann document that readers take):
// a discarded value when the text is not JSON (ill-formed UTF-8, comments and anything after
// the value included) or is nested too deeply.
nlohmann::json parse_bounded(std::string_view text, const JsonBounds& bounds);

}  // namespace redress::api
