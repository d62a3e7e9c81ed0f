#pragma once
// Applies the deployment's routing rules to a filing: which offices fit, and why.

#include <string>
#include <vector>

#include "domain/deployment.hpp"
#include "domain/filing.hpp"

namespace redress::domain {

struct RouteProposal {
    std::string office;  // office id
    // The rules that propose it (empty: the default office); they point into the
    // Deployment, which must outlive the proposal.
    std::vector<const RoutingRule*> because;
};

// Offices in order of preference, each once. Never empty: with no matching rule the
// deployment's default office is proposed.
std::vector<RouteProposal> propose_routes(const Filing& filing, const Deployment& deployment);

// The offices a filing goes to: those the complainant chose, else the local offices of the
// proposal's most specific rules (external offices only ever by referral, at triage), else
// the default office.
std::vector<std::string> destinations(const Filing& filing, const Deployment& deployment);

}  // namespace redress::domain
