#pragma once
// Triage: the intake officer's decision on a new complaint. Accept it for investigation
// here, refer it (to another office of this deployment, or to an external one such as law
// enforcement), or close it with a stated reason. Priority and the staff's categories may
// be set with any decision. Each decision records who, when and why; the reason is what
// the complainant will be told, in plain words.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/complaint_status.hpp"
#include "domain/deployment.hpp"
#include "domain/form_problem.hpp"
#include "domain/queue.hpp"

namespace redress::domain {

enum class TriageAction { accept, refer, close };
std::string_view triage_action_name(TriageAction action);
std::optional<TriageAction> parse_triage_action(std::string_view name);

enum class CloseReason { no_jurisdiction, insufficient_information, duplicate, withdrawn };
std::string_view close_reason_name(CloseReason reason);
std::optional<CloseReason> parse_close_reason(std::string_view name);

struct TriageDecision {
    TriageAction action = TriageAction::accept;
    Priority priority = Priority::normal;
    std::vector<std::string> categories;  // ids from the deployment's list
    std::string to_office;                // refer: the office it goes to
    std::string external_reference;       // refer to an external office: their reference
    std::optional<CloseReason> close_reason;
    // Close as a duplicate: the reference of the complaint it repeats, which the member must
    // be able to read. Staff see it; the complainant is told only the reason.
    std::string duplicate_of;
    std::string reason;  // why, in plain words (required to refer or close)
};

// The status a complaint takes after the decision.
Status status_after(TriageAction action);

inline constexpr std::size_t k_longest_triage_reason = 4000;  // characters
// What the complainant is told when their complaint joins the case of another complaint
// about the same events: never which one, nor whose.
inline constexpr std::string_view k_joined_note =
    "Your complaint was joined with an existing investigation of the same events.";
inline constexpr std::size_t k_longest_external_reference = 100;

// Every problem with `decision` for a complaint of `office_id` now at `current`, as
// (field, code) pairs for the form; empty when it may be recorded. A complaint is triaged
// once: only from the triage queue.
// Codes: "not_in_triage", "required", "unknown_office", "same_office", ... Whether the
// complaint a duplicate names exists and may be read is the staff side's to check.
using TriageProblem = FormProblem;
std::vector<TriageProblem> check_triage(const TriageDecision& decision, Status current,
                                        std::string_view office_id, const Deployment& deployment);

}  // namespace redress::domain
