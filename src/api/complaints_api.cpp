#include "api/complaints_api.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "api/errors_json.hpp"
#include "api/filing_json.hpp"
#include "api/json_reader.hpp"
#include "api/offices_json.hpp"
#include "api/request_json.hpp"
#include "api/status_json.hpp"
#include "util/text.hpp"

namespace redress::api {
namespace {

// Whether `field` is `shape_field` or lies inside it ("incident" covers
// "incident.narrative" and "subjects" covers "subjects[0].name").
bool covered_by(std::string_view field, std::string_view shape_field) {
    if (!field.starts_with(shape_field)) return false;
    if (field.size() == shape_field.size()) return true;
    const char next = field[shape_field.size()];
    return next == '.' || next == '[';
}

// Shape errors first, then the validation errors that are not a consequence of them (a
// narrative of the wrong type is not also "required").
FieldErrors all_errors(FieldErrors shape, const std::vector<domain::FieldError>& validation) {
    FieldErrors errors = std::move(shape);
    const std::size_t shape_count = errors.size();
    for (const domain::FieldError& error : validation) {
        const bool covered =
            std::any_of(errors.begin(), errors.begin() + static_cast<std::ptrdiff_t>(shape_count),
                        [&](const domain::FieldError& earlier) {
                            return covered_by(error.field, earlier.field);
                        });
        if (!covered) errors.push_back(error);
    }
    return errors;
}

http::Response failure_response(const util::Error& failure, const i18n::Catalogue& messages,
                                std::string_view what) {
    // The message is for logs and carries no complainant data (util::Error's contract).
    spdlog::error("api: {} failed: {}", what, failure.message);
    if (failure.code == util::ErrorCode::unavailable) {
        return request_error_response(503, k_unavailable, messages);
    }
    return request_error_response(500, k_internal, messages);
}

}  // namespace

Api::Api(intake::Intake& intake, intake::StatusLookup& status_lookup,
         const i18n::Languages& languages)
    : m_intake(intake), m_status_lookup(status_lookup), m_languages(languages) {}

void Api::add_routes(http::Router& router) {
    router.add(http::Method::post, "/api/v1/complaints",
               [this](http::Request request, http::Responder respond) {
                   file_complaint(std::move(request), std::move(respond));
               });
    router.add(http::Method::post, "/api/v1/status",
               [this](http::Request request, http::Responder respond) {
                   look_up_status(std::move(request), std::move(respond));
               });
    router.add(http::Method::get, "/api/v1/offices",
               [this](http::Request request, http::Responder respond) {
                   list_offices(std::move(request), std::move(respond));
               });
}

const i18n::Catalogue& Api::messages_for(const http::Request& request) const {
    return m_languages.negotiate("", request.headers.get("Accept-Language"));
}

void Api::file_complaint(http::Request request, http::Responder respond) {
    const i18n::Catalogue& messages = messages_for(request);
    auto body = read_json_object(request, messages);
    if (!body) return respond(std::move(body.error()));

    FilingFromJson parsed = filing_from_json(*body, messages.language());
    if (!parsed.errors.empty()) {
        // Report everything at once: what could be read is validated too.
        const intake::Preview preview = m_intake.preview(parsed.filing);
        return respond(field_errors_response(
            422, all_errors(std::move(parsed.errors), preview.errors), messages));
    }

    // Intake calls back only once the filing is durable (or refused), possibly on a
    // storage thread; the 201 must not leave before that.
    m_intake.file(
        std::move(parsed.filing), domain::Channel::api,
        [respond = std::move(respond),
         &messages](std::expected<intake::Filed, intake::Refusal> result) mutable {
            if (result) {
                return respond(json_response(201, filed_json(*result, messages.language())));
            }
            const intake::Refusal& refusal = result.error();
            if (refusal.failure) {
                return respond(failure_response(*refusal.failure, messages, "filing"));
            }
            if (refusal.errors.empty()) {
                return respond(request_error_response(500, k_internal, messages));
            }
            respond(field_errors_response(422, refusal.errors, messages));
        });
}

void Api::look_up_status(http::Request request, http::Responder respond) const {
    const i18n::Catalogue& messages = messages_for(request);
    auto body = read_json_object(request, messages);
    if (!body) return respond(std::move(body.error()));

    FieldErrors errors;
    std::string reference;
    std::string receipt;
    ObjectReader in(*body, "", errors, {"reference", "receipt"});
    in.text("reference", reference);
    in.text("receipt", receipt);
    if (util::trim(receipt).empty()) receipt = std::string(request.headers.get(k_receipt_header));
    const auto missing = [&](std::string_view field, const std::string& value) {
        const bool reported = std::ranges::any_of(
            errors, [&](const domain::FieldError& error) { return error.field == field; });
        if (!reported && util::trim(value).empty())
            errors.push_back({std::string(field), "required", 0});
    };
    missing("reference", reference);
    missing("receipt", receipt);
    if (!errors.empty()) return respond(field_errors_response(422, errors, messages));

    auto found = m_status_lookup.look_up(reference, receipt);
    if (!found) return respond(failure_response(found.error(), messages, "status look-up"));
    // One answer for an unknown reference and a wrong receipt, so that neither can be probed.
    if (!*found) return respond(request_error_response(404, k_not_found, messages));
    respond(json_response(200, status_json(**found, messages.language())));
}

void Api::list_offices(http::Request request, http::Responder respond) const {
    const i18n::Catalogue& messages = messages_for(request);
    respond(json_response(200, offices_json(m_intake.deployment(), messages.language())));
}

}  // namespace redress::api
