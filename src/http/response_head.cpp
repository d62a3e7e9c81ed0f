#include "http/response_head.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <string_view>

namespace redress::http {

namespace {

// RFC 9110 tchar, as a table: this runs for every header of every response.
constexpr std::array<bool, 256> k_token_chars = [] {
    std::array<bool, 256> table{};
    for (char c = 'a'; c <= 'z'; ++c) table[static_cast<unsigned char>(c)] = true;
    for (char c = 'A'; c <= 'Z'; ++c) table[static_cast<unsigned char>(c)] = true;
    for (char c = '0'; c <= '9'; ++c) table[static_cast<unsigned char>(c)] = true;
    for (char c : std::string_view("!#$%&'*+-.^_`|~")) table[static_cast<unsigned char>(c)] = true;
    return table;
}();

bool is_token_char(char c) {
    return k_token_chars[static_cast<unsigned char>(c)];
}

bool valid_name(std::string_view name) {
    return !name.empty() && std::ranges::all_of(name, is_token_char);
}

bool valid_value(std::string_view value) {
    return std::ranges::none_of(value, [](char c) { return c == '\r' || c == '\n' || c == '\0'; });
}

bool same_name(std::string_view a, std::string_view b) {
    return std::ranges::equal(a, b, [](char x, char y) {
        auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; };
        return lower(x) == lower(y);
    });
}

bool framing_header(std::string_view name) {
    return same_name(name, "Content-Length") || same_name(name, "Transfer-Encoding") ||
           same_name(name, "Connection");
}

void append_number(std::string& out, std::size_t number) {
    char digits[24];
    const auto result = std::to_chars(std::begin(digits), std::end(digits), number);
    out.append(digits, result.ptr);
}

}  // namespace

bool status_allows_body(int status) {
    return status >= 200 && status != 204 && status != 304;
}

std::string_view reason_phrase(int status) {
    switch (status) {
        case 100:
            return "Continue";
        case 200:
            return "OK";
        case 201:
            return "Created";
        case 202:
            return "Accepted";
        case 204:
            return "No Content";
        case 301:
            return "Moved Permanently";
        case 302:
            return "Found";
        case 303:
            return "See Other";
        case 304:
            return "Not Modified";
        case 307:
            return "Temporary Redirect";
        case 308:
            return "Permanent Redirect";
        case 400:
            return "Bad Request";
        case 401:
            return "Unauthorized";
        case 403:
            return "Forbidden";
        case 404:
            return "Not Found";
        case 405:
            return "Method Not Allowed";
        case 408:
            return "Request Timeout";
        case 409:
            return "Conflict";
        case 410:
            return "Gone";
        case 411:
            return "Length Required";
        case 413:
            return "Content Too Large";
        case 415:
            return "Unsupported Media Type";
        case 422:
            return "Unprocessable Content";
        case 429:
            return "Too Many Requests";
        case 431:
            return "Request Header Fields Too Large";
        case 500:
            return "Internal Server Error";
        case 501:
            return "Not Implemented";
        case 502:
            return "Bad Gateway";
        case 503:
            return "Service Unavailable";
        case 504:
            return "Gateway Timeout";
        case 507:
            return "Insufficient Storage";
        default:
            return "Unknown";
    }
}

bool write_response_head(const Response& response, unsigned version, bool keep_alive,
                         std::string& out) {
    out.clear();
    out += version == 10 ? "HTTP/1.0 " : "HTTP/1.1 ";
    const int status = (response.status >= 100 && response.status <= 999) ? response.status : 500;
    append_number(out, static_cast<std::size_t>(status));
    out += ' ';
    out += reason_phrase(status);
    out += "\r\nServer: redress\r\n";
    for (const auto& [name, value] : response.headers.all()) {
        if (!valid_name(name) || !valid_value(value)) return false;
        if (framing_header(name)) continue;
        out += name;
        out += ": ";
        out += value;
        out += "\r\n";
    }
    if (status_allows_body(status)) {
        out += "Content-Length: ";
        append_number(out, response.body.size());
        out += "\r\n";
    }
    if (version >= 11 && !keep_alive) out += "Connection: close\r\n";
    if (version == 10 && keep_alive) out += "Connection: keep-alive\r\n";
    out += "\r\n";
    return true;
}

}  // namespace redress::http
