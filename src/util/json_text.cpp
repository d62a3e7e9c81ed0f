#include "util/json_text.hpp"

#include <algorithm>

#include "util/text.hpp"

namespace redress::util {

namespace {

// The length of the valid UTF-8 sequence that starts `text` (RFC 3629: no overlong forms,
// no surrogates, nothing past U+10FFFF), or 0 when it does not start with one.
std::size_t sequence_length(std::string_view text) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const auto continuation = [&](std::size_t i) {
        return i < text.size() && (byte(i) & 0xC0) == 0x80;
    };
    const unsigned char first = byte(0);
    if (first < 0x80) return 1;
    if (first >= 0xC2 && first <= 0xDF) return continuation(1) ? 2 : 0;
    if (first >= 0xE0 && first <= 0xEF) {
        if (!continuation(1) || !continuation(2)) return 0;
        if (first == 0xE0 && byte(1) < 0xA0) return 0;  // overlong
        if (first == 0xED && byte(1) > 0x9F) return 0;  // surrogate
        return 3;
    }
    if (first >= 0xF0 && first <= 0xF4) {
        if (!continuation(1) || !continuation(2) || !continuation(3)) return 0;
        if (first == 0xF0 && byte(1) < 0x90) return 0;  // overlong
        if (first == 0xF4 && byte(1) > 0x8F) return 0;  // past U+10FFFF
        return 4;
    }
    return 0;
}

}  // namespace

void JsonText::begin(char bracket) {
    m_out += bracket;
    m_open.push_back({bracket == '{' ? '}' : ']', bracket == '['});
}

void JsonText::member(std::string_view key) {
    Open& open = m_open.back();
    if (!open.empty) m_out += ',';
    open.empty = false;
    if (!open.list) {
        quoted(key);
        m_out += ':';
    }
}

void JsonText::escaped(std::string_view valid) {
    static constexpr char k_hex[] = "0123456789abcdef";
    // Runs of characters that need no escape are appended whole.
    std::size_t run = 0;
    for (std::size_t i = 0; i < valid.size(); ++i) {
        const char c = valid[i];
        const auto byte = static_cast<unsigned char>(c);
        if (c != '"' && c != '\\' && byte >= 0x20) continue;
        m_out.append(valid.data() + run, i - run);
        run = i + 1;
        if (byte < 0x20) {
            m_out += "\\u00";
            m_out += k_hex[byte >> 4];
            m_out += k_hex[byte & 0xF];
        } else {
            m_out += '\\';
            m_out += c;
        }
    }
    m_out.append(valid.data() + run, valid.size() - run);
}

void JsonText::quoted(std::string_view value) {
    m_out += '"';
    // Most text (every key, names, dates, references) is printable ASCII with nothing to
    // escape: that much is written at once after one look at each byte, and only the rest,
    // from the first other byte on, is checked and escaped as below.
    const auto plain = std::find_if(value.begin(), value.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte < 0x20 || byte >= 0x7F || c == '"' || c == '\\';
    });
    const auto written = static_cast<std::size_t>(plain - value.begin());
    m_out.append(value.data(), written);
    value.remove_prefix(written);
    if (valid_utf8(value)) {
        escaped(value);
    } else {
        while (!value.empty()) {
            const std::size_t length = sequence_length(value);
            if (length == 0) {
                m_out += "\\ufffd";
                value.remove_prefix(1);
            } else {
                escaped(value.substr(0, length));
                value.remove_prefix(length);
            }
        }
    }
    m_out += '"';
}

JsonText& JsonText::text(std::string_view key, std::string_view value) {
    member(key);
    quoted(value);
    return *this;
}

JsonText& JsonText::flag(std::string_view key, bool value) {
    member(key);
    m_out += value ? "true" : "false";
    return *this;
}

JsonText& JsonText::null(std::string_view key) {
    member(key);
    m_out += "null";
    return *this;
}

JsonText& JsonText::text_or_null(std::string_view key, std::string_view value) {
    return value.empty() ? null(key) : text(key, value);
}

JsonText& JsonText::texts(std::string_view key, const std::vector<std::string>& values) {
    open_list(key);
    for (const auto& value : values) text({}, value);
    return close();
}

JsonText& JsonText::open_object(std::string_view key) {
    member(key);
    begin('{');
    return *this;
}

JsonText& JsonText::open_list(std::string_view key) {
    member(key);
    begin('[');
    return *this;
}

JsonText& JsonText::close() {
    m_out += m_open.back().closing;
    m_open.pop_back();
    return *this;
}

std::string JsonText::take() {
    while (!m_open.empty()) close();
    return std::move(m_out);
}

}  // namespace redress::util
