#include "domain/triage.hpp"

#include <array>
#include <set>
#include <utility>

#include "domain/name_table.hpp"
#include "util/text.hpp"

namespace redress::domain {

namespace {

constexpr std::array k_actions{
    std::pair{TriageAction::accept, std::string_view("accept")},
    std::pair{TriageAction::refer, std::string_view("refer")},
    std::pair{TriageAction::close, std::string_view("close")},
};

constexpr std::array k_close_reasons{
    std::pair{CloseReason::no_jurisdiction, std::string_view("no_jurisdiction")},
    std::pair{CloseReason::insufficient_information, std::string_view("insufficient_information")},
    std::pair{CloseReason::duplicate, std::string_view("duplicate")},
    std::pair{CloseReason::withdrawn, std::string_view("withdrawn")},
};

}  // namespace

std::string_view triage_action_name(TriageAction action) {
    return name_in(k_actions, action);
}
std::optional<TriageAction> parse_triage_action(std::string_view name) {
    return parse_in(k_actions, name);
}
std::string_view close_reason_name(CloseReason reason) {
    return name_in(k_close_reasons, reason);
}
std::optional<CloseReason> parse_close_reason(std::string_view name) {
    return parse_in(k_close_reasons, name);
}

Status status_after(TriageAction action) {
    switch (action) {
        case TriageAction::accept:
            return Status::investigating;
        case TriageAction::refer:
            return Status::referred;
        case TriageAction::close:
            return Status::closed;
    }
    return Status::investigating;
}

std::vector<TriageProblem> check_triage(const TriageDecision& decision, Status current,
                                        std::string_view office_id, const Deployment& deployment) {
    std::vector<TriageProblem> problems;
    if (queue_of(current) != Queue::triage) problems.push_back({"action", "not_in_triage"});

    std::set<std::string_view> seen;
    for (const auto& category : decision.categories) {
        if (deployment.find_category(category) == nullptr) {
            problems.push_back({"categories", "unknown_category"});
        } else if (!seen.insert(category).second) {
            problems.push_back({"categories", "duplicate"});
        }
    }
    const auto reason = util::trim(decision.reason);
    if (!usable_staff_text(reason, k_longest_triage_reason)) {
        problems.push_back({"reason", "unusable_text"});
    } else if (reason.empty() && decision.action != TriageAction::accept) {
        problems.push_back({"reason", "required"});
    }

    switch (decision.action) {
        case TriageAction::accept:
            break;
        case TriageAction::refer: {
            const Office* to = deployment.find_office(decision.to_office);
            if (decision.to_office.empty()) {
                problems.push_back({"to_office", "required"});
            } else if (to == nullptr) {
                problems.push_back({"to_office", "unknown_office"});
            } else if (to->id == office_id) {
                problems.push_back({"to_office", "same_office"});
            }
            if (!usable_staff_text(decision.external_reference, k_longest_external_reference)) {
                problems.push_back({"external_reference", "unusable_text"});
            }
            break;
        }
        case TriageAction::close:
            if (!decision.close_reason) problems.push_back({"close_reason", "required"});
            if (decision.close_reason == CloseReason::duplicate &&
                util::trim(decision.duplicate_of).empty()) {
                problems.push_back({"duplicate_of", "required"});
            }
            break;
    }
    return problems;
}

}  // namespace redress::domain
