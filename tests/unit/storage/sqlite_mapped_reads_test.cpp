// Reading connections served from one mapping of the database file per process
// (storage/sqlite/mapped_reads.hpp): as much of the file as mmap_size asks for, past the
// 2 GiB SQLite maps itself; what a writer commits and checkpoints is read back, also once
// the file has grown past the size a reader saw first, and a reader's snapshot holds.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "storage/sqlite/connection.hpp"
#include "storage/sqlite/durability.hpp"
#include "support/temp_folder.hpp"

namespace redress::testing {
namespace {

using storage::sqlite::Access;
using storage::sqlite::Connection;

constexpr std::int64_t k_map_bytes = std::int64_t{3} << 30;  // more than SQLite maps itself

std::unique_ptr<Connection> open_database(const std::filesystem::path& path, Access access) {
    auto connection = Connection::open(path, access);
    EXPECT_TRUE(connection) << connection.error().message;
    return connection ? std::move(*connection) : nullptr;
}

std::string answer(Connection& connection, std::string_view sql) {
    return connection.query_text(sql).value_or("(error)");
}

// The lengths of this process's mappings of `path`, from /proc/self/maps.
std::vector<std::uint64_t> mappings_of(const std::filesystem::path& path) {
    std::vector<std::uint64_t> lengths;
    std::ifstream maps("/proc/self/maps");
    std::string line;
    while (std::getline(maps, line)) {
        if (line.size() < path.string().size() ||
            line.compare(line.size() - path.string().size(), std::string::npos, path.string()) !=
                0) {
            continue;
        }
        const auto dash = line.find('-');
        const auto space = line.find(' ');
        const auto start = std::stoull(line.substr(0, dash), nullptr, 16);
        const auto end = std::stoull(line.substr(dash + 1, space - dash - 1), nullptr, 16);
        lengths.push_back(end - start);
    }
    return lengths;
}

class SqliteMappedReadsTest : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_TRUE(m_writer);
        ASSERT_TRUE(storage::sqlite::require_durability(*m_writer));
        ASSERT_TRUE(
            m_writer->execute("CREATE TABLE rows (id INTEGER PRIMARY KEY, body BLOB NOT NULL)"));
    }

    // Adds `count` rows of 3,000 random bytes, then copies the log into the file.
    void add_rows(int count) {
        ASSERT_TRUE(m_writer->execute(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " +
            std::to_string(count) + ") INSERT INTO rows (body) SELECT randomblob(3000) FROM n"));
        ASSERT_EQ(answer(*m_writer, "PRAGMA wal_checkpoint(TRUNCATE)").substr(0, 1), "0");
    }

    std::unique_ptr<Connection> reader(std::int64_t map_bytes = k_map_bytes) {
        auto connection = open_database(m_path, Access::read_only);
        EXPECT_TRUE(connection->execute("PRAGMA mmap_size = " + std::to_string(map_bytes)));
        return connection;
    }

    TempFolder m_folder;
    std::filesystem::path m_path = m_folder.path() / "mapped.sqlite3";
    std::unique_ptr<Connection> m_writer = open_database(m_path, Access::read_write);
};

TEST_F(SqliteMappedReadsTest, ReadersShareOneMappingAsLargeAsAskedFor) {
    add_rows(200);
    std::vector<std::unique_ptr<Connection>> readers;
    for (int i = 0; i < 4; ++i) {
        readers.push_back(reader());
        EXPECT_EQ(answer(*readers.back(), "SELECT count(*) FROM rows"), "200");
    }
    // SQLite's own mapping would be one per connection, at most 2 GiB and the file's size.
    EXPECT_EQ(mappings_of(m_path), std::vector<std::uint64_t>{k_map_bytes});
}

TEST_F(SqliteMappedReadsTest, WhatTheFileGrowsByIsReadOnceItIsSeen) {
    add_rows(10);
    auto first = reader();
    EXPECT_EQ(answer(*first, "SELECT count(*) FROM rows"), "10");
    for (int round = 1; round <= 5; ++round) {
        add_rows(300);  // the file grows past what the reader saw
        EXPECT_EQ(answer(*first, "SELECT count(*) FROM rows"), std::to_string(10 + 300 * round));
        EXPECT_EQ(answer(*first, "SELECT sum(length(body)) FROM rows"),
                  std::to_string((10 + 300 * round) * 3000));
    }
    EXPECT_EQ(answer(*first, "PRAGMA integrity_check"), "ok");
}

TEST_F(SqliteMappedReadsTest, AReadersSnapshotHoldsWhileTheWriterCheckpoints) {
    add_rows(50);
    auto held = reader();
    ASSERT_TRUE(held->begin_reading());
    EXPECT_EQ(answer(*held, "SELECT count(*) FROM rows"), "50");
    ASSERT_TRUE(m_writer->execute("UPDATE rows SET body = zeroblob(10) WHERE id <= 25"));
    ASSERT_TRUE(m_writer->execute("INSERT INTO rows (body) SELECT body FROM rows"));
    // A checkpoint copies only what no reader still needs from the log.
    (void)m_writer->query_text("PRAGMA wal_checkpoint(PASSIVE)");
    EXPECT_EQ(answer(*held, "SELECT count(*) FROM rows"), "50");
    EXPECT_EQ(answer(*held, "SELECT sum(length(body)) FROM rows"), std::to_string(50 * 3000));
    held->end_reading();
    EXPECT_EQ(answer(*held, "SELECT count(*) FROM rows"), "100");
    EXPECT_EQ(answer(*held, "SELECT sum(length(body)) FROM rows"),
              std::to_string(2 * (25 * 10 + 25 * 3000)));
}

TEST_F(SqliteMappedReadsTest, AReaderThatAsksForNoMappingReadsThroughSqlite) {
    add_rows(100);
    auto unmapped = reader(0);
    EXPECT_EQ(answer(*unmapped, "SELECT count(*) FROM rows"), "100");
    EXPECT_TRUE(mappings_of(m_path).empty());
}

}  // namespace
}  // namespace redress::testing
