#pragma once
// A rendered page as a response; a template failure becomes a plain 500, logged with the
// error (never with what the complainant entered).

#include <string>

#include "http/message.hpp"
#include "util/error.hpp"

namespace redress::web {

http::Response page_response(int status, util::Expected<std::string> html);

}  // namespace redress::web
