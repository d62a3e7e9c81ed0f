#pragma once
// The storage backend written once in SQL for every database: one writer thread that
// commits write jobs in groups (group_commit.hpp) and a pool of reading threads
// (read_pool.hpp), each with a connection of its own from the database.

#include <cstddef>
#include <memory>

#include "storage/backend.hpp"
#include "storage/sql/connection.hpp"
#include "storage/sql/database.hpp"
#include "util/error.hpp"

namespace redress::storage::sql {

struct StoreSettings {
    std::size_t max_batch = 1024;      // most write jobs committed in one transaction
    std::size_t read_connections = 8;  // connections (and threads) for reads
};

// The store over `database`, whose schema is current; `writer` becomes the writer thread's
// connection. Fails with invalid_input on a zero batch or pool size, or as the database
// does. Destroying the store commits everything queued and answers every queued read,
// calls their callbacks, then joins its threads.
util::Expected<std::unique_ptr<Backend>> open_store(std::unique_ptr<Database> database,
                                                    std::unique_ptr<Connection> writer,
                                                    const StoreSettings& settings);

}  // namespace redress::storage::sql
