#pragma once
// What is still missing that would help an investigation: who, what, where, when, how,
// witnesses. Shown to the complainant before filing; never blocks a filing.

#include <string>
#include <vector>

#include "domain/filing.hpp"

namespace redress::domain {

enum class Aspect { who, what, where, when, how, witnesses };

struct CompletenessItem {
    Aspect aspect;
    bool present;
};

std::vector<CompletenessItem> assess_completeness(const Filing& filing);
std::string aspect_name(Aspect aspect);  // "who", "what", ... (catalogue keys use it)

}  // namespace redress::domain
