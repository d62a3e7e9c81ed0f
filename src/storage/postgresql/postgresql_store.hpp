#pragma once
// The store on a PostgreSQL server, shared by every redress node of a deployment: each node
// has one writer connection committing write jobs in groups, taking turns with the other
// nodes' writers (storage/sql/connection.hpp, begin_writing), and connections for its reading
// threads.

#include <cstddef>
#include <memory>
#include <string>

#include "storage/backend.hpp"
#include "util/error.hpp"

namespace redress::storage::postgresql {

struct Settings {
    std::string url;                   // postgresql://user[:password]@host:port/name
    std::size_t max_batch = 1024;      // most write jobs committed in one transaction
    std::size_t read_connections = 4;  // connections (and threads) for reads, per node
};

// Connects, refuses a server whose settings could lose a committed complaint (fsync,
// synchronous_commit or full_page_writes off), and applies pending migrations (nodes starting
// together take turns). Fails with unavailable when the server cannot be reached or is
// refused, conflict when a newer schema is already there.
util::Expected<std::unique_ptr<Backend>> open(const Settings& settings);

}  // namespace redress::storage::postgresql
