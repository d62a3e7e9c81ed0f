#pragma once
// A complaint's clocks paused and resumed (storage/casework.hpp, hold_clocks), in the database:
// each hold appended with its audit entry, and the holds read back for the clocks.

#include <cstdint>
#include <vector>

#include "storage/casework.hpp"
#include "storage/sql/statement_cache.hpp"
#include "storage/sql/write_job.hpp"

namespace redress::storage::sql {

util::Expected<std::vector<domain::ClockHold>> read_clock_holds(StatementCache& statements,
                                                                std::int64_t complaint_id);

util::Expected<bool> insert_clock_hold(WriteContext& context, const ClockHoldRecord& record,
                                       const domain::AuditEvent& audit);

}  // namespace redress::storage::sql
