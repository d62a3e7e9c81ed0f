#pragma once
// The database the configuration names (storage.database), opened for one command: the
// embedded SQLite file, or a PostgreSQL server shared by several nodes.

#include <cstddef>
#include <memory>
#include <string>

#include "config/config.hpp"
#include "storage/backend.hpp"
#include "util/error.hpp"

namespace redress::cli {

// `read_connections`: the reading threads the command needs (serve: one per core, or the
// setting; a one-off command: 1).
util::Expected<std::unique_ptr<storage::Backend>> open_database(const config::Config& config,
                                                                std::size_t read_connections);

// The database as messages name it: the SQLite file, or the PostgreSQL URL without its
// password.
std::string database_name(const config::Config& config);

}  // namespace redress::cli
