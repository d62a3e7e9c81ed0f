#pragma once
// A declarative routing rule from the deployment's configuration: when a filing matches
// the conditions, the rule proposes destination offices and says why in plain language.

#include <string>
#include <vector>

#include "util/localized_text.hpp"

namespace redress::domain {

enum class WhistleblowerCondition { any, required };

struct RoutingRule {
    std::string id;
    // Matches when the filing names at least one of these categories (empty: any).
    std::vector<std::string> categories_any;
    // Matches when a subject's agency contains one of these, case-insensitively (empty: any).
    std::vector<std::string> subject_agency_any;
    WhistleblowerCondition whistleblower = WhistleblowerCondition::any;
    std::vector<std::string> offices;  // destinations, in order of preference
    int priority = 0;                  // higher wins when proposals are ranked
    util::LocalizedText explanation;
};

}  // namespace redress::domain
