#pragma once
// The embedded SQLite store: one writer thread committing filings in groups, and a pool of
// read-only connections for look-ups.

#include <cstddef>
#include <filesystem>
#include <memory>

#include "storage/backend.hpp"
#include "util/error.hpp"

namespace redress::storage::sqlite {

struct Settings {
    std::filesystem::path path;        // the database file; created (mode 0600) if absent
    std::size_t max_batch = 1024;      // most filings committed in one transaction
    std::size_t read_connections = 8;  // connections (and threads) for look-ups
    std::size_t read_map_bytes = 0;    // of the file, mapped once for every reader (mmap_size)
    // The writer's page cache: the index pages that filings insert into at random (incident
    // marks, references) stay in it instead of being read again from the file.
    std::size_t write_cache_bytes = std::size_t{64} << 20;
};

// Opens the database, creating it if absent, and applies pending migrations. Fails with
// invalid_input on an empty path or a zero batch or pool size; unavailable when the file
// cannot be opened or migrated, or cannot promise durable commits (WAL with
// synchronous=FULL); conflict when a newer schema is already there. Destroying the store
// commits everything queued and answers every queued look-up, calls their callbacks, then
// joins its threads.
util::Expected<std::unique_ptr<Backend>> open(const Settings& settings);

}  // namespace redress::storage::sqlite
