// The writer's -wal appends gathered into few writes (storage/sqlite/wal_writes.hpp): what a
// commit wrote is in the file when the commit returns, for any other connection to read;
// frames spilled before a commit are read back; commits larger than one write, checkpoints
// that empty the file and rollbacks all leave a database that checks out.

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <string>

#include "storage/sqlite/wal_writes.hpp"
#include "support/temp_folder.hpp"

namespace redress::testing {
namespace {

// A raw connection, closed at the end of the scope.
class Db {
  public:
    Db(const std::filesystem::path& path, const char* vfs, int flags) {
        EXPECT_EQ(sqlite3_open_v2(path.c_str(), &m_db, flags, vfs), SQLITE_OK);
    }
    ~Db() { sqlite3_close_v2(m_db); }
    Db(const Db&) = delete;
    Db& operator=(const Db&) = delete;

    // Runs `sql`; an error message when it fails.
    std::string run(const std::string& sql) {
        char* message = nullptr;
        if (sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &message) == SQLITE_OK) return "";
        std::string error = message != nullptr ? message : "failed";
        sqlite3_free(message);
        return error;
    }

    // The first column of the first row of `sql`, as text.
    std::string text(const std::string& sql) {
        sqlite3_stmt* statement = nullptr;
        std::string value = "(error)";
        if (sqlite3_prepare_v2(m_db, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK &&
            sqlite3_step(statement) == SQLITE_ROW) {
            const auto* bytes = sqlite3_column_text(statement, 0);
            value = bytes != nullptr ? reinterpret_cast<const char*>(bytes) : "";
        }
        sqlite3_finalize(statement);
        return value;
    }

  private:
    sqlite3* m_db = nullptr;
};

constexpr int k_write = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;

class SqliteWalWritesTest : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_NE(storage::sqlite::wal_gathering_vfs(), nullptr);
        ASSERT_EQ(m_writer.text("PRAGMA journal_mode = WAL"), "wal");
        ASSERT_EQ(m_writer.run("PRAGMA synchronous = FULL"), "");
        ASSERT_EQ(m_writer.run("CREATE TABLE rows (id INTEGER PRIMARY KEY, body BLOB NOT NULL)"),
                  "");
    }

    // Adds `count` rows of `size` random bytes in one transaction.
    std::string add_rows(int count, int size) {
        return m_writer.run(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
            "WHERE i < " +
            std::to_string(count) + ") INSERT INTO rows (body) SELECT randomblob(" +
            std::to_string(size) + ") FROM n");
    }

    TempFolder m_folder;
    std::filesystem::path m_path = m_folder.path() / "wal.sqlite3";
    Db m_writer{m_path, storage::sqlite::wal_gathering_vfs(), k_write};
};

TEST_F(SqliteWalWritesTest, ACommitIsInTheFileWhenItReturns) {
    // Another connection, of the default VFS, reads the -wal file through its own handle.
    Db reader(m_path, nullptr, SQLITE_OPEN_READONLY);
    for (int commit = 1; commit <= 20; ++commit) {
        ASSERT_EQ(add_rows(3, 1000), "");
        EXPECT_EQ(reader.text("SELECT count(*) FROM rows"), std::to_string(3 * commit));
    }
}

TEST_F(SqliteWalWritesTest, ACommitLargerThanOneWriteIsWhole) {
    // About 2 MB of frames in one commit: many writes of the most one write may take.
    ASSERT_EQ(add_rows(500, 4000), "");
    Db reader(m_path, nullptr, SQLITE_OPEN_READONLY);
    EXPECT_EQ(reader.text("SELECT count(*) FROM rows WHERE length(body) = 4000"), "500");
    EXPECT_EQ(reader.text("PRAGMA integrity_check"), "ok");
}

TEST_F(SqliteWalWritesTest, FramesSpilledBeforeTheCommitAreReadBack) {
    // A cache of a few pages: the transaction writes frames to the -wal file before its
    // commit, then reads them back, and rewrites some of them in place.
    ASSERT_EQ(m_writer.run("PRAGMA cache_size = 5"), "");
    ASSERT_EQ(m_writer.run("BEGIN"), "");
    ASSERT_EQ(add_rows(300, 2000), "");
    EXPECT_EQ(m_writer.text("SELECT sum(length(body)) FROM rows"), "600000");
    ASSERT_EQ(m_writer.run("UPDATE rows SET body = zeroblob(1500) WHERE id % 3 = 0"), "");
    ASSERT_EQ(m_writer.run("COMMIT"), "");

    Db reader(m_path, nullptr, SQLITE_OPEN_READONLY);
    EXPECT_EQ(reader.text("SELECT sum(length(body)) FROM rows"),
              std::to_string(200 * 2000 + 100 * 1500));
    EXPECT_EQ(reader.text("PRAGMA integrity_check"), "ok");
}

TEST_F(SqliteWalWritesTest, ARolledBackTransactionLeavesNothing) {
    ASSERT_EQ(add_rows(10, 100), "");
    ASSERT_EQ(m_writer.run("PRAGMA cache_size = 5"), "");
    ASSERT_EQ(m_writer.run("BEGIN"), "");
    ASSERT_EQ(add_rows(300, 2000), "");
    ASSERT_EQ(m_writer.run("ROLLBACK"), "");
    ASSERT_EQ(add_rows(5, 100), "");

    Db reader(m_path, nullptr, SQLITE_OPEN_READONLY);
    EXPECT_EQ(reader.text("SELECT count(*) FROM rows"), "15");
    EXPECT_EQ(reader.text("PRAGMA integrity_check"), "ok");
}

TEST_F(SqliteWalWritesTest, CheckpointsThatEmptyTheFileKeepEveryCommit) {
    for (int round = 0; round < 5; ++round) {
        ASSERT_EQ(add_rows(50, 3000), "");
        EXPECT_EQ(m_writer.text("PRAGMA wal_checkpoint(TRUNCATE)").substr(0, 1), "0");
        EXPECT_EQ(std::filesystem::file_size(m_path.string() + "-wal"), 0u);
        ASSERT_EQ(add_rows(7, 3000), "");  // a new log, written from its start
    }
    Db reader(m_path, nullptr, SQLITE_OPEN_READONLY);
    EXPECT_EQ(reader.text("SELECT count(*) FROM rows"), std::to_string(5 * 57));
    EXPECT_EQ(reader.text("PRAGMA integrity_check"), "ok");
}

TEST_F(SqliteWalWritesTest, ConnectionsOfTheDefaultVfsWriteTheSameLog) {
    ASSERT_EQ(add_rows(40, 5000), "");
    {
        Db other(m_path, nullptr, k_write);
        EXPECT_EQ(other.text("SELECT count(*) FROM rows"), "40");
        ASSERT_EQ(other.run("INSERT INTO rows (body) VALUES (zeroblob(5000))"), "");
    }
    ASSERT_EQ(add_rows(40, 5000), "");
    EXPECT_EQ(m_writer.text("SELECT count(*) FROM rows"), "81");
    Db reader(m_path, nullptr, SQLITE_OPEN_READONLY);
    EXPECT_EQ(reader.text("SELECT count(*) FROM rows"), "81");
    EXPECT_EQ(reader.text("PRAGMA integrity_check"), "ok");
}

}  // namespace
}  // namespace redress::testing
