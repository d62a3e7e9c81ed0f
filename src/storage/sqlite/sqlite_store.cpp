#include "storage/sqlite/sqlite_store.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "storage/sql/sql_store.hpp"
#include "storage/sqlite/connection.hpp"
#include "storage/sqlite/durability.hpp"
#include "storage/sqlite/schema.hpp"

namespace redress::storage::sqlite {

namespace {

// Moves every page of the -wal journal into the database file and truncates the journal.
// The checkpoint answers (busy, frames in the journal, frames moved); busy means a reader
// elsewhere still held an older snapshot when the busy timeout ran out, so the journal was
// not emptied: a failure, since what it holds may be text being erased.
util::Expected<void> empty_journal(sql::Connection& connection, const std::filesystem::path& path) {
    auto checkpoint = connection.prepare("PRAGMA wal_checkpoint(TRUNCATE)");
    if (!checkpoint) return std::unexpected(checkpoint.error());
    auto row = (*checkpoint)->step();
    if (!row) return std::unexpected(row.error());
    const bool busy = *row && (*checkpoint)->column_int(0) != 0;
    (*checkpoint)->reset();
    if (busy) {
        return util::fail(util::ErrorCode::unavailable,
                          fmt::format("could not empty the journal {}-wal: another process is "
                                      "reading the database; stop it and start again",
                                      path.string()));
    }
    return {};
}

// The database file, as the store's threads open it.
class SqliteDatabase final : public sql::Database {
  public:
    SqliteDatabase(std::filesystem::path path, std::size_t read_map_bytes)
        : m_path(std::move(path)), m_read_map_bytes(read_map_bytes) {}

    util::Expected<std::unique_ptr<sql::Connection>> connect(Access access) override {
        auto connection = Connection::open(m_path, access);
        if (!connection) return std::unexpected(connection.error());
        if (access == Access::read_only) {
            // Readers share the operating system's page cache through one mapping of the file
            // (mapped_reads.hpp, past the 2 GiB SQLite would map) instead of each copying
            // pages into a private cache of its own; pages past the mapping are read.
            if (auto mapped =
                    (*connection)->execute(fmt::format("PRAGMA mmap_size = {}", m_read_map_bytes));
                !mapped) {
                return std::unexpected(mapped.error());
            }
        }
        return std::unique_ptr<sql::Connection>(std::move(*connection));
    }

    util::Expected<void> begin_erasing(sql::Connection& connection) override {
        // Freed pages are overwritten with zeros. The journal is emptied first, so that a
        // reader that would keep it from being emptied afterwards is found before anything
        // is overwritten.
        if (auto zeroing = connection.execute("PRAGMA secure_delete = ON"); !zeroing) {
            return zeroing;
        }
        return empty_journal(connection, m_path);
    }

    util::Expected<void> finish_erasing(sql::Connection& connection) override {
        // Moves the overwritten pages into the database file and empties the journal.
        return empty_journal(connection, m_path);
    }

  private:
    std::filesystem::path m_path;
    std::size_t m_read_map_bytes;
};

}  // namespace

util::Expected<std::unique_ptr<Backend>> open(const Settings& settings) {
    if (settings.max_batch == 0 || settings.read_connections == 0) {
        return util::fail(util::ErrorCode::invalid_input,
                          "sqlite max_batch and read_connections must be at least 1");
    }
    // Absolute, so that SQLite (built to accept URIs) can never read the path as "file:..."
    // or ":memory:".
    std::error_code error;
    const auto path = std::filesystem::absolute(settings.path, error);
    if (error || settings.path.empty()) {
        return util::fail(util::ErrorCode::invalid_input, "sqlite path is not usable");
    }
    if (auto prepared = prepare_database_file(path); !prepared) {
        return std::unexpected(prepared.error());
    }
    auto connection = Connection::open(path, Access::read_write);
    if (!connection) return std::unexpected(connection.error());
    if (auto durable = require_durability(**connection); !durable) {
        return std::unexpected(durable.error());
    }
    if (auto migrated = sql::apply_migrations(**connection, k_create_ledger, embedded_migrations());
        !migrated) {
        return std::unexpected(migrated.error());
    }
    // In KiB, negative: SQLite's way of giving the cache's size in memory rather than pages.
    if (auto cache =
            (*connection)
                ->execute(fmt::format("PRAGMA cache_size = -{}",
                                      std::max<std::size_t>(settings.write_cache_bytes >> 10, 1)));
        !cache) {
        return std::unexpected(cache.error());
    }
    // Each job's savepoint keeps the pages it changes in a journal of its own; in memory
    // rather than a temporary file, since it is dropped when the job ends.
    if (auto memory = (*connection)->execute("PRAGMA temp_store = MEMORY"); !memory) {
        return std::unexpected(memory.error());
    }
    return sql::open_store(
        std::make_unique<SqliteDatabase>(path, settings.read_map_bytes), std::move(*connection),
        {.max_batch = settings.max_batch, .read_connections = settings.read_connections});
}

}  // namespace redress::storage::sqlite
