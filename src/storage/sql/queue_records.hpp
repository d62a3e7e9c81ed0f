#pragma once
// An office's work lists in the database, read from complaint_states' queue index
// (migrations/sqlite/0005_complaint_states.sql).

#include "domain/queue.hpp"
#include "storage/sql/read_pool.hpp"

namespace redress::storage::sql {

// Binds the member reading a list to ?20 (their id) and ?21 (their name's mark, NULL when
// none), which every list's statements use to leave out complaints closed to them.
void bind_reader(Statement& statement, domain::StaffId reader, const domain::NameMark& mark);

util::Expected<domain::QueuePage> read_queue(ReadContext& context, const domain::QueueQuery& query);

}  // namespace redress::storage::sql
