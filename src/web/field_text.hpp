#pragma once
// The words a complainant reads for a field: its label (with the block it belongs to),
// the label of a chosen option, and the message of a validation error.

#include <string>
#include <string_view>

#include "domain/validation.hpp"
#include "i18n/catalogue.hpp"
#include "web/filing_form.hpp"

namespace redress::web {

// "Badge or ID number (agent 2)" for "subjects[1].badge"; the path itself when unknown.
std::string field_label(const i18n::Catalogue& catalogue, std::string_view path);

// The spec of the field at `path`, or nullptr (lists such as categories have none).
const FieldSpec* find_field(std::string_view path);

// "error.<code>" with {limit} filled in.
std::string error_text(const i18n::Catalogue& catalogue, const domain::FieldError& error);

// The title of block `index` (0-based) of a list: "Agent 1", "Witness 2".
std::string block_title(const i18n::Catalogue& catalogue, std::string_view list, std::size_t index);

}  // namespace redress::web
