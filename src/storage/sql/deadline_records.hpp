#pragma once
// Each complaint's next deadline in the database (storage/deadlines.hpp): complaint_states'
// due_at, worked out again for the complaints that triggers marked (clocks_moved), and the
// overdue ones read from its index (migrations/sqlite/0014_deadlines.sql).

#include <cstddef>
#include <string>

#include "storage/deadlines.hpp"
#include "storage/sql/read_pool.hpp"
#include "storage/sql/write_job.hpp"

namespace redress::storage::sql {

util::Expected<std::size_t> refresh_deadlines(WriteContext& context, const DeadlineRule& rule,
                                              std::size_t limit);

util::Expected<bool> adopt_deadline_rules(WriteContext& context, const std::string& rules);

util::Expected<domain::OverduePage> read_overdue(ReadContext& context,
                                                 const domain::OverdueQuery& query);

// The overdue list's two statements (the cursor's deadline, then later ones), for tests of
// their query plans, which must not depend on statistics the database does not keep.
std::string_view same_deadline_query();
std::string_view later_deadlines_query();

}  // namespace redress::storage::sql
