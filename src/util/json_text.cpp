#include "intake/record_text.hpp"

namespace redress::intake {

void RecordText::begin(char bracket) {
    m_out += bracket;
    m_open.push_back({bracket == '{' ? '}' : ']', bracket == '['});
}

void RecordText::member(std::string_view key) {
    Open& open = m_open.back();
    if (!open.empty) m_out += ',';
    open.empty = false;
    if (!open.list) {
        quoted(key);
        m_out += ':';
    }
}

void RecordText::quoted(std::string_view value) {
    static constexpr char k_hex[] = "0123456789abcdef";
    m_out += '"';
    for (const char c : value) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            m_out += '\\';
            m_out += c;
        } else if (byte < 0x20) {
            m_out += "\\u00";
            m_out += k_hex[byte >> 4];
            m_out += k_hex[byte & 0xF];
        } else {
            m_out += c;
        }
    }
    m_out += '"';
}

RecordText& RecordText::text(std::string_view key, std::string_view value) {
    member(key);
    quoted(value);
    return *this;
}

RecordText& RecordText::flag(std::string_view key, bool value) {
    member(key);
    m_out += value ? "true" : "false";
    return *this;
}

RecordText& RecordText::texts(std::string_view key, const std::vector<std::string>& values) {
    open_list(key);
    for (const auto& value : values) text({}, value);
    return close();
}

RecordText& RecordText::open_object(std::string_view key) {
    member(key);
    begin('{');
    return *this;
}

RecordText& RecordText::open_list(std::string_view key) {
    member(key);
    begin('[');
    return *this;
}

RecordText& RecordText::close() {
    m_out += m_open.back().closing;
    m_open.pop_back();
    return *this;
}

std::string RecordText::take() {
    while (!m_open.empty()) close();
    return std::move(m_out);
}

}  // namespace redress::intake
