#pragma once
// Cases as storage keeps them (domain/case_file.hpp): the case file staff read, and each
// change written with its audit entry in one transaction. Texts (notes, closure, remedy)
// arrive sealed with the content key and leave sealed: storage never sees them in the clear.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/audit_event.hpp"
#include "domain/case_file.hpp"
#include "domain/complaint_status.hpp"
#include "domain/queue.hpp"
#include "domain/staff_member.hpp"
#include "storage/staff_directory.hpp"

namespace redress::storage {

using Sealed = std::vector<std::uint8_t>;

struct CaseNote {
    std::int64_t id = 0;
    domain::Timestamp at{};
    std::string author;  // "staff:<username>"
    Sealed sealed_text;
};

struct CaseTask {
    std::int64_t id = 0;
    domain::Timestamp at{};
    std::string author;  // "staff:<username>"
    Sealed sealed_title;
    std::string due_on;  // YYYY-MM-DD
    std::optional<domain::Timestamp> done_at;
    std::string done_by;  // "staff:<username>", once done
};

struct CaseClosure {
    domain::Timestamp at{};
    std::string author;
    Sealed sealed_text;
    Sealed sealed_remedy;
    std::string reconsider_until;  // YYYY-MM-DD, or empty when not offered
};

// A complaint joined in a case, as the case file lists it.
struct CaseComplaint {
    std::string reference;
    domain::Status status = domain::Status::investigating;
    std::vector<std::string> allegations;  // staff categories, else the filed ones
};

struct CaseFile {
    std::int64_t id = 0;
    std::string office_id;
    domain::Timestamp opened_at{};
    domain::CaseState state = domain::CaseState::open;
    std::optional<domain::StaffId> investigator_id;
    std::string investigator;                              // their user name, when assigned
    domain::Priority priority = domain::Priority::normal;  // the highest of its complaints'
    std::vector<CaseComplaint> complaints;                 // by reference
    std::vector<CaseNote> notes;                           // oldest first
    std::vector<CaseTask> tasks;                           // open ones first, by due day
    int findings_round = 0;                                // 0: none recorded yet
    std::vector<domain::AllegationFinding> findings;       // of the latest round
    std::optional<CaseClosure> closure;                    // the latest
    // Who is closed out of the case (domain/identity_access.hpp): the staff closed out of
    // any of its complaints, and the subject marks of all of them.
    std::vector<domain::StaffId> excluded_staff;
    std::vector<std::uint8_t> subject_marks;
};

// A case in a member's own list.
struct CaseSummary {
    std::int64_t id = 0;
    std::string office_id;
    domain::CaseState state = domain::CaseState::open;
    domain::Timestamp opened_at{};
    std::string first_reference;
};

inline constexpr std::size_t k_case_list_max = 200;

// Who changes a case, and when. Every change is refused (not_found) unless the case is
// `office_id`'s, so a decision made on a page read before a referral cannot land elsewhere.
struct CaseChange {
    std::int64_t case_id = 0;
    std::string office_id;
    domain::StaffId staff_id = 0;
    std::string actor;  // "staff:<username>"
    domain::Timestamp at{};
};

class CaseFiles {
  public:
    virtual ~CaseFiles() = default;

    // The case with this id; nullopt when there is none. On a reading thread.
    virtual void case_file(std::int64_t case_id, Done<std::optional<CaseFile>> done) = 0;

    // The open and recently changed cases assigned to `investigator`, newest first, at most
    // k_case_list_max. On a reading thread.
    virtual void assigned_cases(domain::StaffId investigator,
                                Done<std::vector<CaseSummary>> done) = 0;

    // Assigns the case; fails with conflict when it is closed.
    virtual void assign_case(CaseChange change, domain::StaffId investigator,
                             domain::AuditEvent audit, Done<domain::CaseState> done) = 0;

    // Appends a note; answers its id.
    virtual void add_note(CaseChange change, Sealed sealed_text, domain::AuditEvent audit,
                          Done<std::int64_t> done) = 0;

    // Adds a task; answers its id. Fails with conflict when the case is closed or holds
    // domain::k_tasks_per_case_max tasks.
    virtual void add_task(CaseChange change, Sealed sealed_title, std::string due_on,
                          domain::AuditEvent audit, Done<std::int64_t> done) = 0;

    // Marks the case's task done; answers its id. Fails with not_found when the case has no
    // such task, and conflict when it was done already.
    virtual void complete_task(CaseChange change, std::int64_t task_id, domain::AuditEvent audit,
                               Done<std::int64_t> done) = 0;

    // Records a round of findings and moves the case and its complaints to findings, with
    // the status event the complainants see. Fails with conflict unless the case is open.
    virtual void record_findings(CaseChange change, std::vector<domain::AllegationFinding> findings,
                                 domain::AuditEvent audit, Done<domain::CaseState> done) = 0;

    // Records the closure and closes the case and its complaints, the closure's day in the
    // status event. Fails with conflict unless the case has findings.
    virtual void close_case(CaseChange change, CaseClosure closure, domain::AuditEvent audit,
                            Done<domain::CaseState> done) = 0;
};

}  // namespace redress::storage
