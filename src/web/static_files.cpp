#include "web/static_files.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <memory>
#include <sstream>

namespace redress::web {

namespace {

constexpr std::pair<std::string_view, std::string_view> k_types[] = {
    {"css", "text/css; charset=utf-8"},
    {"png", "image/png"},
    {"svg", "image/svg+xml"},
    {"ico", "image/x-icon"},
    {"txt", "text/plain; charset=utf-8"},
};

bool plain_stem(std::string_view stem) {
    return !stem.empty() && stem.size() <= 100 && std::ranges::all_of(stem, [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    });
}

}  // namespace

std::string_view static_content_type(std::string_view name) {
    const std::size_t dot = name.rfind('.');
    if (dot == std::string_view::npos || !plain_stem(name.substr(0, dot))) return {};
    const std::string_view extension = name.substr(dot + 1);
    for (const auto& [known, type] : k_types) {
        if (extension == known) return type;
    }
    return {};
}

util::Expected<void> add_static_routes(http::Router& router,
                                       const std::filesystem::path& static_dir) {
    std::error_code error;
    std::filesystem::directory_iterator files(static_dir, error);
    if (error) {
        return util::fail(
            util::ErrorCode::not_found,
            fmt::format("cannot read static folder {}: {}", static_dir.string(), error.message()));
    }
    for (const auto& file : files) {
        const std::string name = file.path().filename().string();
        const std::string_view type = static_content_type(name);
        if (type.empty() || !file.is_regular_file()) continue;
        std::ifstream in(file.path(), std::ios::binary);
        std::ostringstream content;
        content << in.rdbuf();
        if (!in) {
            return util::fail(util::ErrorCode::unavailable,
                              fmt::format("cannot read {}", file.path().string()));
        }
        auto body = std::make_shared<const std::string>(content.str());
        router.add(
            http::Method::get, "/static/" + name,
            [body, content_type = std::string(type)](http::Request, http::Responder respond) {
                http::Response response;
                response.status = 200;
                response.headers.set("Content-Type", content_type);
                response.body = *body;
                response.caching = http::Caching::public_static;
                respond(std::move(response));
            });
    }
    return {};
}

}  // namespace redress::web
