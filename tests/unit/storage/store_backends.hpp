#pragma once
// The backends the storage suite runs against. Each gives the suite a way to open a store
// in a test's folder and to look at what was stored through a separate connection, so the
// same typed tests hold every backend to the same behaviour. A backend that cannot run
// here (no server to connect to) skips its tests with REDRESS_SKIP (support/skip.hpp).

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "storage/postgresql/connection.hpp"
#include "storage/postgresql/postgresql_store.hpp"
#include "storage/postgresql/schema.hpp"
#include "storage/sqlite/connection.hpp"
#include "storage/sqlite/durability.hpp"
#include "storage/sqlite/schema.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "storage/store.hpp"
#include "support/postgresql.hpp"
#include "support/skip.hpp"
#include "support/temp_folder.hpp"

namespace redress::testing {

// The office that break_office() makes fail.
inline constexpr std::string_view k_broken_office = "broken";

enum class Table { filings, filing_categories, subjects, complaints, status_events };

// What the suite reads through a connection of its own, on either backend: whether a
// reference is committed, and how many rows a table holds (-1 when it cannot tell).
inline bool visible(storage::sql::Connection& connection, std::string_view reference) {
    auto statement = connection.prepare("SELECT 1 FROM complaints WHERE reference = ?1");
    if (!statement) return false;
    (*statement)->bind(1, reference);
    auto row = (*statement)->step();
    return row && *row;
}

inline std::int64_t count_rows(storage::sql::Connection& connection, Table table) {
    const auto sql = [table]() -> std::string_view {
        switch (table) {
            case Table::filings:
                return "SELECT count(*) FROM filings";
            case Table::filing_categories:
                return "SELECT count(*) FROM filing_categories";
            case Table::subjects:
                return "SELECT count(*) FROM subjects";
            case Table::complaints:
                return "SELECT count(*) FROM complaints";
            case Table::status_events:
                return "SELECT count(*) FROM status_events";
        }
        return "";
    }();
    auto statement = connection.prepare(sql);
    if (!statement) return -1;
    auto row = (*statement)->step();
    return row && *row ? (*statement)->column_int(0) : -1;
}

class SqliteBackend {
  public:
    explicit SqliteBackend(const std::filesystem::path& folder)
        : m_path(folder / "redress.sqlite3") {}

    static bool available() { return true; }

    util::Expected<std::unique_ptr<storage::Store>> open(std::size_t max_batch = 1024) const {
        return storage::sqlite::open({.path = m_path,
                                      .max_batch = max_batch,
                                      .read_connections = 2,
                                      .read_map_bytes = 64 << 20});
    }

    // Whether a connection of its own sees this reference committed.
    bool visible_elsewhere(std::string_view reference) const {
        return visible(*inspect(), reference);
    }

    std::int64_t count(Table table) const { return count_rows(*inspect(), table); }

    // From now on every write of a complaint for the office k_broken_office fails inside
    // the transaction, as a full disk or a broken constraint would.
    void break_office() const {
        auto connection = inspect();
        auto made = connection->execute(
            "CREATE TRIGGER break_office BEFORE INSERT ON complaints "
            "WHEN NEW.office_id = 'broken' BEGIN SELECT RAISE(ABORT, 'injected failure'); END;");
        EXPECT_TRUE(made) << made.error().message;
    }

    const std::filesystem::path& path() const { return m_path; }

    // A connection that writes, to the database with redress's schema, as a store's writer
    // has; for what the suite runs below the store (storage/sql/group_commit.hpp).
    std::unique_ptr<storage::sql::Connection> writer() const {
        auto connection =
            storage::sqlite::Connection::open(m_path, storage::sqlite::Access::read_write);
        if (!connection) throw std::runtime_error(connection.error().message);
        auto durable = storage::sqlite::require_durability(**connection);
        if (!durable) throw std::runtime_error(durable.error().message);
        auto migrated = storage::sql::apply_migrations(
            **connection, storage::sqlite::k_create_ledger, storage::sqlite::embedded_migrations());
        if (!migrated) throw std::runtime_error(migrated.error().message);
        return std::move(*connection);
    }

    // A connection of its own, to look at what was stored.
    std::unique_ptr<storage::sql::Connection> inspect() const {
        auto connection =
            storage::sqlite::Connection::open(m_path, storage::sqlite::Access::read_write);
        if (!connection) throw std::runtime_error(connection.error().message);
        return std::move(*connection);
    }

  private:
    std::filesystem::path m_path;
};

// A database of its own on the PostgreSQL server the tests were given
// (REDRESS_TEST_POSTGRESQL); unavailable without one.
class PostgresqlBackend {
  public:
    explicit PostgresqlBackend(const std::filesystem::path&) {
        if (available()) m_database.emplace();
    }

    static bool available() { return PostgresqlDatabase::available(); }

    util::Expected<std::unique_ptr<storage::Store>> open(std::size_t max_batch = 1024) const {
        return storage::postgresql::open(
            {.url = m_database->url(), .max_batch = max_batch, .read_connections = 2});
    }

    bool visible_elsewhere(std::string_view reference) const {
        return visible(*inspect(), reference);
    }

    std::int64_t count(Table table) const { return count_rows(*inspect(), table); }

    void break_office() const {
        auto connection = inspect();
        auto made = connection->execute(R"sql(
CREATE FUNCTION break_office() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.office_id = 'broken' THEN RAISE EXCEPTION 'injected failure'; END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER break_office BEFORE INSERT ON complaints
    FOR EACH ROW EXECUTE FUNCTION break_office();
)sql");
        EXPECT_TRUE(made) << made.error().message;
    }

    std::unique_ptr<storage::sql::Connection> writer() const {
        auto connection = inspect();
        auto migrated =
            storage::sql::apply_migrations(*connection, storage::postgresql::k_create_ledger,
                                           storage::postgresql::embedded_migrations());
        if (!migrated) throw std::runtime_error(migrated.error().message);
        return connection;
    }

    std::unique_ptr<storage::sql::Connection> inspect() const {
        auto connection =
            storage::postgresql::connect(m_database->url(), storage::sql::Access::read_write);
        if (!connection) throw std::runtime_error(connection.error().message);
        return std::move(*connection);
    }

  private:
    std::optional<PostgresqlDatabase> m_database;
};

// Every backend the suite runs against.
using StoreBackends = ::testing::Types<SqliteBackend, PostgresqlBackend>;

template <typename Backend>
class StoreTest : public ::testing::Test {
  protected:
    void SetUp() override {
        if (!Backend::available()) REDRESS_SKIP() << "backend not available here";
    }

    std::unique_ptr<storage::Store> open_store(std::size_t max_batch = 1024) {
        auto store = m_backend.open(max_batch);
        EXPECT_TRUE(store) << store.error().message;
        return store ? std::move(*store) : nullptr;
    }

    TempFolder m_folder;
    Backend m_backend{m_folder.path()};
};

}  // namespace redress::testing
