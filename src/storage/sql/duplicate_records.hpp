#pragma once
// Possible duplicates of a complaint and joining a complaint into another's case, in the database.

#include <cstdint>
#include <string_view>
#include <vector>

#include "storage/casework.hpp"
#include "storage/sql/read_pool.hpp"
#include "storage/sql/write_job.hpp"

namespace redress::storage::sql {

util::Expected<std::vector<DuplicateCandidate>> read_possible_duplicates(ReadContext& context,
                                                                         std::int64_t complaint_id);

util::Expected<std::int64_t> insert_join(WriteContext& context, const JoinRecord& record,
                                         const domain::AuditEvent& audit);

// The queries of possible duplicates, with their parameters unbound: for the tests of their
// query plans, which must not depend on statistics the database does not keep.
std::string_view same_filing_query();
std::string_view same_incident_query();

util::Expected<std::vector<std::uint8_t>> read_sealed_people(ReadContext& context,
                                                             std::int64_t complaint_id);

}  // namespace redress::storage::sql
