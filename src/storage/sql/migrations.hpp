#pragma once
// The schema as numbered .sql files, one folder per database (migrations/sqlite/,
// migrations/postgresql/, NNNN_name.sql), compiled into the binary so that it needs no path at
// run time (embed_migrations.cmake), and applied in order at start-up.

#include <span>
#include <string_view>

#include "storage/sql/connection.hpp"
#include "util/error.hpp"

namespace redress::storage::sql {

struct Migration {
    int version = 0;        // the file's number; strictly increasing
    std::string_view name;  // the rest of the file name, e.g. "initial"
    std::string_view sql;   // the whole file
};

// Applies each migration not yet recorded in schema_migrations (made by `create_ledger` when
// absent), in order, one write transaction each (so that processes starting together take
// turns), and records it with the time it was applied. Fails, changing nothing more, on the
// first migration that fails, on a list out of order, or on a database that already has a
// version this list does not know (a newer redress wrote it). Returns how many it applied.
util::Expected<int> apply_migrations(Connection& connection, std::string_view create_ledger,
                                     std::span<const Migration> migrations);

}  // namespace redress::storage::sql
