#include "http/target.hpp"

namespace redress::http {

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

util::Expected<Target> parse_target(std::string_view target) {
    if (target.empty() || target.front() != '/') {
        return util::fail(util::ErrorCode::invalid_input, "request target is not origin-form");
    }
    const std::size_t question = target.find('?');
    const std::string_view raw_path = target.substr(0, question);
    Target result;
    if (question != std::string_view::npos) result.query = target.substr(question + 1);
    result.path.reserve(raw_path.size());
    for (std::size_t i = 0; i < raw_path.size(); ++i) {
        if (raw_path[i] != '%') {
            result.path += raw_path[i];
            continue;
        }
        const bool complete = i + 2 < raw_path.size();
        const int high = complete ? hex_value(raw_path[i + 1]) : -1;
        const int low = complete ? hex_value(raw_path[i + 2]) : -1;
        if (high < 0 || low < 0) {
            return util::fail(util::ErrorCode::invalid_input, "malformed percent escape in path");
        }
        result.path += static_cast<char>(high * 16 + low);
        i += 2;
    }
    return result;
}

}  // namespace redress::http
