#include "domain/finding.hpp"

#include <array>
#include <utility>

#include "domain/name_table.hpp"

namespace redress::domain {

namespace {

constexpr std::array k_findings{
    std::pair{Finding::sustained, std::string_view("sustained")},
    std::pair{Finding::not_sustained, std::string_view("not_sustained")},
    std::pair{Finding::exonerated, std::string_view("exonerated")},
    std::pair{Finding::unfounded, std::string_view("unfounded")},
    std::pair{Finding::policy_failure, std::string_view("policy_failure")},
    std::pair{Finding::no_finding, std::string_view("no_finding")},
};

}  // namespace

std::string_view finding_name(Finding finding) {
    return name_in(k_findings, finding);
}
std::optional<Finding> parse_finding(std::string_view name) {
    return parse_in(k_findings, name);
}

}  // namespace redress::domain
