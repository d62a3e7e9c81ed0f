#pragma once
// What is wrong with a decision staff submitted in a form: the field and a code, which the
// console turns into words beside that field. Also the one check of the free text staff
// write (reasons, notes, messages, closure texts).

#include <string>
#include <string_view>
#include <vector>

namespace redress::domain {

struct FormProblem {
    std::string field;
    std::string code;  // "required", "unusable_text", "not_in_triage", ...

    bool operator==(const FormProblem&) const = default;
};

// Valid UTF-8, no control characters but line breaks and tabs, at most `longest` code points.
bool usable_staff_text(std::string_view text, std::size_t longest);

// Adds the problem of `text` (trimmed) for `field`, if any: "unusable_text", or "required"
// when it is blank and `required`.
void check_staff_text(std::vector<FormProblem>& problems, std::string_view field,
                      std::string_view text, std::size_t longest, bool required);

}  // namespace redress::domain
