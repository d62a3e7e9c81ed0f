#pragma once
// Text that came from a stranger's message, made safe to pass on: always well-formed UTF-8,
// and without the characters that hide or reorder text on a screen.

#include <cstddef>
#include <string>
#include <string_view>

namespace redress::mail {

// Well-formed UTF-8: each ill-formed sequence (overlong, surrogate, above U+10FFFF,
// truncated, stray continuation byte) becomes U+FFFD; NUL bytes are dropped.
std::string repair_utf8(std::string_view bytes);

enum class Newlines { keep, as_spaces };

// repair_utf8, then without C0 and C1 controls (tab and, with Newlines::keep, line feed
// excepted; CR LF and lone CR become LF), DEL, U+FEFF and the bidirectional overrides and
// isolates (U+202A..U+202E, U+2066..U+2069), which can make a file name or a line read
// differently from what it is.
std::string clean_text(std::string_view bytes, Newlines newlines);

// The longest prefix of valid UTF-8 `text` of at most `max_bytes` bytes that ends on a
// code point boundary.
std::string_view cut_utf8(std::string_view text, std::size_t max_bytes);

}  // namespace redress::mail
