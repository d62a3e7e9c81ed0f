#pragma once
// Cases in the database: opening one when triage accepts a complaint, the case file, a member's
// cases, and each change to a case with its audit entry.

#include <cstdint>
#include <optional>
#include <vector>

#include "storage/case_files.hpp"
#include "storage/sql/read_pool.hpp"
#include "storage/sql/write_job.hpp"

namespace redress::storage::sql {

// Opens a case of `office_id` for the complaint, inside the triage's write job.
util::Expected<std::int64_t> open_case(WriteContext& context, std::int64_t complaint_id,
                                       const std::string& office_id, domain::StaffId staff_id,
                                       domain::Timestamp at);

util::Expected<std::optional<CaseFile>> read_case_file(ReadContext& context, std::int64_t case_id);
util::Expected<std::vector<CaseSummary>> read_assigned_cases(ReadContext& context,
                                                             domain::StaffId investigator);

util::Expected<domain::CaseState> update_assignment(WriteContext& context, const CaseChange& change,
                                                    domain::StaffId investigator,
                                                    const domain::AuditEvent& audit);
util::Expected<std::int64_t> insert_note(WriteContext& context, const CaseChange& change,
                                         const Sealed& sealed_text,
                                         const domain::AuditEvent& audit);
util::Expected<std::int64_t> insert_task(WriteContext& context, const CaseChange& change,
                                         const Sealed& sealed_title, const std::string& due_on,
                                         const domain::AuditEvent& audit);
util::Expected<std::int64_t> update_task_done(WriteContext& context, const CaseChange& change,
                                              std::int64_t task_id,
                                              const domain::AuditEvent& audit);
util::Expected<domain::CaseState> insert_findings(
    WriteContext& context, const CaseChange& change,
    const std::vector<domain::AllegationFinding>& findings, const domain::AuditEvent& audit);
util::Expected<domain::CaseState> insert_closure(WriteContext& context, const CaseChange& change,
                                                 const CaseClosure& closure,
                                                 const domain::AuditEvent& audit);

// Reopens a closed case for reconsideration of `complaint_id`, moving its complaints back to
// investigating with `note` in their status events, inside a write job.
util::Expected<void> reopen_case(WriteContext& context, std::int64_t case_id, domain::Timestamp at,
                                 std::string_view note);

}  // namespace redress::storage::sql
