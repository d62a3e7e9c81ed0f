#pragma once
// The schema as numbered .sql files (migrations/sqlite/NNNN_name.sql), compiled into the
// library so the binary needs no path at run time, and applied in order at start-up.

#include <span>
#include <string_view>

#include "storage/sqlite/connection.hpp"
#include "util/error.hpp"

namespace redress::storage::sqlite {

struct Migration {
    int version = 0;        // the file's number; strictly increasing
    std::string_view name;  // the rest of the file name, e.g. "initial"
    std::string_view sql;   // the whole file
};

// Every migration built into this binary, in version order (generated at build time).
std::span<const Migration> embedded_migrations();

// Applies each migration not yet recorded in schema_migrations, in order, one transaction
// each, and records it with the time it was applied. Fails, changing nothing more, on the
// first migration that fails, on a list out of order, or on a database that already has a
// version this list does not know (a newer redress wrote it). Returns how many it applied.
util::Expected<int> apply_migrations(Connection& connection, std::span<const Migration> migrations);

}  // namespace redress::storage::sqlite
