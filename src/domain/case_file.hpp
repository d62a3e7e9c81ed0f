#pragma once
// A case: the unit of work an office handles once it accepted a complaint at triage. It is
// assigned to an investigator, gathers staff-only notes, then findings per allegation,
// then a closure in plain words with the remedy or action taken, where there is one. After
// closure the complainant may ask for reconsideration within the office's window, which
// reopens the case.
//
//   open --findings--> findings --close--> closed --reconsideration--> open

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/calendar.hpp"
#include "domain/finding.hpp"
#include "domain/form_problem.hpp"

namespace redress::domain {

enum class CaseState { open, findings, closed };
std::string_view case_state_name(CaseState state);  // as stored: "open", ...
std::optional<CaseState> parse_case_state(std::string_view name);

inline constexpr std::size_t k_longest_note = 8000;     // code points
inline constexpr std::size_t k_longest_closure = 8000;  // code points
inline constexpr std::size_t k_longest_remedy = 2000;   // code points

// Every problem with a note ("text": "required", "unusable_text").
std::vector<FormProblem> check_note(std::string_view text);

// A task on a case: something to do, by a day, done once.
inline constexpr std::size_t k_longest_task = 500;        // code points
inline constexpr std::size_t k_tasks_per_case_max = 200;  // open or done

// Every problem with a task to add ("title": "required", "unusable_text"; "due": "required",
// "invalid_date", "in_the_past" (before `today`), "too_far" (more than ten years on)).
std::vector<FormProblem> check_task(std::string_view title, std::string_view due, Date today);

// Every problem with the findings for a case in `state` whose allegations are
// `allegations` (category ids): one finding for each allegation, no other, and the case
// still open ("findings": "not_open", "missing", "unknown_allegation", "duplicate").
std::vector<FormProblem> check_findings(const std::vector<AllegationFinding>& findings,
                                        const std::vector<std::string>& allegations,
                                        CaseState state);

// What the complainant is told at closure, in plain words, and what was done.
struct Closure {
    std::string text;
    std::string remedy;  // may be empty: no remedy or action
};

// Every problem with closing a case now in `state` ("closure": "no_findings", "closed";
// "text": "required", "unusable_text"; "remedy": "unusable_text").
std::vector<FormProblem> check_closure(const Closure& closure, CaseState state);

}  // namespace redress::domain
