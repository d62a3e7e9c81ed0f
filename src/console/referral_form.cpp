#include "console/referral_form.hpp"

namespace redress::console {

ReferralForm read_referral_form(const http::FormData& form) {
    ReferralForm read;
    if (const auto answer = domain::parse_referral_answer(form.get("answer"))) {
        read.decision.answer = *answer;
    } else {
        read.problems.push_back({"answer", "unknown_value"});
    }
    read.decision.reason = std::string(form.get("reason"));
    return read;
}

}  // namespace redress::console
