#pragma once
// multipart/form-data bodies (RFC 7578), the way a browser sends a form with files: the
// text fields decoded into a FormData, and each file kept where it lies in the body (an
// offset and a size), so that a spooled upload of many megabytes is never copied to read
// it. Work is linear in the body's size; every count and size has a limit.

#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/form_data.hpp"

namespace redress::http {

struct MultipartLimits {
    std::size_t max_fields = k_default_max_form_fields;  // text fields
    std::size_t max_field_bytes = 256 * 1024;            // one text field's value
    std::size_t max_files = 20;                          // parts with a file
    std::size_t max_part_head_bytes = 8 * 1024;          // one part's headers
};

// A file part: what the client says of it (never to be trusted) and where it lies.
struct UploadedFile {
    std::string field;          // the form field's name
    std::string file_name;      // as sent, may be anything; "" when none was given
    std::string declared_type;  // the part's Content-Type as sent, lower case
    std::uint64_t offset = 0;   // of its first byte in the body
    std::uint64_t size = 0;
};

struct MultipartForm {
    FormData fields;
    std::vector<UploadedFile> files;  // in the order sent; empty file inputs left out
};

enum class MultipartProblem {
    no_boundary,      // the content type has no usable boundary
    malformed,        // no opening or closing delimiter, a part without its blank line
    too_many_fields,  // beyond max_fields
    field_too_large,  // a text field beyond max_field_bytes, or a part head beyond its limit
    too_many_files,   // beyond max_files
    not_utf8,         // a text field or a field name that is not UTF-8
};

std::string_view problem_name(MultipartProblem problem);

// The boundary of a "multipart/form-data; boundary=..." content type (quoted or not, 1 to
// 70 characters), or nothing when it is another type or has none.
std::optional<std::string> multipart_boundary(std::string_view content_type);

std::expected<MultipartForm, MultipartProblem> parse_multipart(std::string_view body,
                                                               std::string_view content_type,
                                                               const MultipartLimits& limits = {});

}  // namespace redress::http
