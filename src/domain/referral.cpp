#include "domain/referral.hpp"

#include <array>
#include <utility>

#include "domain/name_table.hpp"
#include "util/text.hpp"

namespace redress::domain {

namespace {

constexpr std::array k_states{
    std::pair{ReferralState::sent, std::string_view("sent")},
    std::pair{ReferralState::accepted, std::string_view("accepted")},
    std::pair{ReferralState::declined, std::string_view("declined")},
    std::pair{ReferralState::returned, std::string_view("returned")},
};

constexpr std::array k_answers{
    std::pair{ReferralAnswer::accept, std::string_view("accept")},
    std::pair{ReferralAnswer::decline, std::string_view("decline")},
    std::pair{ReferralAnswer::send_back, std::string_view("return")},
};

}  // namespace

std::string_view referral_state_name(ReferralState state) {
    return name_in(k_states, state);
}
std::optional<ReferralState> parse_referral_state(std::string_view name) {
    return parse_in(k_states, name);
}
std::string_view referral_answer_name(ReferralAnswer answer) {
    return name_in(k_answers, answer);
}
std::optional<ReferralAnswer> parse_referral_answer(std::string_view name) {
    return parse_in(k_answers, name);
}

ReferralState state_after(ReferralAnswer answer) {
    switch (answer) {
        case ReferralAnswer::accept:
            return ReferralState::accepted;
        case ReferralAnswer::decline:
            return ReferralState::declined;
        case ReferralAnswer::send_back:
            return ReferralState::returned;
    }
    return ReferralState::accepted;
}

std::vector<TriageProblem> check_referral_answer(const ReferralDecision& decision,
                                                 ReferralState state) {
    std::vector<TriageProblem> problems;
    if (state != ReferralState::sent) problems.push_back({"answer", "not_sent"});
    const auto reason = util::trim(decision.reason);
    if (!usable_staff_text(reason, k_longest_triage_reason)) {
        problems.push_back({"reason", "unusable_text"});
    } else if (reason.empty() && decision.answer != ReferralAnswer::accept) {
        problems.push_back({"reason", "required"});
    }
    return problems;
}

}  // namespace redress::domain
