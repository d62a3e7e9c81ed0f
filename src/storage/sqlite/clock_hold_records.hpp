#pragma once
// A complaint's clocks paused and resumed (storage/casework.hpp, hold_clocks), in SQLite: each
// hold appended with its audit entry, and the holds read back for the clocks.

#include <cstdint>
#include <vector>

#include "storage/casework.hpp"
#include "storage/sqlite/statement_cache.hpp"
#include "storage/sqlite/write_job.hpp"

namespace redress::storage::sqlite {

util::Expected<std::vector<domain::ClockHold>> read_clock_holds(StatementCache& statements,
                                                                std::int64_t complaint_id);

util::Expected<bool> insert_clock_hold(WriteContext& context, const ClockHoldRecord& record,
                                       const domain::AuditEvent& audit);

}  // namespace redress::storage::sqlite
