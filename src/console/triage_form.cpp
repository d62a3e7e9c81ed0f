#include "console/triage_form.hpp"

#include "util/text.hpp"

namespace redress::console {

TriageForm read_triage_form(const http::FormData& form, const domain::Deployment& deployment) {
    TriageForm read;
    auto& decision = read.decision;

    if (const auto action = domain::parse_triage_action(form.get("action"))) {
        decision.action = *action;
    } else {
        read.problems.push_back({"action", "unknown_value"});
    }
    if (const auto priority = form.get("priority"); !priority.empty()) {
        if (const auto parsed = domain::parse_priority(priority)) {
            decision.priority = *parsed;
        } else {
            read.problems.push_back({"priority", "unknown_value"});
        }
    }
    // Each category once at most: a longer list is not one the form's checkboxes make, and
    // is refused before its items are looked at.
    const auto categories = form.get_all("category");
    if (categories.size() > deployment.categories.size()) {
        read.problems.push_back({"categories", "too_many"});
    } else {
        decision.categories.assign(categories.begin(), categories.end());
    }
    // The fields of the other actions may arrive filled (the form shows them all): only
    // the chosen action's are taken.
    if (decision.action == domain::TriageAction::refer) {
        decision.to_office = std::string(form.get("to_office"));
        decision.external_reference = std::string(form.get("external_reference"));
    }
    if (decision.action == domain::TriageAction::close) {
        if (const auto reason = form.get("close_reason"); !reason.empty()) {
            decision.close_reason = domain::parse_close_reason(reason);
            if (!decision.close_reason) read.problems.push_back({"close_reason", "unknown_value"});
        }
        if (decision.close_reason == domain::CloseReason::duplicate) {
            decision.duplicate_of = std::string(util::trim(form.get("duplicate_of")));
        }
    }
    decision.reason = std::string(form.get("reason"));
    return read;
}

}  // namespace redress::console
