#pragma once
// The request target of an HTTP/1.1 request line, split into a decoded path and the raw
// query. Only origin-form ("/path?query") is served; a browser sends nothing else.

#include <string>
#include <string_view>

#include "util/error.hpp"

namespace redress::http {

struct Target {
    std::string path;   // percent-decoded; '+' stays '+' (it means space only in forms)
    std::string query;  // as sent, without '?'
};

// Fails (invalid_input) on a target that is not origin-form or has a malformed escape.
util::Expected<Target> parse_target(std::string_view target);

}  // namespace redress::http
