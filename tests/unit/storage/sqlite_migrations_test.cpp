// The numbered schema files: built in, applied once each, in order, and recorded.

#include <gtest/gtest.h>

#include <vector>

#include "storage/sqlite/connection.hpp"
#include "storage/sqlite/migrations.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "support/temp_folder.hpp"

namespace redress::testing {
namespace {

using storage::sqlite::Access;
using storage::sqlite::apply_migrations;
using storage::sqlite::Connection;
using storage::sqlite::embedded_migrations;
using storage::sqlite::Migration;

class SqliteMigrationsTest : public ::testing::Test {
  protected:
    Connection connect() {
        auto connection = Connection::open(m_path, Access::read_write);
        if (!connection) throw std::runtime_error(connection.error().message);
        return std::move(*connection);
    }

    TempFolder m_folder;
    std::filesystem::path m_path = m_folder.path() / "redress.sqlite3";
};

TEST_F(SqliteMigrationsTest, BuiltInMigrationsStartAtOneAndIncrease) {
    const auto migrations = embedded_migrations();

    ASSERT_FALSE(migrations.empty());
    EXPECT_EQ(migrations.front().version, 1);
    EXPECT_EQ(migrations.front().name, "initial");
    EXPECT_NE(migrations.front().sql.find("CREATE TABLE complaints"), std::string_view::npos);
    for (std::size_t i = 1; i < migrations.size(); ++i) {
        EXPECT_GT(migrations[i].version, migrations[i - 1].version);
    }
}

TEST_F(SqliteMigrationsTest, OpeningAppliesEachMigrationOnceAndRecordsIt) {
    for (int opening = 0; opening < 2; ++opening) {
        auto store = storage::sqlite::open({.path = m_path});
        ASSERT_TRUE(store) << store.error().message;
    }
    auto connection = connect();

    EXPECT_EQ(connection.query_text("SELECT count(*) FROM schema_migrations").value(),
              std::to_string(embedded_migrations().size()));
    EXPECT_EQ(connection.query_text("SELECT max(version) FROM schema_migrations").value(),
              std::to_string(embedded_migrations().back().version));
    EXPECT_EQ(connection
                  .query_text("SELECT count(*) FROM schema_migrations "
                              "WHERE applied_at GLOB '2[0-9][0-9][0-9]-*T*Z'")
                  .value(),
              std::to_string(embedded_migrations().size()));
    EXPECT_EQ(apply_migrations(connection, embedded_migrations()).value(), 0);
}

TEST_F(SqliteMigrationsTest, PendingMigrationsApplyInOrder) {
    auto connection = connect();
    const std::vector<Migration> first{{1, "a", "CREATE TABLE a (x INTEGER);"}};
    const std::vector<Migration> both{{1, "a", "CREATE TABLE a (x INTEGER);"},
                                      {2, "b", "INSERT INTO a (x) VALUES (2);"}};

    EXPECT_EQ(apply_migrations(connection, first).value(), 1);
    EXPECT_EQ(apply_migrations(connection, both).value(), 1);
    EXPECT_EQ(apply_migrations(connection, both).value(), 0);

    EXPECT_EQ(connection.query_text("SELECT group_concat(version) FROM schema_migrations").value(),
              "1,2");
    EXPECT_EQ(connection.query_text("SELECT count(*) FROM a").value(), "1");
}

TEST_F(SqliteMigrationsTest, FailingMigrationLeavesNoTraceAndStopsTheRest) {
    auto connection = connect();
    const std::vector<Migration> migrations{
        {1, "good", "CREATE TABLE good (x INTEGER);"},
        {2, "bad", "CREATE TABLE half (x INTEGER); INSERT INTO nowhere VALUES (1);"},
        {3, "later", "CREATE TABLE later (x INTEGER);"}};

    auto applied = apply_migrations(connection, migrations);

    ASSERT_FALSE(applied);
    EXPECT_NE(applied.error().message.find("migration 2"), std::string::npos);
    EXPECT_EQ(connection.query_text("SELECT group_concat(version) FROM schema_migrations").value(),
              "1");
    EXPECT_EQ(connection
                  .query_text("SELECT count(*) FROM sqlite_schema WHERE name IN "
                              "('half', 'later')")
                  .value(),
              "0");
}

TEST_F(SqliteMigrationsTest, DatabaseFromANewerVersionIsRefused) {
    auto connection = connect();
    const std::vector<Migration> newer{{1, "a", "SELECT 1;"}, {2, "b", "SELECT 1;"}};
    ASSERT_TRUE(apply_migrations(connection, newer));

    auto applied = apply_migrations(connection, std::span(newer).first(1));

    ASSERT_FALSE(applied);
    EXPECT_EQ(applied.error().code, util::ErrorCode::conflict);
}

TEST_F(SqliteMigrationsTest, ListOutOfOrderIsRefused) {
    auto connection = connect();
    const std::vector<Migration> shuffled{{2, "b", "SELECT 1;"}, {1, "a", "SELECT 1;"}};

    auto applied = apply_migrations(connection, shuffled);

    ASSERT_FALSE(applied);
    EXPECT_EQ(connection.query_text("SELECT count(*) FROM sqlite_schema").value(), "0");
}

}  // namespace
}  // namespace redress::testing
