#include "domain/form_problem.hpp"

#include "util/text.hpp"

namespace redress::domain {

bool usable_staff_text(std::string_view text, std::size_t longest) {
    return util::valid_utf8(text) && !util::has_forbidden_controls(text, true) &&
           util::code_points(text) <= longest;
}

void check_staff_text(std::vector<FormProblem>& problems, std::string_view field,
                      std::string_view text, std::size_t longest, bool required) {
    const auto trimmed = util::trim(text);
    if (!usable_staff_text(trimmed, longest)) {
        problems.push_back({std::string(field), "unusable_text"});
    } else if (required && trimmed.empty()) {
        problems.push_back({std::string(field), "required"});
    }
}

}  // namespace redress::domain
