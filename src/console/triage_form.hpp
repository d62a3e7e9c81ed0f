#pragma once
// The triage form as posted: read into a TriageDecision, with a problem for each value
// the form's own choices cannot have given (an unknown action, priority or close reason;
// more categories than the deployment has). What the decision itself must satisfy is
// domain::check_triage's; both kinds come back as (field, code) to be shown by the field.

#include <vector>

#include "domain/deployment.hpp"
#include "domain/triage.hpp"
#include "http/form_data.hpp"

namespace redress::console {

struct TriageForm {
    domain::TriageDecision decision;
    std::vector<domain::TriageProblem> problems;
};

// Fields: action, priority, category (repeated), to_office, external_reference,
// close_reason, duplicate_of (a reference, when the reason is duplicate), reason.
TriageForm read_triage_form(const http::FormData& form, const domain::Deployment& deployment);

}  // namespace redress::console
