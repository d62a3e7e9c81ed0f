#pragma once
// A complaint as staff see it, and triage decisions, in the database.

#include <optional>
#include <string>

#include "storage/casework.hpp"
#include "storage/sql/read_pool.hpp"
#include "storage/sql/write_job.hpp"

namespace redress::storage::sql {

util::Expected<std::optional<StaffComplaint>> read_staff_complaint(ReadContext& context,
                                                                   const std::string& reference);

util::Expected<domain::Status> insert_triage(WriteContext& context, const TriageRecord& record,
                                             const domain::AuditEvent& audit);

}  // namespace redress::storage::sql
