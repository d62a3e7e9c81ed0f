#pragma once
// Moving a deployment that outgrew SQLite onto PostgreSQL (`redress migrate-db`): every
// table of the SQLite file copied, row for row, into an empty PostgreSQL database of the
// same schema, in one transaction on PostgreSQL, so that a move that fails leaves nothing
// behind; then every table counted on both sides.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "util/error.hpp"

namespace redress::storage::move {

struct TableMoved {
    std::string table;
    std::int64_t rows = 0;  // in the SQLite file, and found again in PostgreSQL
};

// Called after each table is copied, for a command to show its progress.
using MoveProgress = std::function<void(const TableMoved& table)>;

// Copies the SQLite database `from` into the PostgreSQL database `to`, both already at this
// build's newest schema (open each with its store first). Rows keep their ids; the triggers
// that write other tables (a status event queueing a mail) are held off during the copy,
// since what they would write is copied too; identity counters continue after the copied
// ids. Refuses (conflict) a target that holds any row. Fails, copying nothing, when a count
// differs afterwards or a table of one side is missing on the other.
util::Expected<std::vector<TableMoved>> move_sqlite_to_postgresql(const std::filesystem::path& from,
                                                                  const std::string& to,
                                                                  const MoveProgress& progress);

}  // namespace redress::storage::move
