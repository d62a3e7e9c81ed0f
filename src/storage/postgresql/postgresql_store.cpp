#include "storage/postgresql/postgresql_store.hpp"

#include "storage/postgresql/connection.hpp"
#include "storage/postgresql/durability.hpp"
#include "storage/postgresql/schema.hpp"
#include "storage/sql/sql_store.hpp"

namespace redress::storage::postgresql {

namespace {

// The server, as the store's threads connect to it.
class PostgresqlDatabase final : public sql::Database {
  public:
    explicit PostgresqlDatabase(std::string url) : m_url(std::move(url)) {}

    util::Expected<std::unique_ptr<sql::Connection>> connect(sql::Access access) override {
        return postgresql::connect(m_url, access);
    }

    // An UPDATE leaves the old row version in the table until VACUUM reclaims its space;
    // VACUUM cannot run inside the transaction, so it runs after it, on the tables whose
    // clear text was overwritten.
    util::Expected<void> begin_erasing(sql::Connection&) override { return {}; }
    util::Expected<void> finish_erasing(sql::Connection& connection) override {
        return connection.execute("VACUUM filings, subjects");
    }

  private:
    std::string m_url;
};

}  // namespace

util::Expected<std::unique_ptr<Backend>> open(const Settings& settings) {
    if (settings.max_batch == 0 || settings.read_connections == 0) {
        return util::fail(util::ErrorCode::invalid_input,
                          "postgresql max_batch and read_connections must be at least 1");
    }
    auto database = std::make_unique<PostgresqlDatabase>(settings.url);
    auto writer = database->connect(sql::Access::read_write);
    if (!writer) return std::unexpected(writer.error());
    if (auto durable = require_durability(**writer); !durable) {
        return std::unexpected(durable.error());
    }
    if (auto migrated = sql::apply_migrations(**writer, k_create_ledger, embedded_migrations());
        !migrated) {
        return std::unexpected(migrated.error());
    }
    return sql::open_store(
        std::move(database), std::move(*writer),
        {.max_batch = settings.max_batch, .read_connections = settings.read_connections});
}

}  // namespace redress::storage::postgresql
