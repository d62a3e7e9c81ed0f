#include "domain/case_file.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <utility>

#include "domain/name_table.hpp"

namespace redress::domain {

namespace {

constexpr std::array k_states{
    std::pair{CaseState::open, std::string_view("open")},
    std::pair{CaseState::findings, std::string_view("findings")},
    std::pair{CaseState::closed, std::string_view("closed")},
};

}  // namespace

std::string_view case_state_name(CaseState state) {
    return name_in(k_states, state);
}
std::optional<CaseState> parse_case_state(std::string_view name) {
    return parse_in(k_states, name);
}

std::vector<FormProblem> check_note(std::string_view text) {
    std::vector<FormProblem> problems;
    check_staff_text(problems, "text", text, k_longest_note, true);
    return problems;
}

std::vector<FormProblem> check_task(std::string_view title, std::string_view due, Date today) {
    std::vector<FormProblem> problems;
    check_staff_text(problems, "title", title, k_longest_task, true);
    if (due.empty()) {
        problems.push_back({"due", "required"});
    } else if (const auto day = parse_iso_date(due); !day) {
        problems.push_back({"due", "invalid_date"});
    } else if (std::chrono::sys_days(*day) < std::chrono::sys_days(today)) {
        problems.push_back({"due", "in_the_past"});
    } else if (std::chrono::sys_days(*day) >
               std::chrono::sys_days(today) + std::chrono::days(3650)) {
        problems.push_back({"due", "too_far"});
    }
    return problems;
}

std::vector<FormProblem> check_findings(const std::vector<AllegationFinding>& findings,
                                        const std::vector<std::string>& allegations,
                                        CaseState state) {
    std::vector<FormProblem> problems;
    if (state != CaseState::open) problems.push_back({"findings", "not_open"});
    const std::set<std::string_view> wanted(allegations.begin(), allegations.end());
    std::set<std::string_view> seen;
    for (const auto& each : findings) {
        if (!wanted.contains(each.category)) {
            problems.push_back({"findings", "unknown_allegation"});
        } else if (!seen.insert(each.category).second) {
            problems.push_back({"findings", "duplicate"});
        }
    }
    if (seen.size() < wanted.size()) {
        problems.push_back({"findings", "missing"});
    }
    return problems;
}

std::vector<FormProblem> check_closure(const Closure& closure, CaseState state) {
    std::vector<FormProblem> problems;
    if (state == CaseState::open) problems.push_back({"closure", "no_findings"});
    if (state == CaseState::closed) problems.push_back({"closure", "closed"});
    check_staff_text(problems, "text", closure.text, k_longest_closure, true);
    check_staff_text(problems, "remedy", closure.remedy, k_longest_remedy, false);
    return problems;
}

}  // namespace redress::domain
