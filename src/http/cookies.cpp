#include "http/cookies.hpp"

#include <fmt/format.h>

namespace redress::http {

namespace {

std::string_view trim_spaces(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

bool is_cookie_header(std::string_view field) {
    constexpr std::string_view k_name = "cookie";
    if (field.size() != k_name.size()) return false;
    for (std::size_t i = 0; i < field.size(); ++i) {
        const char ch = field[i];
        if ((ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch + 32) : ch) != k_name[i]) return false;
    }
    return true;
}

}  // namespace

std::optional<std::string_view> cookie(const Request& request, std::string_view name) {
    for (const auto& [field, value] : request.headers.all()) {
        if (!is_cookie_header(field)) continue;
        std::string_view rest = value;
        while (!rest.empty()) {
            const auto end = rest.find(';');
            const auto pair = trim_spaces(rest.substr(0, end));
            rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
            const auto equals = pair.find('=');
            if (equals == std::string_view::npos) continue;
            if (trim_spaces(pair.substr(0, equals)) != name) continue;
            auto found = trim_spaces(pair.substr(equals + 1));
            if (found.size() >= 2 && found.front() == '"' && found.back() == '"') {
                found = found.substr(1, found.size() - 2);
            }
            return found;
        }
    }
    return std::nullopt;
}

std::string host_cookie(std::string_view name, std::string_view value,
                        std::optional<std::chrono::seconds> max_age, CookieLife life) {
    std::string text = fmt::format("{}={}; Secure; HttpOnly; SameSite=Strict; Path=/", name,
                                   life == CookieLife::remove ? "" : value);
    if (life == CookieLife::remove) {
        text += "; Max-Age=0";
    } else if (max_age) {
        text += fmt::format("; Max-Age={}", max_age->count());
    }
    return text;
}

}  // namespace redress::http
