#include "http/message.hpp"

#include <algorithm>

namespace redress::http {

std::string_view method_name(Method method) {
    switch (method) {
        case Method::get:
            return "GET";
        case Method::head:
            return "HEAD";
        case Method::post:
            return "POST";
        case Method::other:
            break;
    }
    return "OTHER";
}

std::string_view Request::parameter(std::string_view name) const {
    for (const auto& [key, value] : parameters) {
        if (key == name) return value;
    }
    return {};
}

namespace {

// ASCII-only folding: header names are tokens (RFC 9110), never anything else.
bool same_name(std::string_view a, std::string_view b) {
    return std::ranges::equal(a, b, [](char x, char y) {
        auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; };
        return lower(x) == lower(y);
    });
}

Response with_body(int status, std::string_view content_type, std::string body) {
    Response response;
    response.status = status;
    response.headers.set("Content-Type", std::string(content_type));
    response.body = std::move(body);
    return response;
}

}  // namespace

void Headers::add(std::string name, std::string value) {
    m_fields.emplace_back(std::move(name), std::move(value));
}

void Headers::set(std::string name, std::string value) {
    std::erase_if(m_fields, [&](const auto& field) { return same_name(field.first, name); });
    m_fields.emplace_back(std::move(name), std::move(value));
}

std::string_view Headers::get(std::string_view name) const {
    for (const auto& [key, value] : m_fields) {
        if (same_name(key, name)) return value;
    }
    return {};
}

bool Headers::has(std::string_view name) const {
    return std::ranges::any_of(m_fields,
                               [&](const auto& field) { return same_name(field.first, name); });
}

Response Response::text(int status, std::string body) {
    return with_body(status, "text/plain; charset=utf-8", std::move(body));
}

Response Response::html(int status, std::string body) {
    return with_body(status, "text/html; charset=utf-8", std::move(body));
}

Response Response::json(int status, std::string body) {
    return with_body(status, "application/json", std::move(body));
}

Response Response::redirect(std::string location) {
    Response response;
    response.status = 303;
    response.headers.set("Location", std::move(location));
    return response;
}

}  // namespace redress::http
