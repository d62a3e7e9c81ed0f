#pragma once
// Background work's leases in the database (storage/background_leases.hpp;
// migrations/sqlite/0020_background_leases.sql), written by write jobs.

#include <string>

#include "domain/calendar.hpp"
#include "storage/sql/write_job.hpp"

namespace redress::storage::sql {

// Whether `node` holds the lease of `job` (until `until`) once this write commits.
util::Expected<bool> hold_lease(WriteContext& context, const std::string& job,
                                const std::string& node, domain::Timestamp now,
                                domain::Timestamp until);

util::Expected<void> release_lease(WriteContext& context, const std::string& job,
                                   const std::string& node);

}  // namespace redress::storage::sql
