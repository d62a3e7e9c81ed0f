#pragma once
// A referral from one office of this deployment to another, as the receiving office sees
// it: sent, then answered once. Accepted, the receiving office handles the complaint from
// then on; declined (it is not theirs) or returned (it is, but not yet: something is
// missing), it goes back to the sending office's triage. Declining and returning say why;
// the reason is what the complainant and the sending office are told, in plain words.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/complaint_status.hpp"
#include "domain/triage.hpp"

namespace redress::domain {

enum class ReferralState { sent, accepted, declined, returned };
std::string_view referral_state_name(ReferralState state);  // as stored: "sent", ...
std::optional<ReferralState> parse_referral_state(std::string_view name);

enum class ReferralAnswer { accept, decline, send_back };
std::string_view referral_answer_name(ReferralAnswer answer);  // "accept", "decline", "return"
std::optional<ReferralAnswer> parse_referral_answer(std::string_view name);

// The state a referral takes with `answer`.
ReferralState state_after(ReferralAnswer answer);

// The status the complainant sees after any answer: the complaint is awaiting triage again,
// by the receiving office (accepted) or by the sending one.
inline constexpr Status k_status_after_referral_answer = Status::acknowledged;

struct ReferralDecision {
    ReferralAnswer answer = ReferralAnswer::accept;
    std::string reason;  // required to decline or return
};

// Every problem with `decision` for a referral now in `state`, as (field, code) pairs for
// the form ("not_sent", "required", "unusable_text"); empty when it may be recorded.
std::vector<TriageProblem> check_referral_answer(const ReferralDecision& decision,
                                                 ReferralState state);

}  // namespace redress::domain
