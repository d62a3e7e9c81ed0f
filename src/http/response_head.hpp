#pragma once
// The status line and header block of a response, as sent on the wire. The server writes
// it itself (rather than through Beast's serializer) into a buffer each connection reuses:
// fewer allocations per response, and one place that owns framing and header validation.

#include <string>

#include "http/message.hpp"

namespace redress::http {

// Whether a response to this request carries a body (and Content-Length) at all.
bool status_allows_body(int status);

// Appends the head of `response` to `out` (cleared first), with Server, Content-Length
// (the body's size, also for HEAD) and the Connection header that `keep_alive` asks for.
// Content-Length, Transfer-Encoding and Connection set by a handler are dropped: framing
// belongs to the server. Returns false, leaving `out` unspecified, when a header name is
// not a token or a value contains CR, LF or NUL (header injection).
bool write_response_head(const Response& response, unsigned version, bool keep_alive,
                         std::string& out);

// "Not Found" for 404; "Unknown" for a status without a standard phrase.
std::string_view reason_phrase(int status);

}  // namespace redress::http
