#include "crypto/base32.hpp"

namespace redress::crypto {

namespace {

constexpr std::string_view k_alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

int symbol_value(char c) {
    if (c >= 'A' && c <= 'Z') {
        return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
        return c - 'a';
    }
    if (c >= '2' && c <= '7') {
        return c - '2' + 26;
    }
    return -1;
}

}  // namespace

std::string base32_encode(std::span<const std::uint8_t> bytes) {
    std::string text;
    text.reserve((bytes.size() * 8 + 4) / 5);
    std::uint32_t buffer = 0;
    unsigned bits = 0;
    for (const std::uint8_t byte : bytes) {
        buffer = (buffer << 8U) | byte;
        bits += 8;
        while (bits >= 5) {
            bits -= 5;
            text += k_alphabet[(buffer >> bits) & 0x1FU];
        }
    }
    if (bits > 0) {
        text += k_alphabet[(buffer << (5 - bits)) & 0x1FU];
    }
    return text;
}

std::optional<std::vector<std::uint8_t>> base32_decode(std::string_view text) {
    while (!text.empty() && (text.back() == '=' || text.back() == ' ')) {
        text.remove_suffix(1);
    }
    std::vector<std::uint8_t> bytes;
    bytes.reserve(text.size() * 5 / 8);
    std::uint32_t buffer = 0;
    unsigned bits = 0;
    std::size_t symbols = 0;
    for (const char c : text) {
        if (c == ' ') {
            continue;
        }
        const int value = symbol_value(c);
        if (value < 0) {
            return std::nullopt;
        }
        ++symbols;
        buffer = (buffer << 5U) | static_cast<std::uint32_t>(value);
        bits += 5;
        if (bits >= 8) {
            bits -= 8;
            bytes.push_back(static_cast<std::uint8_t>(buffer >> bits));
        }
    }
    // A whole number of bytes leaves 0, 2, 4, 1 or 3 bits over (after 0, 2, 4, 5, 7
    // symbols of a group of 8); after 1, 3 or 6 symbols no encoder stops. The bits over
    // must be zero, so that one text decodes to one value.
    const std::size_t tail = symbols % 8;
    if (tail == 1 || tail == 3 || tail == 6) {
        return std::nullopt;
    }
    if ((buffer & ((1U << bits) - 1U)) != 0) {
        return std::nullopt;
    }
    return bytes;
}

}  // namespace redress::crypto
