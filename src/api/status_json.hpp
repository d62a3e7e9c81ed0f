#pragma once
// What a complainant reads back: the answer to a filing (201) and to a status look-up
// (200). Office names are in the response's language; dates are ISO 8601 in UTC.

#include <nlohmann/json.hpp>
#include <string>

#include "intake/intake.hpp"
#include "intake/status_lookup.hpp"

namespace redress::api {

// {"status": "acknowledged", "due": "2026-11-30"} or null.
nlohmann::json next_step_json(const std::optional<domain::NextStep>& next_step);

// {"text", "received_at", "references", "filing_digest", "key", "signature"}: the proof of
// filing, whole ("text", to keep) and in parts.
nlohmann::json confirmation_json(const domain::Confirmation& confirmation);

// {"receipt", "received_at", "complaints": [...], "confirmation"}; the receipt is shown
// here only.
nlohmann::json filed_json(const intake::Filed& filed, const std::string& language);

// {"identity_consent", "messages", "next_step", "office", "office_name", "outcome", "owed",
//  "received_at", "reference", "status", "timeline"}, as text: written directly, since it is
// written for every look-up.
std::string status_json(const intake::StatusView& view, const std::string& language);

}  // namespace redress::api
