#pragma once
// Owning wrappers for a SQLite connection and a prepared statement. Values only ever reach
// SQL through bound parameters; nothing here builds SQL from data.

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>

#include "util/error.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace redress::storage::sqlite {

// A prepared statement. Text and blobs are bound without copying: what is bound must stay
// alive until the statement is reset. Move-only; finalized on destruction.
class Statement {
  public:
    Statement() = default;
    explicit Statement(sqlite3_stmt* statement) : m_statement(statement) {}
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    // Parameters count from 1, as in SQL. A failed bind is reported by the next step().
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, std::span<const std::uint8_t> blob);  // empty: a zero-length blob

    // true: a row is ready to read; false: the statement has finished.
    util::Expected<bool> step();
    // Steps a statement that returns no rows.
    util::Expected<void> run();
    // Ready for the next use; clears every binding.
    void reset();

    std::int64_t column_int(int column) const;
    std::string_view column_text(int column) const;  // valid until the next step or reset
    std::span<const std::uint8_t> column_blob(int column) const;  // likewise
    bool column_is_null(int column) const;

  private:
    void note_bind(int result);

    sqlite3_stmt* m_statement = nullptr;
    int m_bind_error = 0;  // first failed bind since the last reset; 0 when none
};

enum class Access { read_write, read_only };

// One connection, to be used by one thread at a time. Move-only; closed on destruction.
class Connection {
  public:
    // Opens (and, read_write, creates) the database file at `path`.
    static util::Expected<Connection> open(const std::filesystem::path& path, Access access);

    Connection(Connection&& other) noexcept;
    Connection& operator=(Connection&& other) noexcept;
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;
    ~Connection();

    // Runs one or more statements that take no parameters (pragmas, migration scripts).
    util::Expected<void> execute(std::string_view sql);
    // A statement to keep and reuse.
    util::Expected<Statement> prepare(std::string_view sql);
    // The first column of the first row of `sql` as text ("" when there is no row).
    util::Expected<std::string> query_text(std::string_view sql);

    std::int64_t last_insert_id() const;
    // Rows the last INSERT, UPDATE or DELETE changed.
    std::int64_t changes() const;
    bool in_transaction() const;
    std::string last_error() const;

  private:
    explicit Connection(sqlite3* db) : m_db(db) {}

    sqlite3* m_db = nullptr;
};

}  // namespace redress::storage::sqlite
