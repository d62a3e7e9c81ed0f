#pragma once
// A finding: what an investigation concluded about one allegation of a complaint. The
// allegations are the complaint's categories as staff set them at triage (or, where they
// set none, as the complainant filed them).

#include <optional>
#include <string>
#include <string_view>

namespace redress::domain {

enum class Finding {
    sustained,       // it happened, and it was misconduct
    not_sustained,   // the evidence could not show whether it happened
    exonerated,      // it happened, and it was lawful and within policy
    unfounded,       // it did not happen, or the subject was not involved
    policy_failure,  // it happened as policy required, and the policy is at fault
    no_finding,      // no conclusion could be reached (withdrawn, subject gone, ...)
};
std::string_view finding_name(Finding finding);  // as stored; catalogue key "finding.<name>"
std::optional<Finding> parse_finding(std::string_view name);

struct AllegationFinding {
    std::string category;  // the allegation: a category id of the deployment
    Finding finding = Finding::no_finding;

    bool operator==(const AllegationFinding&) const = default;
};

}  // namespace redress::domain
