#pragma once
// Messages between an office and a complainant, in the database.

#include <cstdint>
#include <vector>

#include "storage/correspondence.hpp"
#include "storage/sql/statement_cache.hpp"
#include "storage/sql/write_job.hpp"

namespace redress::storage::sql {

// The complaint's messages, oldest first.
util::Expected<std::vector<StoredMessage>> read_messages(StatementCache& statements,
                                                         std::int64_t complaint_id);

util::Expected<std::int64_t> insert_staff_message(WriteContext& context,
                                                  const StaffMessageRecord& record,
                                                  const domain::AuditEvent& audit);
util::Expected<std::int64_t> insert_complainant_message(WriteContext& context,
                                                        const ComplainantMessageRecord& record,
                                                        const domain::AuditEvent& audit);

}  // namespace redress::storage::sql
