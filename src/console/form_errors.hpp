#pragma once
// What was wrong with a refused staff form, in words from the staff catalogue: beside each
// field (its <SECTION>_ERROR section), or as one list (REFUSED and its ERROR rows). A code
// the catalogue has no words for is said with `<prefix>invalid`.

#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/form_problem.hpp"
#include "i18n/catalogue.hpp"
#include "web/view.hpp"

namespace redress::console {

// A form field a problem can name, with the template's name for its section.
using FieldSection = std::pair<std::string_view, std::string_view>;

// Shows REFUSED, and for each field of `fields` with problems, <SECTION>_ERROR with
// <SECTION>_ERROR_TEXT: the words of "<prefix><code>" for each of its codes, once each.
void fill_field_errors(web::Dictionary& form, const i18n::Catalogue& catalogue,
                       const std::vector<domain::FormProblem>& problems,
                       std::span<const FieldSection> fields, std::string_view prefix);

// Shows REFUSED with one ERROR row (TEXT) per problem, in the words of "<prefix><code>".
void fill_error_list(web::Dictionary& form, const i18n::Catalogue& catalogue,
                     const std::vector<domain::FormProblem>& problems, std::string_view prefix);

}  // namespace redress::console
