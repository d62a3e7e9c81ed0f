#include "api/complaints_api.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <unordered_set>

#include "api/errors_json.hpp"
#include "api/filing_json.hpp"
#include "api/json_reader.hpp"
#include "api/offices_json.hpp"
#include "api/request_json.hpp"
#include "api/status_answer.hpp"
#include "api/status_json.hpp"
#include "util/text.hpp"

namespace redress::api {
namespace {

// Whether `field` or a field that contains it ("incident" contains "incident.narrative" and
// "subjects" contains "subjects[0].name") is in `fields`. A path has few such prefixes, so
// this stays linear in the number of errors.
bool covered_by(std::string_view field, const std::unordered_set<std::string_view>& fields) {
    for (std::size_t end = 0; end <= field.size(); ++end) {
        if ((end == field.size() || field[end] == '.' || field[end] == '[') &&
            fields.contains(field.substr(0, end))) {
            return true;
        }
    }
    return false;
}

// Shape errors first, then the validation errors that are not a consequence of them (a
// narrative of the wrong type is not also "required").
FieldErrors all_errors(FieldErrors shape, const std::vector<domain::FieldError>& validation) {
    FieldErrors errors = std::move(shape);
    std::unordered_set<std::string_view> shape_fields;
    for (const domain::FieldError& error : errors) shape_fields.insert(error.field);
    FieldErrors consequences;
    for (const domain::FieldError& error : validation) {
        if (!covered_by(error.field, shape_fields)) consequences.push_back(error);
    }
    errors.insert(errors.end(), consequences.begin(), consequences.end());
    return errors;
}

}  // namespace

Api::Api(intake::Intake& intake, intake::StatusLookup& status_lookup,
         const i18n::Languages& languages, std::vector<intake::PublishedKey> signing_keys)
    : m_intake(intake),
      m_status_lookup(status_lookup),
      m_languages(languages),
      m_signing_keys(std::move(signing_keys)) {}

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
    router.add(http::Method::get, "/.well-known/redress-signing-keys",
               [this](http::Request request, http::Responder respond) {
                   list_signing_keys(std::move(request), std::move(respond));
               });
    router.add(http::Method::post, "/api/v1/confirmations/verify",
               [this](http::Request request, http::Responder respond) {
                   verify_confirmation(std::move(request), std::move(respond));
               });
}

const i18n::Catalogue& Api::messages_for(const http::Request& request) const {
    return m_languages.negotiate("", request.headers.get("Accept-Language"));
}

void Api::file_complaint(http::Request request, http::Responder respond) {
    const i18n::Catalogue& messages = messages_for(request);
    const domain::Limits& limits = m_intake.limits();
    auto body =
        read_json_object(request, messages, {.max_array_elements = limits.longest_list() + 1});
    if (!body) return respond(std::move(body.error()));

    FilingFromJson parsed = filing_from_json(*body, messages.language(), limits);
    if (!parsed.errors.empty()) {
        // Report everything at once: what could be read is validated too.
        const intake::Preview preview = m_intake.preview(parsed.filing);
        return respond(field_errors_response(422,
                                             all_errors(std::move(parsed.errors), preview.errors),
                                             messages, limits.errors_reported));
    }

    // Intake calls back only once the filing is durable (or refused), possibly on a
    // storage thread; the 201 must not leave before that.
    // The answer is made (and signed) on the connection's thread, not the store's.
    m_intake.file(
        std::move(parsed.filing), domain::Channel::api,
        [this, respond = std::move(respond), &messages, max_listed = limits.errors_reported](
            std::expected<intake::Stored, intake::Refusal> result) mutable {
            respond.render([this, result = std::move(result), &messages, max_listed]() mutable {
                if (result) {
                    const intake::Filed filed = m_intake.confirm(std::move(*result));
                    return json_text_response(201, filed_json(filed, messages.language()));
                }
                const intake::Refusal& refusal = result.error();
                if (refusal.failure) {
                    return failure_response(*refusal.failure, messages, "filing");
                }
                if (refusal.errors.empty()) {
                    return request_error_response(500, k_internal, messages);
                }
                return field_errors_response(422, refusal.errors, messages, max_listed);
            });
        });
}

void Api::look_up_status(http::Request request, http::Responder respond) const {
    const i18n::Catalogue& messages = messages_for(request);
    auto body = read_json_object(request, messages);
    if (!body) return respond(std::move(body.error()));

    FieldErrors errors;
    ObjectReader in(*body, "", errors, {"reference", "receipt"});
    const Credentials credentials = read_credentials(in, request);
    if (!errors.empty()) {
        return respond(
            field_errors_response(422, errors, messages, m_intake.limits().errors_reported));
    }

    m_status_lookup.look_up(
        credentials.reference, credentials.receipt, request.client_address,
        [respond = std::move(respond), &messages](intake::LookupResult result) mutable {
            respond.render([result = std::move(result), &messages]() {
                http::Response response = status_response(result, messages);
                response.delay = result.delay;
                return response;
            });
        });
}

void Api::list_offices(http::Request request, http::Responder respond) const {
    const i18n::Catalogue& messages = messages_for(request);
    respond(json_response(200, offices_json(m_intake.deployment(), messages.language())));
}

}  // namespace redress::api
