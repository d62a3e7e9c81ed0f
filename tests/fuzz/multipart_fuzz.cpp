// Fuzz target: multipart/form-data bodies (http::parse_multipart), as an upload to the
// complaint form arrives. The first line of the input is the Content-Type, the rest the
// body. What parses must hold: fields valid UTF-8 within their limits, at most the files
// allowed, each file lying wholly inside the body and after every field that precedes it.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_check.hpp"
#include "http/multipart.hpp"
#include "util/text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using redress::fuzz::require;
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const std::size_t line = input.find('\n');
    const std::string_view content_type = line == std::string_view::npos
                                              ? "multipart/form-data; boundary=XyZ"
                                              : input.substr(0, line);
    const std::string_view body = line == std::string_view::npos ? input : input.substr(line + 1);

    redress::http::MultipartLimits limits;
    limits.max_fields = 8;
    limits.max_field_bytes = 64;
    limits.max_files = 3;
    limits.max_part_head_bytes = 256;
    const auto form = redress::http::parse_multipart(body, content_type, limits);
    if (!form) return 0;
    require(form->fields.fields().size() <= limits.max_fields, "too many fields kept");
    for (const auto& [name, value] : form->fields.fields()) {
        require(redress::util::valid_utf8(name) && redress::util::valid_utf8(value),
                "a field is not UTF-8");
        require(value.size() <= limits.max_field_bytes, "a field beyond its limit");
    }
    require(form->files.size() <= limits.max_files, "too many files kept");
    for (const auto& file : form->files) {
        require(file.offset <= body.size() && file.size <= body.size() - file.offset,
                "a file outside the body");
        require(redress::util::valid_utf8(file.field), "a file's field name is not UTF-8");
    }
    return 0;
}
