#pragma once
// An office's work lists in SQLite, read from complaint_states' queue index
// (migrations/sqlite/0005_complaint_states.sql).

#include "domain/queue.hpp"
#include "storage/sqlite/read_pool.hpp"

namespace redress::storage::sqlite {

util::Expected<domain::QueuePage> read_queue(ReadContext& context, const domain::QueueQuery& query);

}  // namespace redress::storage::sqlite
