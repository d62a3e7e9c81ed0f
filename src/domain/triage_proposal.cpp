#include "domain/triage_proposal.hpp"

#include "domain/routing.hpp"

namespace redress::domain {

std::vector<TriageProposal> propose_triage(const Filing& filing, std::string_view office_id,
                                           const Deployment& deployment) {
    std::vector<TriageProposal> proposals;
    for (auto& route : propose_routes(filing, deployment)) {
        TriageProposal proposal;
        const Office* office = deployment.find_office(route.office);
        proposal.external = office != nullptr && office->kind == OfficeKind::external;
        proposal.action = route.office == office_id ? TriageAction::accept : TriageAction::refer;
        proposal.office = std::move(route.office);
        proposal.because = std::move(route.because);
        proposals.push_back(std::move(proposal));
    }
    return proposals;
}

TriageDecision decision_for(const TriageProposal& proposal, std::string_view language) {
    TriageDecision decision;
    decision.action = proposal.action;
    if (proposal.action == TriageAction::refer) decision.to_office = proposal.office;
    for (const RoutingRule* rule : proposal.because) {
        if (!decision.reason.empty()) decision.reason += '\n';
        decision.reason += rule->explanation.in(language);
    }
    return decision;
}

}  // namespace redress::domain
