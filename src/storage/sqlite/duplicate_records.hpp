#pragma once
// Possible duplicates of a complaint and joining a complaint into another's case, in SQLite.

#include <cstdint>
#include <vector>

#include "storage/casework.hpp"
#include "storage/sqlite/read_pool.hpp"
#include "storage/sqlite/write_job.hpp"

namespace redress::storage::sqlite {

util::Expected<std::vector<DuplicateCandidate>> read_possible_duplicates(ReadContext& context,
                                                                         std::int64_t complaint_id);

util::Expected<std::int64_t> insert_join(WriteContext& context, const JoinRecord& record,
                                         const domain::AuditEvent& audit);

util::Expected<std::vector<std::uint8_t>> read_sealed_people(ReadContext& context,
                                                             std::int64_t complaint_id);

}  // namespace redress::storage::sqlite
