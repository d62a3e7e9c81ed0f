#include "api/correspondence_api.hpp"

#include "api/errors_json.hpp"
#include "api/request_json.hpp"
#include "api/status_answer.hpp"
#include "api/status_json.hpp"
#include "domain/message.hpp"

namespace redress::api {
namespace {

// The field error of a refused text, with the web form's codes.
domain::FieldError text_error(intake::ReplyProblem problem) {
    switch (problem) {
        case intake::ReplyProblem::blank:
            return {"text", "required", 0};
        case intake::ReplyProblem::too_long:
            return {"text", "too_long", static_cast<long>(domain::k_longest_message)};
        case intake::ReplyProblem::unusable:
            break;
    }
    return {"text", "invalid_text", 0};
}

// The answer to a post: `added` with the status as it is now; what the receipt checks did
// not find with the look-up's own answer, so that a post tells no more than a look-up.
http::Response reply_response(const intake::ReplyResult& result, int added,
                              const i18n::Catalogue& messages, std::size_t max_listed) {
    using Outcome = intake::ReplyResult::Outcome;
    switch (result.outcome) {
        case Outcome::added:
            return json_text_response(added, status_json(*result.view, messages.language()));
        case Outcome::invalid:
            return field_errors_response(422, {text_error(*result.problem)}, messages, max_listed);
        case Outcome::full:
            return request_error_response(409, "messages_full", messages, "reply.full");
        case Outcome::not_reconsiderable:
            return request_error_response(409, "not_reconsiderable", messages,
                                          "reconsider.not_open");
        case Outcome::not_found:
        case Outcome::busy:
        case Outcome::failed:
            break;
    }
    return status_response(intake::lookup_of(result), messages);
}

// The completion of a post: the answer is made on the connection's thread, no sooner than
// the look-up's delay.
intake::ReplyDone answer_with(http::Responder respond, const i18n::Catalogue& messages, int added,
                              std::size_t max_listed) {
    return [respond = std::move(respond), &messages, added,
            max_listed](intake::ReplyResult result) mutable {
        respond.render([result = std::move(result), &messages, added, max_listed] {
            http::Response response = reply_response(result, added, messages, max_listed);
            response.delay = result.delay;
            return response;
        });
    };
}

}  // namespace

void CorrespondenceApi::add_routes(http::Router& router) {
    router.add(http::Method::post, "/api/v1/status/messages",
               [this](http::Request request, http::Responder respond) {
                   post_message(std::move(request), std::move(respond));
               });
    router.add(http::Method::post, "/api/v1/status/consent",
               [this](http::Request request, http::Responder respond) {
                   give_consent(std::move(request), std::move(respond));
               });
}

void CorrespondenceApi::post_message(http::Request request, http::Responder respond) const {
    const i18n::Catalogue& messages =
        m_languages.negotiate("", request.headers.get("Accept-Language"));
    auto body = read_json_object(request, messages);
    if (!body) return respond(std::move(body.error()));

    FieldErrors errors;
    ObjectReader in(*body, "", errors, {"reference", "receipt", "text", "kind"});
    const Credentials credentials = read_credentials(in, request);
    std::string text;
    std::string kind_name = "message";
    in.text("text", text);
    in.text("kind", kind_name);
    const auto kind = kind_name == "message"           ? domain::MessageKind::from_complainant
                      : kind_name == "reconsideration" ? domain::MessageKind::reconsideration
                                                       : domain::MessageKind::to_complainant;
    if (kind == domain::MessageKind::to_complainant)
        errors.push_back({"kind", "invalid_choice", 0});
    if (!errors.empty()) {
        return respond(field_errors_response(422, errors, messages, m_max_errors_listed));
    }
    m_replies.post(credentials.reference, credentials.receipt, request.client_address, kind,
                   std::move(text),
                   answer_with(std::move(respond), messages, 201, m_max_errors_listed));
}

void CorrespondenceApi::give_consent(http::Request request, http::Responder respond) const {
    const i18n::Catalogue& messages =
        m_languages.negotiate("", request.headers.get("Accept-Language"));
    auto body = read_json_object(request, messages);
    if (!body) return respond(std::move(body.error()));

    FieldErrors errors;
    ObjectReader in(*body, "", errors, {"reference", "receipt", "consent"});
    const Credentials credentials = read_credentials(in, request);
    const auto* consent = body->contains("consent") ? &(*body)["consent"] : nullptr;
    bool given = false;
    if (consent == nullptr || consent->is_null()) {
        errors.push_back({"consent", "required", 0});
    } else {
        in.flag("consent", given);
    }
    if (!errors.empty()) {
        return respond(field_errors_response(422, errors, messages, m_max_errors_listed));
    }
    m_replies.consent(credentials.reference, credentials.receipt, request.client_address, given,
                      answer_with(std::move(respond), messages, 200, m_max_errors_listed));
}

}  // namespace redress::api
