#pragma once
// Evidence records in the database (storage/evidence_store.hpp;
// migrations/sqlite/0016_evidence.sql).

#include <string>
#include <vector>

#include "domain/audit_event.hpp"
#include "domain/evidence.hpp"
#include "storage/sql/read_pool.hpp"
#include "storage/sql/statement_cache.hpp"
#include "storage/sql/write_job.hpp"

namespace redress::storage::sql {

util::Expected<std::vector<domain::Evidence>> read_evidence(ReadContext& context,
                                                            const std::string& reference);

// The rows of `files` for the filing `filing_id`, with `insert` prepared from
// insert_evidence_query() (the filing's own write, and files added later).
util::Expected<void> insert_evidence(Statement& insert, std::int64_t filing_id,
                                     const std::vector<domain::Evidence>& files);
std::string_view insert_evidence_query();

util::Expected<bool> add_evidence(WriteContext& context, std::int64_t complaint_id,
                                  const std::vector<domain::Evidence>& files,
                                  const domain::EvidenceLimits& limits,
                                  const domain::AuditEvent& audit);

}  // namespace redress::storage::sql
