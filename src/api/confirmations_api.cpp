// The API's side of proofs of filing: the deployment's signing keys, published for anyone
// to check a confirmation offline, and a check of a confirmation against them.

#include "api/complaints_api.hpp"
#include "api/errors_json.hpp"
#include "api/json_reader.hpp"
#include "api/request_json.hpp"
#include "api/status_json.hpp"
#include "crypto/signature.hpp"

namespace redress::api {

void Api::list_signing_keys(http::Request, http::Responder respond) const {
    nlohmann::json keys = nlohmann::json::array();
    for (const auto& key : m_signing_keys) {
        keys.push_back({{"key", key.key_id},
                        {"algorithm", "Ed25519"},
                        {"generation", key.generation},
                        {"public_key", crypto::to_base64(key.public_key)},
                        {"current", key.current}});
    }
    http::Response response = json_response(200, {{"keys", std::move(keys)}});
    response.caching = http::Caching::public_static;
    respond(std::move(response));
}

void Api::verify_confirmation(http::Request request, http::Responder respond) const {
    const i18n::Catalogue& messages = messages_for(request);
    auto body = read_json_object(request, messages);
    if (!body) return respond(std::move(body.error()));
    FieldErrors errors;
    std::string text;
    ObjectReader in(*body, "", errors, {"confirmation"});
    in.text("confirmation", text);
    if (errors.empty() && text.empty()) errors.push_back({"confirmation", "required", 0});
    if (errors.empty() && text.size() > domain::k_max_confirmation_text) {
        errors.push_back(
            {"confirmation", "too_long", static_cast<long>(domain::k_max_confirmation_text)});
    }
    if (!errors.empty()) {
        return respond(
            field_errors_response(422, errors, messages, m_intake.limits().errors_reported));
    }
    const auto verification = intake::verify_confirmation(text, m_signing_keys);
    util::JsonText answer;
    if (verification.verdict != intake::Verdict::unreadable) {
        write_confirmation(answer, "confirmation", verification.confirmation);
    }
    answer.text("verdict", intake::verdict_name(verification.verdict));
    respond(json_text_response(200, answer.take()));
}

}  // namespace redress::api
