#pragma once
// What a deployment declares about its domain: offices, categories, routing rules.
// Built once from configuration and validated; read-only afterwards.

#include <string>
#include <string_view>
#include <vector>

#include "domain/category.hpp"
#include "domain/office.hpp"
#include "domain/routing_rule.hpp"
#include "domain/time_zone.hpp"
#include "util/error.hpp"

namespace redress::domain {

struct Deployment {
    std::vector<Office> offices;
    std::vector<Category> categories;
    std::vector<RoutingRule> rules;
    std::string default_office;  // takes filings that no rule routes
    TimeZone time_zone;          // in which due dates fall; UTC unless configured

    const Office* find_office(std::string_view id) const;
    const Category* find_category(std::string_view id) const;

    // Checks cross references (rules name known offices and categories, prefixes unique,
    // a default office that accepts filings). Returns the first problem found.
    util::Expected<void> check() const;
};

}  // namespace redress::domain
