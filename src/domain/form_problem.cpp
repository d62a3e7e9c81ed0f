#include "domain/form_problem.hpp"

#include "util/text.hpp"

namespace redress::domain {

bool usable_staff_text(std::string_view text, std::size_t longest) {
    return util::valid_utf8(text) && !util::has_forbidden_controls(text, true) &&
           util::code_points(text) <= longest;
}

}  // namespace redress::domain
