// Opening a SQLite database: durability settings that are checked, an owner-only file,
// and clear refusals.

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

#include "sample_filing.hpp"
#include "storage/sqlite/connection.hpp"
#include "storage/sqlite/durability.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "support/temp_folder.hpp"

namespace redress::testing {
namespace {

using storage::sqlite::Access;
using storage::sqlite::Connection;

unsigned mode_of(const std::filesystem::path& path) {
    struct stat status {};
    if (::stat(path.c_str(), &status) != 0) return 0;
    return status.st_mode & 0777u;
}

class SqliteOpenTest : public ::testing::Test {
  protected:
    TempFolder m_folder;
    std::filesystem::path m_path = m_folder.path() / "redress.sqlite3";
};

TEST_F(SqliteOpenTest, CreatesTheDatabaseInWriteAheadLogMode) {
    auto store = storage::sqlite::open({.path = m_path});
    ASSERT_TRUE(store) << store.error().message;

    auto connection = Connection::open(m_path, Access::read_only);
    ASSERT_TRUE(connection);
    EXPECT_EQ((*connection)->query_text("PRAGMA journal_mode").value(), "wal");
}

TEST_F(SqliteOpenTest, DurabilitySettingsTakeEffect) {
    auto connection = Connection::open(m_path, Access::read_write);
    ASSERT_TRUE(connection);

    ASSERT_TRUE(storage::sqlite::require_durability(**connection));

    EXPECT_EQ((*connection)->query_text("PRAGMA journal_mode").value(), "wal");
    EXPECT_EQ((*connection)->query_text("PRAGMA synchronous").value(), "2");  // FULL
    EXPECT_EQ((*connection)->query_text("PRAGMA foreign_keys").value(), "1");
}

TEST_F(SqliteOpenTest, DatabaseThatCannotLogAheadIsRefused) {
    // An in-memory database has no write-ahead log, so it cannot promise durability.
    auto connection = Connection::open(":memory:", Access::read_write);
    ASSERT_TRUE(connection);

    auto durable = storage::sqlite::require_durability(**connection);

    ASSERT_FALSE(durable);
    EXPECT_EQ(durable.error().code, util::ErrorCode::unavailable);
}

TEST_F(SqliteOpenTest, DatabaseFilesAreReadableByTheOwnerOnly) {
    auto store = storage::sqlite::open({.path = m_path});
    ASSERT_TRUE(store);
    ASSERT_NE(record_one(**store, sample_filing({opr()})), "");

    EXPECT_EQ(mode_of(m_path), 0600u);
    EXPECT_EQ(mode_of(m_path.string() + "-wal"), 0600u);
    EXPECT_EQ(mode_of(m_path.string() + "-shm"), 0600u);
}

TEST_F(SqliteOpenTest, ExistingFileOpenToOthersIsTightened) {
    std::ofstream(m_path).close();
    ::chmod(m_path.c_str(), 0644);

    auto store = storage::sqlite::open({.path = m_path});

    ASSERT_TRUE(store) << store.error().message;
    EXPECT_EQ(mode_of(m_path), 0600u);
}

TEST_F(SqliteOpenTest, MissingFolderIsReportedUnavailable) {
    auto store = storage::sqlite::open({.path = m_folder.path() / "absent" / "db.sqlite3"});

    ASSERT_FALSE(store);
    EXPECT_EQ(store.error().code, util::ErrorCode::unavailable);
}

TEST_F(SqliteOpenTest, FileThatIsNotADatabaseIsRefused) {
    std::ofstream(m_path) << "this is not a SQLite database, but it is long enough to look at";

    auto store = storage::sqlite::open({.path = m_path});

    ASSERT_FALSE(store);
    EXPECT_EQ(store.error().code, util::ErrorCode::unavailable);
}

TEST_F(SqliteOpenTest, UnusableSettingsAreRefused) {
    for (const auto& settings : {storage::sqlite::Settings{.path = m_path, .max_batch = 0},
                                 storage::sqlite::Settings{.path = m_path, .read_connections = 0},
                                 storage::sqlite::Settings{.path = ""}}) {
        auto store = storage::sqlite::open(settings);

        ASSERT_FALSE(store) << settings.path;
        EXPECT_EQ(store.error().code, util::ErrorCode::invalid_input);
    }
    EXPECT_FALSE(std::filesystem::exists(m_path));
}

TEST_F(SqliteOpenTest, StatusEventsAndComplaintsCannotBeRewritten) {
    auto store = storage::sqlite::open({.path = m_path});
    ASSERT_TRUE(store);
    ASSERT_NE(record_one(**store, sample_filing({opr()})), "");
    auto connection = Connection::open(m_path, Access::read_write);
    ASSERT_TRUE(connection);

    EXPECT_FALSE((*connection)->execute("UPDATE status_events SET status = 'closed'"));
    EXPECT_FALSE((*connection)->execute("DELETE FROM status_events"));
    EXPECT_FALSE((*connection)->execute("UPDATE complaints SET office_id = 'elsewhere'"));
    EXPECT_EQ((*connection)->query_text("SELECT status FROM status_events").value(), "received");
}

}  // namespace
}  // namespace redress::testing
