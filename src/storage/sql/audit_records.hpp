#pragma once
// The audit trail in the database, read by reading threads; entries are appended by
// AuditWriter inside write jobs.

#include <vector>

#include "storage/audit_trail.hpp"
#include "storage/sql/read_pool.hpp"
#include "storage/sql/write_job.hpp"

namespace redress::storage::sql {

util::Expected<std::vector<domain::AuditEntry>> read_audit_entries(ReadContext& context,
                                                                   std::int64_t after,
                                                                   std::size_t max);
util::Expected<domain::AuditEntry> read_audit_head(ReadContext& context);

util::Expected<std::int64_t> insert_checkpoint(WriteContext& context,
                                               const AuditCheckpoint& checkpoint);
util::Expected<std::vector<AuditCheckpoint>> read_checkpoints(ReadContext& context);

}  // namespace redress::storage::sql
