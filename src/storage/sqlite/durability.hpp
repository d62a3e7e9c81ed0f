#pragma once
// The settings that make a commit durable, checked rather than assumed: a database that
// cannot promise durability is refused (QUALITY.md, "Durability").

#include <filesystem>

#include "storage/sqlite/connection.hpp"
#include "util/error.hpp"

namespace redress::storage::sqlite {

// Creates the database file if absent, readable and writable by its owner only, and
// tightens the mode of an existing file and its -wal and -shm companions to 0600.
util::Expected<void> prepare_database_file(const std::filesystem::path& path);

// Sets journal_mode=WAL, synchronous=FULL and foreign_keys=ON on the writing connection,
// then reads them back; fails (unavailable) when either durability setting did not take,
// for example on an in-memory database or a file system without shared memory.
util::Expected<void> require_durability(Connection& connection);

}  // namespace redress::storage::sqlite
