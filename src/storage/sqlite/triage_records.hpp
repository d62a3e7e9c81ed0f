#pragma once
// A complaint as staff see it, and triage decisions, in SQLite.

#include <optional>
#include <string>

#include "storage/casework.hpp"
#include "storage/sqlite/read_pool.hpp"
#include "storage/sqlite/write_job.hpp"

namespace redress::storage::sqlite {

util::Expected<std::optional<StaffComplaint>> read_staff_complaint(ReadContext& context,
                                                                   const std::string& reference);

util::Expected<domain::Status> insert_triage(WriteContext& context, const TriageRecord& record,
                                             const domain::AuditEvent& audit);

}  // namespace redress::storage::sqlite
