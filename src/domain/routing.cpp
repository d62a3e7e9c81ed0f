#include "domain/routing.hpp"

#include <algorithm>

#include "util/text.hpp"

namespace redress::domain {
namespace {

bool names_category(const Filing& filing, const RoutingRule& rule) {
    if (rule.categories_any.empty()) return true;
    const auto& named = filing.incident.categories;
    return std::any_of(rule.categories_any.begin(), rule.categories_any.end(),
                       [&](const std::string& category) {
                           return std::find(named.begin(), named.end(), category) != named.end();
                       });
}

bool names_agency(const Filing& filing, const RoutingRule& rule) {
    if (rule.subject_agency_any.empty()) return true;
    for (const Subject& subject : filing.subjects) {
        for (const std::string& agency : rule.subject_agency_any) {
            if (!agency.empty() && util::contains_ignoring_case(subject.agency, agency)) {
                return true;
            }
        }
    }
    return false;
}

bool matches(const Filing& filing, const RoutingRule& rule) {
    if (rule.whistleblower == WhistleblowerCondition::required &&
        !filing.complainant.whistleblower) {
        return false;
    }
    return names_category(filing, rule) && names_agency(filing, rule);
}

// Matching rules, highest priority first; equal priorities keep the configuration's order.
std::vector<const RoutingRule*> matching_rules(const Filing& filing, const Deployment& deployment) {
    std::vector<const RoutingRule*> found;
    for (const RoutingRule& rule : deployment.rules) {
        if (matches(filing, rule)) found.push_back(&rule);
    }
    std::stable_sort(found.begin(), found.end(), [](const RoutingRule* a, const RoutingRule* b) {
        return a->priority > b->priority;
    });
    return found;
}

void add_unique(std::vector<std::string>& offices, const std::string& office) {
    if (std::find(offices.begin(), offices.end(), office) == offices.end()) {
        offices.push_back(office);
    }
}

}  // namespace

std::vector<RouteProposal> propose_routes(const Filing& filing, const Deployment& deployment) {
    std::vector<RouteProposal> proposals;
    for (const RoutingRule* rule : matching_rules(filing, deployment)) {
        for (const std::string& office : rule->offices) {
            // External offices and those without a web form stay in the proposal: intake
            // staff route to them by referral. Only ids the deployment lacks are dropped.
            if (deployment.find_office(office) == nullptr) continue;
            auto it = std::find_if(proposals.begin(), proposals.end(),
                                   [&](const RouteProposal& p) { return p.office == office; });
            if (it == proposals.end()) {
                proposals.push_back(RouteProposal{office, {rule}});
            } else if (std::find(it->because.begin(), it->because.end(), rule) ==
                       it->because.end()) {
                it->because.push_back(rule);
            }
        }
    }
    if (proposals.empty()) proposals.push_back(RouteProposal{deployment.default_office, {}});
    return proposals;
}

std::vector<std::string> destinations(const Filing& filing, const Deployment& deployment) {
    std::vector<std::string> chosen;
    for (const std::string& office : filing.offices) add_unique(chosen, office);
    if (!chosen.empty()) return chosen;

    // Without a choice, a filing goes only where the most specific advice sends it: the
    // offices of the highest-priority matching rule (of every rule tied at that priority,
    // so that configuration order never decides), not every office any rule mentions.
    // Sending to all of them would copy a complaint to offices that a more specific rule
    // meant to replace; the complainant still sees the whole proposal and can pick more.
    // An external office is never filed with: a rule that names one is advice for triage,
    // where the office the complaint went to proposes a referral (triage_proposal.hpp).
    const auto rules = matching_rules(filing, deployment);
    for (const RoutingRule* rule : rules) {
        if (rule->priority != rules.front()->priority) break;
        for (const std::string& office : rule->offices) {
            const Office* known = deployment.find_office(office);
            if (known != nullptr && known->kind == OfficeKind::local) add_unique(chosen, office);
        }
    }
    if (chosen.empty()) chosen.push_back(deployment.default_office);
    return chosen;
}

}  // namespace redress::domain
