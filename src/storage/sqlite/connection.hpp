#pragma once
// A SQLite connection and its prepared statements (storage/sql/connection.hpp).

#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "storage/sql/connection.hpp"
#include "util/error.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace redress::storage::sqlite {

using sql::Access;

class Statement final : public sql::Statement {
  public:
    explicit Statement(sqlite3_stmt* statement) : m_statement(statement) {}
    ~Statement() override;

    Statement& bind(int index, std::int64_t value) override;
    Statement& bind(int index, std::string_view text) override;
    Statement& bind(int index, std::span<const std::uint8_t> blob) override;

    util::Expected<bool> step() override;
    void reset() override;

    int column_count() const override;
    std::int64_t column_int(int column) const override;
    std::string_view column_text(int column) const override;
    std::span<const std::uint8_t> column_blob(int column) const override;
    bool column_is_null(int column) const override;

  private:
    void note_bind(int result);

    sqlite3_stmt* m_statement = nullptr;
    int m_bind_error = 0;  // first failed bind since the last reset; 0 when none
};

class Connection final : public sql::Connection {
  public:
    // Opens (and, read_write, creates) the database file at `path`.
    static util::Expected<std::unique_ptr<Connection>> open(const std::filesystem::path& path,
                                                            Access access);
    ~Connection() override;

    util::Expected<void> execute(std::string_view sql) override;
    util::Expected<std::unique_ptr<sql::Statement>> prepare(std::string_view sql) override;
    // BEGIN IMMEDIATE: the file's write lock, taken now.
    util::Expected<void> begin_writing() override;
    // BEGIN (deferred: the snapshot is taken by the first read) and COMMIT, prepared once.
    util::Expected<void> begin_reading() override;
    void end_reading() override;
    std::int64_t changes() const override;
    bool in_transaction() const override;
    // A PASSIVE checkpoint, as SQLite's own: it copies what no reader still needs and
    // waits for none; what it leaves is copied by a later one.
    void defer_checkpoints() override;
    util::Expected<void> checkpoint_when_due() override;

  private:
    explicit Connection(sqlite3* db) : m_db(db) {}
    // SQLite's hook after each commit to a -wal file: `frames` is the file's length in pages.
    static int count_frames(void* connection, sqlite3* db, const char* schema, int frames);

    sqlite3* m_db = nullptr;
    // With checkpoints deferred: the -wal file's length after the last commit, and the
    // length past which it is copied (PRAGMA wal_autocheckpoint, SQLite's threshold).
    int m_wal_frames = 0;
    int m_checkpoint_frames = 0;
    std::unique_ptr<Statement> m_begin_reading;  // prepared on first use
    std::unique_ptr<Statement> m_end_reading;
};

}  // namespace redress::storage::sqlite
