#pragma once
// What a complainant reads back: the answer to a filing (201) and to a status look-up
// (200), written as JSON text directly (util/json_text.hpp), keys in order, since one is
// written for every filing and look-up. Office names are in the response's language; dates
// are ISO 8601 in UTC.

#include <string>
#include <string_view>

#include "intake/intake.hpp"
#include "intake/status_lookup.hpp"
#include "util/json_text.hpp"

namespace redress::api {

// {"filing_digest", "key", "received_at", "references", "signature", "text"} as member `key`
// of the object open in `out`: the proof of filing, whole ("text", to keep) and in parts.
void write_confirmation(util::JsonText& out, std::string_view key,
                        const domain::Confirmation& confirmation);

// {"complaints": [...], "confirmation", "receipt", "received_at"}; the receipt is shown
// here only.
std::string filed_json(const intake::Filed& filed, const std::string& language);

// {"identity_consent", "messages", "next_step", "office", "office_name", "outcome", "owed",
//  "received_at", "reference", "status", "timeline"}, as text: written directly, since it is
// written for every look-up.
std::string status_json(const intake::StatusView& view, const std::string& language);

}  // namespace redress::api
