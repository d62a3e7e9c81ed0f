#pragma once
// Complaints a member of staff entered for a caller or writer (phone, mail), in the database: who
// took it and when the office was contacted, written with the filing in its transaction,
// with one audit entry `complaint.entered` per complaint; and read back for its page.

#include <cstdint>
#include <optional>
#include <vector>

#include "domain/received_filing.hpp"
#include "storage/casework.hpp"
#include "storage/sql/statement_cache.hpp"
#include "storage/sql/write_job.hpp"

namespace redress::storage::sql {

// Writes `filing.staff_entry` (which must be set) for each of `complaints`, just written.
util::Expected<void> write_staff_entry(WriteContext& context, const domain::ReceivedFiling& filing,
                                       const std::vector<domain::FiledComplaint>& complaints);

// Who entered the complaint and when it was contacted; nullopt when no member entered it.
util::Expected<std::optional<StaffComplaint::Entry>> read_staff_entry(StatementCache& statements,
                                                                      std::int64_t complaint_id);

}  // namespace redress::storage::sql
