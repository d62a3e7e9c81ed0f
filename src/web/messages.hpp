#pragma once
// Catalogue messages as template variables, and the placeholders inside them.

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

#include "i18n/catalogue.hpp"

namespace redress::web {

// The template variable of a catalogue key: "form.narrative.label" → "form_narrative_label"
// (ctemplate names allow letters, digits and underscores). Keys are lower case; variables
// the pages compute are UPPER_CASE, so the two never collide.
std::string variable_name(std::string_view key);

using Placeholders = std::initializer_list<std::pair<std::string_view, std::string_view>>;

// Replaces each "{name}" in `text` with its value; unknown placeholders stay as they are
// so that a translator's mistake shows instead of vanishing.
std::string fill(std::string_view text, Placeholders values);

// `text` that must read left to right (an ISO date, a code) as it goes into a message of
// `catalogue`: in a right-to-left language it is wrapped in Unicode isolates (U+2066 …
// U+2069), without which "2026-12-01" after Arabic words shows as "01-12-2026".
std::string left_to_right(const i18n::Catalogue& catalogue, std::string_view text);

}  // namespace redress::web
