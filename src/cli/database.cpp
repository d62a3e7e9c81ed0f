#include "cli/database.hpp"

#include "storage/postgresql/connection.hpp"
#include "storage/postgresql/postgresql_store.hpp"
#include "storage/sqlite/sqlite_store.hpp"

namespace redress::cli {

namespace {

bool is_postgresql(const config::Config& config) {
    return config.storage.database != "sqlite";
}

}  // namespace

util::Expected<std::unique_ptr<storage::Backend>> open_database(const config::Config& config,
                                                                std::size_t read_connections) {
    const auto& storage = config.storage;
    if (is_postgresql(config)) {
        return storage::postgresql::open({.url = storage.database,
                                          .max_batch = storage.max_batch,
                                          .read_connections = read_connections});
    }
    return storage::sqlite::open({.path = storage.sqlite_path,
                                  .max_batch = storage.max_batch,
                                  .read_connections = read_connections,
                                  .read_map_bytes = storage.read_map_mib << 20,
                                  .write_cache_bytes = storage.write_cache_mib << 20});
}

std::string database_name(const config::Config& config) {
    if (!is_postgresql(config)) return config.storage.sqlite_path.string();
    return storage::postgresql::redacted_url(config.storage.database);
}

}  // namespace redress::cli
