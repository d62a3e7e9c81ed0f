// The writer's -wal appends gathered into few writes (storage/sqlite/wal_writes.hpp): what a
// commit wrote is in the file when the commit returns, for any other connection to read;
// frames spilled before a commit are read back; commits larger than one write, checkpoints
// that empty the file and rollbacks all leave a database that checks out.

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "storage/sqlite/connection.hpp"
#include "storage/sqlite/durability.hpp"
#include "storage/sqlite/wal_writes.hpp"
#include "support/temp_folder.hpp"

namespace redress::testing {
namespace {

using storage::sqlite::Access;
using storage::sqlite::Connection;

// A connection as the store opens one: a writing one gathers its -wal appends, a reading
// one is SQLite's default VFS, reading the -wal file through a handle of its own.
std::unique_ptr<Connection> open(const std::filesystem::path& path, Access access) {
    auto connection = Connection::open(path, access);
    EXPECT_TRUE(connection) << connection.error().message;
    return connection ? std::move(*connection) : nullptr;
}

// The first column of the first row of `sql`, as text ("(error)" when it fails).
std::string text(Connection& connection, std::string_view sql) {
    return connection.query_text(sql).value_or("(error)");
}

class SqliteWalWritesTest : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_NE(storage::sqlite::wal_gathering_vfs(), nullptr);
        ASSERT_TRUE(m_writer);
        ASSERT_TRUE(storage::sqlite::require_durability(*m_writer));
        ASSERT_TRUE(
            m_writer->execute("CREATE TABLE rows (id INTEGER PRIMARY KEY, body BLOB NOT NULL)"));
    }

    bool run(std::string_view sql) { return m_writer->execute(sql).has_value(); }

    // Adds `count` rows of `size` random bytes in one transaction.
    bool add_rows(int count, int size) {
        return run(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
            "WHERE i < " +
            std::to_string(count) + ") INSERT INTO rows (body) SELECT randomblob(" +
            std::to_string(size) + ") FROM n");
    }

    TempFolder m_folder;
    std::filesystem::path m_path = m_folder.path() / "wal.sqlite3";
    std::unique_ptr<Connection> m_writer = open(m_path, Access::read_write);
};

TEST_F(SqliteWalWritesTest, ACommitIsInTheFileWhenItReturns) {
    // Another connection, of the default VFS, reads the -wal file through its own handle.
    const auto reader = open(m_path, Access::read_only);
    for (int commit = 1; commit <= 20; ++commit) {
        ASSERT_TRUE(add_rows(3, 1000));
        EXPECT_EQ(text(*reader, "SELECT count(*) FROM rows"), std::to_string(3 * commit));
    }
}

TEST_F(SqliteWalWritesTest, ACommitLargerThanOneWriteIsWhole) {
    // About 2 MB of frames in one commit: many writes of the most one write may take.
    ASSERT_TRUE(add_rows(500, 4000));
    const auto reader = open(m_path, Access::read_only);
    EXPECT_EQ(text(*reader, "SELECT count(*) FROM rows WHERE length(body) = 4000"), "500");
    EXPECT_EQ(text(*reader, "PRAGMA integrity_check"), "ok");
}

TEST_F(SqliteWalWritesTest, FramesSpilledBeforeTheCommitAreReadBack) {
    // A cache of a few pages: the transaction writes frames to the -wal file before its
    // commit, then reads them back, and rewrites some of them in place.
    ASSERT_TRUE(run("PRAGMA cache_size = 5"));
    ASSERT_TRUE(run("BEGIN"));
    ASSERT_TRUE(add_rows(300, 2000));
    EXPECT_EQ(text(*m_writer, "SELECT sum(length(body)) FROM rows"), "600000");
    ASSERT_TRUE(run("UPDATE rows SET body = zeroblob(1500) WHERE id % 3 = 0"));
    ASSERT_TRUE(run("COMMIT"));

    const auto reader = open(m_path, Access::read_only);
    EXPECT_EQ(text(*reader, "SELECT sum(length(body)) FROM rows"),
              std::to_string(200 * 2000 + 100 * 1500));
    EXPECT_EQ(text(*reader, "PRAGMA integrity_check"), "ok");
}

TEST_F(SqliteWalWritesTest, ARolledBackTransactionLeavesNothing) {
    ASSERT_TRUE(add_rows(10, 100));
    ASSERT_TRUE(run("PRAGMA cache_size = 5"));
    ASSERT_TRUE(run("BEGIN"));
    ASSERT_TRUE(add_rows(300, 2000));
    ASSERT_TRUE(run("ROLLBACK"));
    ASSERT_TRUE(add_rows(5, 100));

    const auto reader = open(m_path, Access::read_only);
    EXPECT_EQ(text(*reader, "SELECT count(*) FROM rows"), "15");
    EXPECT_EQ(text(*reader, "PRAGMA integrity_check"), "ok");
}

TEST_F(SqliteWalWritesTest, CheckpointsThatEmptyTheFileKeepEveryCommit) {
    for (int round = 0; round < 5; ++round) {
        ASSERT_TRUE(add_rows(50, 3000));
        EXPECT_EQ(text(*m_writer, "PRAGMA wal_checkpoint(TRUNCATE)").substr(0, 1), "0");
        EXPECT_EQ(std::filesystem::file_size(m_path.string() + "-wal"), 0u);
        ASSERT_TRUE(add_rows(7, 3000));  // a new log, written from its start
    }
    const auto reader = open(m_path, Access::read_only);
    EXPECT_EQ(text(*reader, "SELECT count(*) FROM rows"), std::to_string(5 * 57));
    EXPECT_EQ(text(*reader, "PRAGMA integrity_check"), "ok");
}

TEST_F(SqliteWalWritesTest, ConnectionsOfTheDefaultVfsWriteTheSameLog) {
    ASSERT_TRUE(add_rows(40, 5000));
    {
        // A writer of SQLite's own VFS (another program, the sqlite3 shell) on the same log.
        sqlite3* other = nullptr;
        ASSERT_EQ(sqlite3_open_v2(m_path.c_str(), &other, SQLITE_OPEN_READWRITE, nullptr),
                  SQLITE_OK);
        const int inserted = sqlite3_exec(other, "INSERT INTO rows (body) VALUES (zeroblob(5000))",
                                          nullptr, nullptr, nullptr);
        sqlite3_close_v2(other);
        ASSERT_EQ(inserted, SQLITE_OK);
    }
    ASSERT_TRUE(add_rows(40, 5000));
    EXPECT_EQ(text(*m_writer, "SELECT count(*) FROM rows"), "81");
    const auto reader = open(m_path, Access::read_only);
    EXPECT_EQ(text(*reader, "SELECT count(*) FROM rows"), "81");
    EXPECT_EQ(text(*reader, "PRAGMA integrity_check"), "ok");
}

}  // namespace
}  // namespace redress::testing
