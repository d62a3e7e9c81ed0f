#pragma once
// The answer to a referral as posted: read into a ReferralDecision, with a problem for a
// value the form's own choices cannot have given (an unknown answer). What the answer
// itself must satisfy is domain::check_referral_answer's; both come back as (field, code).

#include <vector>

#include "domain/referral.hpp"
#include "domain/triage.hpp"
#include "http/form_data.hpp"

namespace redress::console {

struct ReferralForm {
    domain::ReferralDecision decision;
    std::vector<domain::TriageProblem> problems;
};

// Fields: answer ("accept", "decline", "return"), reason.
ReferralForm read_referral_form(const http::FormData& form);

}  // namespace redress::console
