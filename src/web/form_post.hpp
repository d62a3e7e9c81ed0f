#pragma once
// The checks a post to a public form passes before a byte of it is read: it comes from
// one of our own pages (not another site's page posting into ours), it is an HTML form
// (application/x-www-form-urlencoded) and it holds no more fields than a form of ours.

#include <expected>
#include <memory>
#include <string_view>
#include <vector>

#include "http/form_data.hpp"
#include "http/message.hpp"
#include "http/spooled_body.hpp"
#include "intake/evidence_intake.hpp"

namespace redress::web {

// Why a post was refused; each has its own status and message.
enum class PostRefusal {
    cross_site,       // 403: Sec-Fetch-Site or Origin names another site
    not_a_form,       // 415: another content type
    unreadable,       // 400: malformed encoding
    too_many_fields,  // 413
};

int status_of(PostRefusal refusal);
std::string_view message_key_of(PostRefusal refusal);  // "problem.<...>.message"

// Whether the request's Sec-Fetch-Site, else its Origin, shows a page of another site.
// Browsers send "Origin: null" on our own posts (our Referrer-Policy is no-referrer), and
// clients without either header (curl, old browsers) cannot carry a victim's session,
// since the public side has none; both are accepted.
bool from_another_site(const http::Request& request);

// The form in the body, or why it is refused.
std::expected<http::FormData, PostRefusal> read_form_post(const http::Request& request,
                                                          std::size_t max_fields);

// A form that may carry files: its fields, and its files as views into the spooled upload
// that `upload` keeps alive.
struct FormWithFiles {
    http::FormData form;
    std::vector<intake::ArrivingFile> files;
    std::shared_ptr<http::SpooledBody> upload;  // null for a form without files
};

// A form-encoded post as read_form_post reads it, or a multipart upload (Request::upload)
// of at most `max_fields` fields and `max_files` files; else why it is refused.
std::expected<FormWithFiles, PostRefusal> read_post_with_files(const http::Request& request,
                                                               std::size_t max_fields,
                                                               std::size_t max_files);

}  // namespace redress::web
