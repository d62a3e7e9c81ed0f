#pragma once
// Checks a filing against the deployment. Each problem names the field (a path such as
// "incident.narrative" or "subjects[1].badge") and a code; user-facing text for a code
// comes from the message catalogue entry "error.<code>".

#include <string>
#include <vector>

#include "domain/deployment.hpp"
#include "domain/filing.hpp"

namespace redress::domain {

struct FieldError {
    std::string field;
    std::string code;
    long limit = 0;  // for codes that have one (too_long, too_many): the limit

    bool operator==(const FieldError&) const = default;
};

// How much one filing may hold. Every list a client sends is bounded here, and readers
// (JSON, form) refuse a longer one before reading its entries, so that no request costs
// more than these bounds allow.
struct Limits {
    std::size_t short_text = 200;   // names, numbers, single-line fields
    std::size_t long_text = 2000;   // descriptions, addresses, witness accounts
    std::size_t narrative = 20000;  // what happened
    std::size_t subjects = 20;
    std::size_t witnesses = 20;
    std::size_t categories = 20;
    std::size_t offices = 20;
    // Problems listed in one refusal; the rest are only counted.
    std::size_t errors_reported = 50;

    // The longest list of any kind: what a reader must keep to see that a list is too long.
    std::size_t longest_list() const;
};

// `today` is YYYY-MM-DD in the deployment's time zone: an incident cannot be in the future.
std::vector<FieldError> validate(const Filing& filing, const Deployment& deployment,
                                 const std::string& today, const Limits& limits = {});

// Removes blank subjects and witnesses and trims every field; run before validate().
Filing normalized(Filing filing);

Confidentiality confidentiality_of(const Complainant& complainant);

}  // namespace redress::domain
