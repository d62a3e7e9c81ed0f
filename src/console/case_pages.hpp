#pragma once
// The pages of case work: a member's own cases (/staff/cases), the case file
// (/staff/cases/{case}) with its complaints, investigator, staff-only notes, findings and
// closure, and the posts that change it (assignment, notes, findings, closure). A case a
// member may not read is answered exactly like a case that does not exist (404).

#include <optional>
#include <string>
#include <vector>

#include "console/staff_routes.hpp"
#include "console/staff_view.hpp"
#include "console/work_pages.hpp"
#include "domain/form_problem.hpp"
#include "staff/cases.hpp"

namespace redress::console {

class CasePages {
  public:
    // `work`, `cases` and `view` must outlive the routes.
    CasePages(const WorkPages& work, staff::Cases& cases, const StaffView& view)
        : m_work(work), m_cases(cases), m_view(view) {}

    void add_routes(StaffRoutes& routes);

  private:
    // A post refused for what it asked: the form it came from, shown again with its problems.
    struct Attempt {
        std::string form;  // "assignment", "note", "findings", "closure"
        const http::FormData* posted = nullptr;
        std::vector<domain::FormProblem> problems;
    };
    using Change = std::function<void(const Visit& visit, std::int64_t case_id,
                                      storage::Done<staff::CaseResult> done)>;

    void mine(Visit visit, http::Responder respond) const;
    void case_file(Visit visit, http::Responder respond) const;
    // Runs `change` for the case of the visit's path, then sends the member back to the
    // case (303), or shows it again with the refused attempt (422).
    void post(Visit visit, std::string form, Change change, http::Responder respond) const;
    // Reads the case (and, for a member who may assign it, the office's investigators) and
    // renders it.
    void show(std::shared_ptr<Visit> visit, std::int64_t case_id, int status,
              std::optional<Attempt> attempt, http::Responder respond) const;

    http::Response case_page(int status, const Visit& visit, const storage::CaseFile& file,
                             const std::vector<domain::StaffMember>& investigators,
                             const Attempt* attempt) const;
    http::Response failure(const util::Error& error) const;

    const WorkPages& m_work;
    staff::Cases& m_cases;
    const StaffView& m_view;
};

// The case id of a path parameter: digits only, no more than an id can be.
std::optional<std::int64_t> parse_case_id(std::string_view text);

}  // namespace redress::console
