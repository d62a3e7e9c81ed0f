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

// The evidence rows waiting in `batches` (row_batches.hpp), for the filing's own write and
// files added later; the first call decides their place in the order batches are written.
RowBatch& evidence_rows(RowBatches& batches);
// Adds the rows of `files` for the filing `filing_id`; written with the batch.
void add_evidence_rows(RowBatch& rows, std::int64_t filing_id,
                       const std::vector<domain::Evidence>& files);

util::Expected<bool> add_evidence(WriteContext& context, std::int64_t complaint_id,
                                  const std::vector<domain::Evidence>& files,
                                  const domain::EvidenceLimits& limits,
                                  const domain::AuditEvent& audit);

}  // namespace redress::storage::sql
