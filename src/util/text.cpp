#include "util/text.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <optional>

namespace redress::util {
namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

char lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

std::uint8_t byte_at(std::string_view text, std::size_t i) {
    return static_cast<std::uint8_t>(text[i]);
}

// Decodes the code point at `i` and advances `i`; nullopt on any malformed sequence.
// Shared by the validator and the control-character scan so both agree on what a code
// point is.
std::optional<char32_t> decode(std::string_view text, std::size_t& i) {
    const std::uint8_t lead = byte_at(text, i);
    if (lead < 0x80) {
        ++i;
        return lead;
    }
    std::size_t length = 0;
    char32_t value = 0;
    char32_t minimum = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        value = lead & 0x1Fu;
        minimum = 0x80;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        value = lead & 0x0Fu;
        minimum = 0x800;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        value = lead & 0x07u;
        minimum = 0x10000;
    } else {
        return std::nullopt;  // continuation byte, overlong lead C0/C1, or F5..FF
    }
    if (text.size() - i < length) return std::nullopt;
    for (std::size_t k = 1; k < length; ++k) {
        const std::uint8_t next = byte_at(text, i + k);
        if ((next & 0xC0u) != 0x80u) return std::nullopt;
        value = (value << 6) | (next & 0x3Fu);
    }
    if (value < minimum || value > 0x10FFFF) return std::nullopt;
    if (value >= 0xD800 && value <= 0xDFFF) return std::nullopt;
    i += length;
    return value;
}

}  // namespace

std::string_view trim(std::string_view text) {
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    return text;
}

std::string to_lower_ascii(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), lower);
    return out;
}

bool contains_ignoring_case(std::string_view haystack, std::string_view needle) {
    if (needle.empty()) return true;
    auto it = std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                          [](char a, char b) { return lower(a) == lower(b); });
    return it != haystack.end();
}

namespace {

// Whether the eight bytes at `i` are all ASCII: most text complainants send is, and this
// passes over it eight bytes at a time.
bool ascii_block_at(std::string_view text, std::size_t i) {
    if (text.size() - i < 8) return false;
    std::uint64_t block = 0;
    std::memcpy(&block, text.data() + i, sizeof block);
    return (block & 0x8080808080808080u) == 0;
}

}  // namespace

bool valid_utf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        if (ascii_block_at(text, i)) {
            i += 8;
        } else if (byte_at(text, i) < 0x80) {
            ++i;
        } else if (!decode(text, i)) {
            return false;
        }
    }
    return true;
}

std::size_t code_points(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<std::uint8_t>(c) & 0xC0u) != 0x80u;
    }));
}

bool has_forbidden_controls(std::string_view text, bool allow_newlines) {
    std::size_t i = 0;
    while (i < text.size()) {
        const std::uint8_t byte = byte_at(text, i);
        if (byte >= 0x20 && byte < 0x7F) {  // printable ASCII, the common case
            ++i;
            continue;
        }
        const auto decoded = decode(text, i);
        if (!decoded) {
            ++i;  // malformed bytes are valid_utf8's concern; keep scanning
            continue;
        }
        const char32_t c = *decoded;
        if (c == '\t') continue;
        if (c == '\n' || c == '\r') {
            if (!allow_newlines) return true;
            continue;
        }
        if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F)) return true;
        if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) return true;
    }
    return false;
}

}  // namespace redress::util
