// Fuzz target: form bodies and query strings (http::FormData), and request targets
// (http::parse_target). What decodes must be valid UTF-8, keep its fields in order, and
// decode again to the same fields once encoded again.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/fuzz_check.hpp"
#include "http/form_data.hpp"
#include "http/target.hpp"
#include "util/text.hpp"

namespace {

using redress::fuzz::require;

// Percent-encodes every byte that is not unreserved, and space as '+', as a browser does.
std::string encoded(std::string_view text, bool plus_for_space) {
    static constexpr char k_hex[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '_' || c == '.' || c == '~' || (c == '/' && !plus_for_space)) {
            out += c;
        } else if (c == ' ' && plus_for_space) {
            out += '+';
        } else {
            out += '%';
            out += k_hex[byte >> 4];
            out += k_hex[byte & 15];
        }
    }
    return out;
}

void check_form(std::string_view input) {
    const auto form = redress::http::FormData::parse(input);
    if (!form) return;
    std::string again;
    for (const auto& [name, value] : form->fields()) {
        require(redress::util::valid_utf8(name) && redress::util::valid_utf8(value),
                "decoded fields are UTF-8");
        require(form->has(name), "has() finds every field");
        const auto all = form->get_all(name);
        require(!all.empty() && all.front() == form->get(name), "get() is the first of get_all()");
        if (!again.empty()) again += '&';
        again += encoded(name, true) + "=" + encoded(value, true);
    }
    const auto reparsed = redress::http::FormData::parse(again);
    require(reparsed.has_value(), "encoded fields decode");
    require(reparsed->fields() == form->fields(), "and to the same fields");
}

void check_target(std::string_view input) {
    const auto target = redress::http::parse_target(input);
    if (!target) return;
    require(!target->path.empty() && target->path.front() == '/', "a path starts with '/'");
    const auto question = input.find('?');
    require(question == std::string_view::npos ? target->query.empty()
                                               : target->query == input.substr(question + 1),
            "the query is kept as sent");
    const auto again = redress::http::parse_target(
        encoded(target->path, false) +
        (question == std::string_view::npos ? std::string() : "?" + target->query));
    require(again.has_value() && again->path == target->path && again->query == target->query,
            "an encoded path decodes to the same path");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    check_form(input);
    check_target(input);
    return 0;
}
