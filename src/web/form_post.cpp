#include "web/form_post.hpp"

#include "http/multipart.hpp"
#include "util/text.hpp"

namespace redress::web {
namespace {

bool is_form_media_type(std::string_view content_type) {
    const auto media_type = util::trim(content_type.substr(0, content_type.find(';')));
    return util::to_lower_ascii(media_type) == "application/x-www-form-urlencoded";
}

// "https://host:port" → "host:port" (lower case), as a Host header names it.
std::string authority_of(std::string_view origin) {
    const auto scheme_end = origin.find("://");
    if (scheme_end == std::string_view::npos) return {};
    return util::to_lower_ascii(origin.substr(scheme_end + 3));
}

}  // namespace

int status_of(PostRefusal refusal) {
    switch (refusal) {
        case PostRefusal::cross_site:
            return 403;
        case PostRefusal::not_a_form:
            return 415;
        case PostRefusal::too_many_fields:
            return 413;
        case PostRefusal::unreadable:
            break;
    }
    return 400;
}

std::string_view message_key_of(PostRefusal refusal) {
    switch (refusal) {
        case PostRefusal::cross_site:
            return "problem.cross_site.message";
        case PostRefusal::not_a_form:
            return "problem.not_a_form.message";
        case PostRefusal::too_many_fields:
            return "problem.too_many_fields.message";
        case PostRefusal::unreadable:
            break;
    }
    return "problem.bad_request.message";
}

bool from_another_site(const http::Request& request) {
    if (request.headers.has("Sec-Fetch-Site")) {
        const auto site = util::to_lower_ascii(util::trim(request.headers.get("Sec-Fetch-Site")));
        return site != "same-origin" && site != "none";
    }
    const auto origin = util::trim(request.headers.get("Origin"));
    if (origin.empty() || origin == "null") return false;
    return authority_of(origin) != util::to_lower_ascii(util::trim(request.headers.get("Host")));
}

std::expected<http::FormData, PostRefusal> read_form_post(const http::Request& request,
                                                          std::size_t max_fields) {
    if (from_another_site(request)) return std::unexpected(PostRefusal::cross_site);
    if (!is_form_media_type(request.headers.get("Content-Type"))) {
        return std::unexpected(PostRefusal::not_a_form);
    }
    auto form = http::FormData::parse(request.body, max_fields);
    if (!form) {
        return std::unexpected(form.error().code == util::ErrorCode::conflict
                                   ? PostRefusal::too_many_fields
                                   : PostRefusal::unreadable);
    }
    return std::move(*form);
}

std::expected<FormWithFiles, PostRefusal> read_post_with_files(const http::Request& request,
                                                               std::size_t max_fields,
                                                               std::size_t max_files) {
    if (!request.upload) {
        auto form = read_form_post(request, max_fields);
        if (!form) return std::unexpected(form.error());
        return FormWithFiles{std::move(*form), {}, nullptr};
    }
    if (from_another_site(request)) return std::unexpected(PostRefusal::cross_site);
    auto body = request.upload->contents();
    if (!body) return std::unexpected(PostRefusal::unreadable);
    http::MultipartLimits limits;
    limits.max_fields = max_fields;
    limits.max_files = max_files;
    auto multipart = http::parse_multipart(*body, request.headers.get("Content-Type"), limits);
    if (!multipart) {
        switch (multipart.error()) {
            case http::MultipartProblem::too_many_fields:
            case http::MultipartProblem::too_many_files:
            case http::MultipartProblem::field_too_large:
                return std::unexpected(PostRefusal::too_many_fields);
            default:
                return std::unexpected(PostRefusal::unreadable);
        }
    }
    FormWithFiles post{std::move(multipart->fields), {}, request.upload};
    for (const auto& file : multipart->files) {
        post.files.push_back({file.file_name, body->substr(file.offset, file.size)});
    }
    return post;
}

}  // namespace redress::web
