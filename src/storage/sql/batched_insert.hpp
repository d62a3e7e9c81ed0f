#pragma once
// Rows added one at a time inside the writer's transaction and written later, many to a
// statement: `INSERT INTO t (a, b) VALUES (?1, ?2), (?3, ?4), ...`. Every statement costs the
// database its own start (constraints read, triggers set up, a round trip), whatever its
// rows; a batch of filings written table by table costs a few statements where it cost
// several per filing. Used for the rows of filings (filing_writer.hpp), which nothing reads
// before the transaction ends unless it flushes first.
//
// InsertBatches keeps one BatchedInsert per table and writes them in the order the tables
// were first asked for, so that a table is written after the tables its rows refer to
// (and after those its triggers read). The group commit flushes them before every job that
// is not a filing and before COMMIT; a job that reads what it may have added flushes first.

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "storage/sql/connection.hpp"
#include "util/error.hpp"

namespace redress::storage::sql {

// What a batched INSERT writes: `into` as in `INSERT INTO <into> VALUES ...` (a table and its
// columns), `columns` how many values a row has, `tail` what follows the rows (an ON
// CONFLICT clause). A constant that lives for the whole program: it is kept by address.
struct BatchedTable {
    std::string_view into;
    int columns = 0;
    std::string_view tail = {};
};

class BatchedInsert {
  public:
    // Rows in one statement at most; fewer go in statements of 32, 16... rows, so that a
    // connection prepares at most seven texts per table.
    static constexpr std::size_t k_max_rows = 64;

    BatchedInsert(Connection& connection, const BatchedTable& table)
        : m_connection(connection), m_table(table) {}

    // The next value of the row being added, in column order; a row is whole once it has
    // the table's number of values. Text and blobs are copied.
    BatchedInsert& add(std::int64_t value);
    BatchedInsert& add(std::string_view text);
    BatchedInsert& add(std::span<const std::uint8_t> blob);
    BatchedInsert& add_null();

    // Writes every row added (sent ahead: Statement::send) and forgets them. Fails, writing
    // nothing, when the last row is not whole.
    util::Expected<void> flush();
    // Forgets the rows added and not written (their job or transaction was rolled back).
    void clear() { m_values.clear(); }
    bool empty() const { return m_values.empty(); }

  private:
    using Value =
        std::variant<std::monostate, std::int64_t, std::string, std::vector<std::uint8_t>>;

    util::Expected<Statement*> statement(std::size_t rows);

    Connection& m_connection;
    const BatchedTable& m_table;
    std::vector<Value> m_values;
    std::map<std::size_t, std::unique_ptr<Statement>> m_statements;  // by rows
};

class InsertBatches {
  public:
    explicit InsertBatches(Connection& connection) : m_connection(connection) {}

    // The rows waiting for `table`, made on first use; later tables are written after it.
    BatchedInsert& rows(const BatchedTable& table);
    // Writes every table's rows, in order.
    util::Expected<void> flush();
    void clear();

  private:
    Connection& m_connection;
    std::vector<std::pair<const BatchedTable*, std::unique_ptr<BatchedInsert>>> m_tables;
};

}  // namespace redress::storage::sql
