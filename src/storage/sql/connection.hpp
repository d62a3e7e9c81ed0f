#pragma once
// A connection to a SQL database and its prepared statements, as every backend gives them:
// the record code in this folder is written once against these and runs on SQLite
// (storage/sqlite/) and on PostgreSQL (storage/postgresql/). Values only ever reach SQL
// through bound parameters; nothing here builds SQL from data.
//
// The SQL the record code writes is the part common to both: parameters numbered `?1`,
// `?2`... (a PostgreSQL connection reads them as `$1`, `$2`...), `ON CONFLICT`, `RETURNING`,
// `coalesce`, and the aggregate `group_concat(text)` (PostgreSQL's schema defines it). Every
// column has one type, kept by both (SQLite's tables are STRICT): INTEGER (bigint), TEXT,
// BLOB (bytea).

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "util/error.hpp"

namespace redress::storage::sql {

// A prepared statement, used by one thread at a time. Text and blobs are bound without
// copying: what is bound must stay alive until the statement is reset. A parameter left
// unbound is NULL.
class Statement {
  public:
    virtual ~Statement() = default;
    Statement() = default;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    // Parameters count from 1, as in SQL. A failed bind is reported by the next step().
    virtual Statement& bind(int index, std::int64_t value) = 0;
    virtual Statement& bind(int index, std::string_view text) = 0;
    // Empty: a zero-length blob, never NULL.
    virtual Statement& bind(int index, std::span<const std::uint8_t> blob) = 0;

    // true: a row is ready to read; false: the statement has finished.
    virtual util::Expected<bool> step() = 0;
    // Ready for the next use; clears every binding.
    virtual void reset() = 0;
    // Steps a statement that returns no rows, then resets it.
    util::Expected<void> run();
    // As run(), for a write inside a transaction whose outcome the caller does not need at
    // once (nor changes()): a connection may send it ahead without waiting for the server
    // (PostgreSQL's pipeline), and then its failure is reported by the connection's next
    // wait, a step(), execute() or Connection::settle(). What a later statement reads sees
    // it either way. Text and blobs bound to it are copied before it returns.
    virtual util::Expected<void> send() { return run(); }

    // Columns of the row read; valid after a step() that returned true.
    virtual int column_count() const = 0;
    virtual std::int64_t column_int(int column) const = 0;
    // Valid until the next step or reset.
    virtual std::string_view column_text(int column) const = 0;
    virtual std::span<const std::uint8_t> column_blob(int column) const = 0;
    virtual bool column_is_null(int column) const = 0;
};

// Steps an `INSERT ... RETURNING id` and gives the new row's id; then resets the statement.
util::Expected<std::int64_t> inserted_id(Statement& insert);

enum class Access { read_write, read_only };

// One connection, to be used by one thread at a time.
class Connection {
  public:
    virtual ~Connection() = default;
    Connection() = default;
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    // Runs one or more statements that take no parameters (migration scripts, COMMIT).
    virtual util::Expected<void> execute(std::string_view sql) = 0;
    // A statement to keep and reuse.
    virtual util::Expected<std::unique_ptr<Statement>> prepare(std::string_view sql) = 0;
    // The first column of the first row of `sql` as text ("" when there is no row).
    util::Expected<std::string> query_text(std::string_view sql);

    // Begins a transaction that holds the database's one write lock from its first
    // statement, so that it can never fail later for want of it, and so that writers
    // (threads, processes, machines) take turns as SQLite's single writer does: what a
    // write reads inside its transaction stays true until it commits.
    virtual util::Expected<void> begin_writing() = 0;

    // Waits for every statement sent ahead (Statement::send) and reports the first that
    // failed. A write job ends with it, so that its failures are its own.
    virtual util::Expected<void> settle() { return {}; }

    // The reads until end_reading() see one snapshot, taken by the first of them, so that a
    // connection whose every statement would otherwise take and give up the database's
    // locks (SQLite's, a few system calls each) does so once. Only on a read-only
    // connection; a failed begin leaves each statement to take its own snapshot.
    virtual util::Expected<void> begin_reading() { return {}; }
    virtual void end_reading() {}

    // SQLite copies the pages its -wal file holds into the database file (a checkpoint)
    // inside the COMMIT that takes the file past a threshold, before that COMMIT returns.
    // After defer_checkpoints() a commit only counts the pages, and checkpoint_when_due()
    // copies them once past the threshold: the writer calls it after it has answered the
    // writes it committed, so that they do not wait for the copying (the same pages are
    // copied as often). Nothing to do where the database server checkpoints (PostgreSQL).
    virtual void defer_checkpoints() {}
    virtual util::Expected<void> checkpoint_when_due() { return {}; }

    // Rows the last INSERT, UPDATE or DELETE changed.
    virtual std::int64_t changes() const = 0;
    virtual bool in_transaction() const = 0;
};

}  // namespace redress::storage::sql
