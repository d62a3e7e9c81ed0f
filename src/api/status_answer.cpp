#include "api/status_answer.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "api/errors_json.hpp"
#include "api/status_json.hpp"
#include "util/text.hpp"

namespace redress::api {

Credentials read_credentials(ObjectReader& in, const http::Request& request) {
    Credentials credentials;
    in.text("reference", credentials.reference);
    in.text("receipt", credentials.receipt);
    if (util::trim(credentials.receipt).empty()) {
        credentials.receipt = std::string(request.headers.get(k_receipt_header));
    }
    auto& errors = in.errors();
    const auto missing = [&](std::string_view field, const std::string& value) {
        const bool reported = std::ranges::any_of(
            errors, [&](const domain::FieldError& error) { return error.field == field; });
        if (!reported && util::trim(value).empty()) {
            errors.push_back({std::string(field), "required", 0});
        }
    };
    missing("reference", credentials.reference);
    missing("receipt", credentials.receipt);
    return credentials;
}

http::Response failure_response(const util::Error& failure, const i18n::Catalogue& messages,
                                std::string_view what) {
    spdlog::error("api: {} failed: {}", what, failure.message);
    if (failure.code == util::ErrorCode::unavailable) {
        return request_error_response(503, k_unavailable, messages);
    }
    return request_error_response(500, k_internal, messages);
}

http::Response status_response(const intake::LookupResult& result,
                               const i18n::Catalogue& messages) {
    using Outcome = intake::LookupResult::Outcome;
    switch (result.outcome) {
        case Outcome::found:
            return json_text_response(200, status_json(*result.view, messages.language()));
        case Outcome::busy: {
            http::Response busy = request_error_response(503, k_busy, messages);
            busy.headers.set("Retry-After", "1");
            return busy;
        }
        case Outcome::failed:
            return failure_response(*result.failure, messages, "status look-up");
        case Outcome::not_found:
            break;
    }
    return request_error_response(404, k_not_found, messages);
}

}  // namespace redress::api
