#pragma once
// What the deployment's routing rules propose for a complaint at triage, and why: the same
// rules that routed the filing (routing.hpp), read again for the office now handling it.
// The handling office proposed means accepting it here; any other office, local or
// external, means referring it there (a rule never files with an external office: staff
// refer by hand). Staff take a proposal with one click, or decide otherwise.

#include <string>
#include <string_view>
#include <vector>

#include "domain/deployment.hpp"
#include "domain/filing.hpp"
#include "domain/triage.hpp"

namespace redress::domain {

struct TriageProposal {
    std::string office;                          // office id
    TriageAction action = TriageAction::accept;  // accept here, or refer to `office`
    bool external = false;                       // `office` is outside the deployment
    // The rules that propose it, highest priority first (empty: the default office). They
    // point into the Deployment, which must outlive the proposal.
    std::vector<const RoutingRule*> because;
};

// The proposals for `filing` (rebuilt from what the complaint keeps: its categories, the
// subjects' agencies, whether it is a whistleblower's) handled now by `office_id`, in the
// rules' order of preference, each office once.
std::vector<TriageProposal> propose_triage(const Filing& filing, std::string_view office_id,
                                           const Deployment& deployment);

// The triage decision a proposal stands for, to pre-fill the form: its action, the office
// to refer to, and the rules' explanations (in `language`) as the reason, which staff may
// reword before sending.
TriageDecision decision_for(const TriageProposal& proposal, std::string_view language);

}  // namespace redress::domain
