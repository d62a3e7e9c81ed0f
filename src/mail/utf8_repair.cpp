#include "mail/utf8_repair.hpp"

#include <cstdint>

namespace redress::mail {
namespace {

constexpr std::string_view k_replacement = "\xEF\xBF\xBD";  // U+FFFD

// Length of the well-formed sequence at the start of `text` (Unicode table 3-7), or 0.
std::size_t sequence_length(std::string_view text) {
    const auto byte = [&](std::size_t i) { return static_cast<std::uint8_t>(text[i]); };
    const std::uint8_t lead = byte(0);
    if (lead < 0x80) return 1;
    std::size_t length = 0;
    std::uint8_t low = 0x80;
    std::uint8_t high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0) low = 0xA0;   // no overlongs
        if (lead == 0xED) high = 0x9F;  // no surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0) low = 0x90;   // no overlongs
        if (lead == 0xF4) high = 0x8F;  // nothing above U+10FFFF
    } else {
        return 0;
    }
    if (text.size() < length) return 0;
    if (byte(1) < low || byte(1) > high) return 0;
    for (std::size_t i = 2; i < length; ++i) {
        if (byte(i) < 0x80 || byte(i) > 0xBF) return 0;
    }
    return length;
}

std::uint32_t code_point(std::string_view sequence) {
    const auto byte = [&](std::size_t i) {
        return static_cast<std::uint32_t>(static_cast<std::uint8_t>(sequence[i]));
    };
    switch (sequence.size()) {
        case 1:
            return byte(0);
        case 2:
            return ((byte(0) & 0x1Fu) << 6) | (byte(1) & 0x3Fu);
        case 3:
            return ((byte(0) & 0x0Fu) << 12) | ((byte(1) & 0x3Fu) << 6) | (byte(2) & 0x3Fu);
        default:
            return ((byte(0) & 0x07u) << 18) | ((byte(1) & 0x3Fu) << 12) |
                   ((byte(2) & 0x3Fu) << 6) | (byte(3) & 0x3Fu);
    }
}

bool hidden_or_reordering(std::uint32_t c) {
    return c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == 0xFEFF || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2066 && c <= 0x2069);
}

}  // namespace

std::string repair_utf8(std::string_view bytes) {
    std::string repaired;
    repaired.reserve(bytes.size());
    std::size_t i = 0;
    while (i < bytes.size()) {
        const std::size_t length = sequence_length(bytes.substr(i));
        if (length == 0) {
            repaired += k_replacement;
            ++i;
            continue;
        }
        if (bytes[i] != '\0') repaired.append(bytes.substr(i, length));
        i += length;
    }
    return repaired;
}

std::string clean_text(std::string_view bytes, Newlines newlines) {
    const std::string repaired = repair_utf8(bytes);
    const std::string_view text(repaired);
    std::string cleaned;
    cleaned.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t length = sequence_length(text.substr(i));  // never 0: repaired
        const std::uint32_t c = code_point(text.substr(i, length));
        if (c == '\r' || c == '\n') {
            cleaned += newlines == Newlines::keep ? '\n' : ' ';
            // CR LF is one line break.
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
        } else if (c == '\t') {
            cleaned += newlines == Newlines::keep ? '\t' : ' ';
        } else if (c >= 0x20 && !hidden_or_reordering(c)) {
            cleaned.append(text.substr(i, length));
        }
        i += length;
    }
    return cleaned;
}

std::string_view cut_utf8(std::string_view text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return text;
    std::size_t end = max_bytes;
    // Back off continuation bytes (10xxxxxx) so the cut falls before a lead byte.
    while (end > 0 && (static_cast<std::uint8_t>(text[end]) & 0xC0u) == 0x80u) --end;
    return text.substr(0, end);
}

}  // namespace redress::mail
