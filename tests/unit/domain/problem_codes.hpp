#pragma once
// What a form's problems say, as "field:code", for comparing in one expectation.

#include <string>
#include <vector>

#include "domain/form_problem.hpp"

namespace redress::domain::testing {

inline std::vector<std::string> codes(const std::vector<FormProblem>& problems) {
    std::vector<std::string> found;
    for (const auto& problem : problems) found.push_back(problem.field + ":" + problem.code);
    return found;
}

}  // namespace redress::domain::testing
