#pragma once
// What a file is, from its content (libmagic), never from its name or what the sender
// says: "image/jpeg", "text/html", "application/octet-stream" when nothing is known.

#include <string>
#include <string_view>

namespace redress::intake {

// Reads at most the first MiB. Safe from any thread (each thread has its own libmagic
// handle: one handle is not safe to share).
std::string detect_media_type(std::string_view content);

}  // namespace redress::intake
