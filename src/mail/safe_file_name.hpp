#pragma once
// An attachment's file name as a stranger wrote it, reduced to a name fit to show staff and
// to offer on a download: no folders, no control characters, a bounded length.

#include <string>
#include <string_view>

namespace redress::mail {

constexpr std::size_t k_max_file_name_bytes = 200;

// The last component after any '/' or '\\', cleaned (mail/utf8_repair.hpp, newlines as
// spaces), without leading dots or surrounding spaces, and cut to k_max_file_name_bytes on a
// code point boundary, keeping a short extension. "" when nothing is left, or for "." and "..".
std::string safe_file_name(std::string_view declared);

}  // namespace redress::mail
