#pragma once
// The complaint form and a domain::Filing, both ways. Field names are the validation
// field paths ("complainant.name", "subjects[0].badge", "incident.categories"), so an error
// from domain::validate names the very field it belongs to.

#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/filing.hpp"
#include "http/form_data.hpp"

namespace redress::web {

enum class Input { text, email, tel, date, time, textarea, checkbox, radio };

struct FieldSpec {
    std::string_view name;  // inside a block: relative ("badge" of "subjects[0].badge")
    Input input;
    std::string_view message;  // catalogue prefix: <message>.label, <message>.hint
    std::vector<std::string_view> options = {};  // radio values; labels <message>.<option>
    std::string_view autocomplete = "off";
    std::string_view preset = "";  // radio value checked when none is (the domain's default)
};

// A fieldset of the form; repeated groups (subjects, witnesses) hold one block per item.
struct FieldGroup {
    std::string_view id;    // "contact", "subjects", ...
    std::string_view list;  // repeated groups: "subjects" / "witnesses"; else ""
    std::vector<FieldSpec> fields;
};

// The groups in the order the form shows them (categories and offices are added by the
// pages, as they come from the deployment).
std::span<const FieldGroup> filing_groups();

// Blocks a form may hold per list, far above validation's limits so that validation, not
// the parser, reports "too many"; field names beyond it are ignored.
inline constexpr std::size_t k_max_blocks = 100;

// The filing a submitted form describes, text exactly as typed.
domain::Filing filing_from_form(const http::FormData& form, std::string language);

// The (name, value) pairs a form must carry to describe `filing`; blank values omitted,
// checkboxes as "yes", repeated names for lists (categories, offices).
std::vector<std::pair<std::string, std::string>> form_fields(const domain::Filing& filing);

// "subjects[1].badge" for block 1 of list "subjects" and field "badge".
std::string block_field_name(std::string_view list, std::size_t index, std::string_view field);

// An HTML id for a field path: "subjects[0].badge" → "f-subjects-0-badge".
std::string field_id(std::string_view name);

}  // namespace redress::web
