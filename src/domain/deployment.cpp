#include "domain/deployment.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace redress::domain {
namespace {

using util::ErrorCode;
using util::fail;

bool valid_prefix(std::string_view prefix) {
    if (prefix.size() < 2 || prefix.size() > 8) return false;
    return std::all_of(prefix.begin(), prefix.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

util::Expected<void> check_offices(const Deployment& deployment) {
    if (deployment.offices.empty()) {
        return fail(ErrorCode::invalid_input, "the deployment declares no office");
    }
    std::set<std::string, std::less<>> ids;
    std::set<std::string, std::less<>> prefixes;
    for (const Office& office : deployment.offices) {
        if (office.id.empty()) return fail(ErrorCode::invalid_input, "an office has no id");
        if (!ids.insert(office.id).second) {
            return fail(ErrorCode::invalid_input,
                        fmt::format("office \"{}\" is declared twice", office.id));
        }
        if (!valid_prefix(office.reference_prefix)) {
            return fail(ErrorCode::invalid_input,
                        fmt::format("office \"{}\": reference prefix \"{}\" must be 2 to 8 "
                                    "capital letters A-Z",
                                    office.id, office.reference_prefix));
        }
        if (!prefixes.insert(office.reference_prefix).second) {
            return fail(ErrorCode::invalid_input,
                        fmt::format("office \"{}\": reference prefix \"{}\" is already used "
                                    "by another office",
                                    office.id, office.reference_prefix));
        }
        if (office.kind == OfficeKind::external && office.web_filing == WebFiling::accepted) {
            return fail(ErrorCode::invalid_input,
                        fmt::format("office \"{}\" is external: complaints reach it by referral "
                                    "only, so it cannot take web filings (web_filing = false)",
                                    office.id));
        }
        const ServiceLevels& levels = office.service_levels;
        if (levels.acknowledge_days < 0 || levels.triage_days < 0 || levels.update_days < 0 ||
            levels.resolution_days < 0) {
            return fail(
                ErrorCode::invalid_input,
                fmt::format("office \"{}\": service level days cannot be negative", office.id));
        }
    }
    const Office* fallback = deployment.find_office(deployment.default_office);
    if (fallback == nullptr) {
        return fail(ErrorCode::invalid_input, fmt::format("default office \"{}\" is not declared",
                                                          deployment.default_office));
    }
    if (fallback->web_filing != WebFiling::accepted) {
        return fail(ErrorCode::invalid_input,
                    fmt::format("default office \"{}\" does not accept web filings",
                                deployment.default_office));
    }
    return {};
}

util::Expected<void> check_categories(const Deployment& deployment) {
    std::set<std::string, std::less<>> ids;
    for (const Category& category : deployment.categories) {
        if (category.id.empty()) return fail(ErrorCode::invalid_input, "a category has no id");
        if (!ids.insert(category.id).second) {
            return fail(ErrorCode::invalid_input,
                        fmt::format("category \"{}\" is declared twice", category.id));
        }
    }
    return {};
}

util::Expected<void> check_rules(const Deployment& deployment) {
    for (const RoutingRule& rule : deployment.rules) {
        if (rule.offices.empty()) {
            return fail(ErrorCode::invalid_input,
                        fmt::format("routing rule \"{}\" names no office", rule.id));
        }
        for (const std::string& office : rule.offices) {
            if (deployment.find_office(office) == nullptr) {
                return fail(ErrorCode::invalid_input,
                            fmt::format("routing rule \"{}\" names unknown office \"{}\"", rule.id,
                                        office));
            }
        }
        for (const std::string& category : rule.categories_any) {
            if (deployment.find_category(category) == nullptr) {
                return fail(ErrorCode::invalid_input,
                            fmt::format("routing rule \"{}\" names unknown category \"{}\"",
                                        rule.id, category));
            }
        }
    }
    return {};
}

}  // namespace

const Office* Deployment::find_office(std::string_view id) const {
    for (const Office& office : offices) {
        if (office.id == id) return &office;
    }
    return nullptr;
}

const Category* Deployment::find_category(std::string_view id) const {
    for (const Category& category : categories) {
        if (category.id == id) return &category;
    }
    return nullptr;
}

util::Expected<void> Deployment::check() const {
    if (auto offices_ok = check_offices(*this); !offices_ok) return offices_ok;
    if (auto categories_ok = check_categories(*this); !categories_ok) return categories_ok;
    return check_rules(*this);
}

}  // namespace redress::domain
