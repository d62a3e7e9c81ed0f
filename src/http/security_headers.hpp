#pragma once
// The headers every response carries (QUALITY.md, Privacy): a strict Content-Security-
// Policy without inline script, nosniff, no-referrer, frame denial, and no-store unless
// the response is a public static asset.

#include "http/message.hpp"

namespace redress::http {

void add_security_headers(Response& response);

}  // namespace redress::http
