// Checkpoints left to the writer (sql::Connection::defer_checkpoints): a commit only counts
// the -wal file's pages, and checkpoint_when_due() copies them into the database file once
// past SQLite's threshold, so that the writes of a batch are answered before the copying.
// A connection that does not defer them checkpoints inside its commits, as SQLite does; and
// the store's writer, which defers them, still keeps the -wal file from growing without end.

#include <gtest/gtest.h>

#include <filesystem>
#include <future>
#include <memory>
#include <string>
#include <string_view>

#include "storage/sql/group_commit.hpp"
#include "storage/sql/migrations.hpp"
#include "storage/sqlite/connection.hpp"
#include "storage/sqlite/durability.hpp"
#include "storage/sqlite/schema.hpp"
#include "support/temp_folder.hpp"

namespace redress::testing {
namespace {

using storage::sqlite::Access;
using storage::sqlite::Connection;

// Pages past which SQLite checkpoints (PRAGMA wal_autocheckpoint); a commit below adds
// about 25 of them.
constexpr int k_threshold = 100;
constexpr std::uintmax_t k_page = 4096;

class SqliteCheckpointsTest : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_TRUE(m_writer);
        ASSERT_TRUE(storage::sqlite::require_durability(*m_writer));
        // redress's schema, which the store's writer needs, and a table of the test's own.
        ASSERT_TRUE(storage::sql::apply_migrations(*m_writer, storage::sqlite::k_create_ledger,
                                                   storage::sqlite::embedded_migrations()));
        ASSERT_TRUE(
            m_writer->execute("PRAGMA wal_autocheckpoint = " + std::to_string(k_threshold)));
        ASSERT_TRUE(
            m_writer->execute("CREATE TABLE bulk (id INTEGER PRIMARY KEY, body BLOB NOT NULL)"));
        // The table's creation copied into the file, so that what follows starts from there.
        ASSERT_TRUE(m_writer->execute("PRAGMA wal_checkpoint(TRUNCATE)"));
        m_start = database_bytes();
    }

    static std::unique_ptr<Connection> open(const std::filesystem::path& path) {
        auto connection = Connection::open(path, Access::read_write);
        EXPECT_TRUE(connection) << connection.error().message;
        return connection ? std::move(*connection) : nullptr;
    }

    // One commit of about 100 KB: 25 pages of the -wal file.
    void commit_100_kb(Connection& connection) {
        ASSERT_TRUE(connection.execute("INSERT INTO bulk (body) VALUES (randomblob(100000))"));
    }

    std::uintmax_t database_bytes() const { return std::filesystem::file_size(m_path); }
    std::uintmax_t wal_bytes() const {
        return std::filesystem::file_size(m_path.string() + "-wal");
    }

    TempFolder m_folder;
    std::filesystem::path m_path = m_folder.path() / "checkpoints.sqlite3";
    std::unique_ptr<Connection> m_writer = open(m_path);
    std::uintmax_t m_start = 0;
};

TEST_F(SqliteCheckpointsTest, SqliteCopiesThePagesInsideTheCommitThatPassesTheThreshold) {
    for (int commit = 0; commit < 8; ++commit) commit_100_kb(*m_writer);
    // 200 pages committed, the threshold of 100 passed: most of them are in the file.
    EXPECT_GT(database_bytes(), m_start + 90 * k_page);
}

TEST_F(SqliteCheckpointsTest, DeferredTheCommitsOnlyCountThePagesUntilTheWriterCopiesThem) {
    m_writer->defer_checkpoints();
    for (int commit = 0; commit < 8; ++commit) commit_100_kb(*m_writer);
    EXPECT_EQ(database_bytes(), m_start) << "a commit checkpointed";
    EXPECT_GT(wal_bytes(), 190 * k_page);

    ASSERT_TRUE(m_writer->checkpoint_when_due());
    EXPECT_GT(database_bytes(), m_start + 190 * k_page);
    // Copied: the next commit starts the -wal file again rather than growing it.
    const auto wal = wal_bytes();
    commit_100_kb(*m_writer);
    EXPECT_EQ(wal_bytes(), wal);
    const auto read = m_writer->query_text("SELECT count(*) FROM bulk");
    ASSERT_TRUE(read);
    EXPECT_EQ(*read, "9");
}

TEST_F(SqliteCheckpointsTest, BelowTheThresholdNothingIsCopied) {
    m_writer->defer_checkpoints();
    for (int commit = 0; commit < 3; ++commit) commit_100_kb(*m_writer);
    ASSERT_TRUE(m_writer->checkpoint_when_due());
    EXPECT_EQ(database_bytes(), m_start);
}

TEST_F(SqliteCheckpointsTest, NoThresholdMeansNoCheckpointDeferredOrNot) {
    ASSERT_TRUE(m_writer->execute("PRAGMA wal_autocheckpoint = 0"));
    m_writer->defer_checkpoints();
    for (int commit = 0; commit < 8; ++commit) commit_100_kb(*m_writer);
    ASSERT_TRUE(m_writer->checkpoint_when_due());
    EXPECT_EQ(database_bytes(), m_start);
}

TEST_F(SqliteCheckpointsTest, TheStoresWriterKeepsTheLogFromGrowingWithoutEnd) {
    auto writer = storage::sql::GroupCommit::start(std::move(m_writer), 64);
    ASSERT_TRUE(writer);
    // 10 MB, one commit of 100 KB after another: 2,500 pages, 25 times the threshold.
    for (int job = 0; job < 100; ++job) {
        std::promise<util::Expected<int>> written;
        (*writer)->submit(storage::sql::make_write_job<int>(
            [](storage::sql::WriteContext& context) -> util::Expected<int> {
                auto inserted = context.connection.execute(
                    "INSERT INTO bulk (body) VALUES (randomblob(100000))");
                if (!inserted) return std::unexpected(inserted.error());
                return 1;
            },
            [&written](util::Expected<int> result) { written.set_value(std::move(result)); }));
        ASSERT_TRUE(written.get_future().get());
    }
    EXPECT_GT(database_bytes(), m_start + 2000 * k_page);
    // The threshold and one commit's pages, with their headers, at most.
    EXPECT_LT(wal_bytes(), (k_threshold + 30) * (k_page + 24) + 32);
}

}  // namespace
}  // namespace redress::testing
