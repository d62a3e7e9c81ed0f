#pragma once
// Rows added one at a time inside the writer's transaction and written later, many to a
// statement: `INSERT INTO t (a, b) VALUES (?1, ?2), (?3, ?4), ...`, or an UPDATE ... FROM
// (VALUES ...). Every statement costs the database its own start (constraints read,
// triggers set up, a round trip on PostgreSQL), whatever its rows: a batch of filings written
// table by table costs a few statements where it cost several per filing. Used for the rows
// of filings (filing_writer.hpp), which nothing reads before the transaction ends unless it
// flushes first, and for the deadlines the deadline keeper works out.
//
// RowBatches keeps one RowBatch per statement and writes them in the order they were first
// asked for, so that a table is written after the tables its rows refer to (and after those
// its triggers read). The group commit flushes them before every job that is not a filing,
// at the end of every such job, and before COMMIT; a job that reads what it may have added
// flushes first.

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "storage/sql/connection.hpp"
#include "util/error.hpp"

namespace redress::storage::sql {

// A statement that takes its rows as a list: `before`, then the rows separated by commas,
// each `row` with its `?` numbered in turn, then `after`. No row value is ever NULL, so that
// every execution binds the same types (each set of types is a statement of its own on
// PostgreSQL): where a column may be NULL, `row` turns a stand-in into NULL, as
// `NULLIF(?, '')`. `row` holds no `?` but its placeholders. A constant that lives for the
// whole program: it is kept by address.
struct BatchedStatement {
    std::string_view before;
    std::string_view row;
    std::string_view after = {};
};

class RowBatch {
  public:
    // Rows in one statement at most; fewer go in statements of 32, 16... rows, so that a
    // connection prepares at most seven texts per statement.
    static constexpr std::size_t k_max_rows = 64;

    RowBatch(Connection& connection, const BatchedStatement& statement);

    // The next value of the row being added, in placeholder order; a row is whole once it
    // has a value for each. Text and blobs are copied.
    RowBatch& add(std::int64_t value);
    RowBatch& add(std::string_view text);
    RowBatch& add(std::span<const std::uint8_t> blob);

    // Writes every row added (sent ahead: Statement::send) and forgets them. Fails, writing
    // nothing, when the last row is not whole.
    util::Expected<void> flush();
    // Forgets the rows added and not written (their job or transaction was rolled back).
    void clear() { m_values.clear(); }
    bool empty() const { return m_values.empty(); }

  private:
    using Value = std::variant<std::int64_t, std::string, std::vector<std::uint8_t>>;

    util::Expected<Statement*> statement(std::size_t rows);

    Connection& m_connection;
    const BatchedStatement& m_shape;
    std::size_t m_columns;
    std::vector<Value> m_values;
    std::map<std::size_t, std::unique_ptr<Statement>> m_statements;  // by rows
};

class RowBatches {
  public:
    explicit RowBatches(Connection& connection) : m_connection(connection) {}

    // The rows waiting for `statement`, made on first use; those asked for later are written
    // after them.
    RowBatch& rows(const BatchedStatement& statement);
    // Writes every statement's rows, in order.
    util::Expected<void> flush();
    void clear();

  private:
    Connection& m_connection;
    std::vector<std::pair<const BatchedStatement*, std::unique_ptr<RowBatch>>> m_batches;
};

}  // namespace redress::storage::sql
