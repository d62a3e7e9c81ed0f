#pragma once
// Small text functions on UTF-8 strings that are not domain knowledge.

#include <string>
#include <string_view>

namespace redress::util {

std::string_view trim(std::string_view text);  // ASCII and Unicode-free whitespace only
std::string to_lower_ascii(std::string_view text);
bool contains_ignoring_case(std::string_view haystack, std::string_view needle);  // ASCII folding

// Well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool valid_utf8(std::string_view text);
// Number of code points; assumes valid UTF-8.
std::size_t code_points(std::string_view text);
// Control characters other than tab, newline and carriage return (C0, DEL, C1, and the
// bidirectional overrides U+202A..U+202E, U+2066..U+2069).
bool has_forbidden_controls(std::string_view text, bool allow_newlines);

}  // namespace redress::util
