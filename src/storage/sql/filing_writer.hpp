#pragma once
// Writes filings, their complaints and first status events inside a transaction that the
// caller owns, numbering references per office prefix and year.
//
// A filing's rows, its evidence's among them, wait in RowBatches (row_batches.hpp) and are
// written with those of the other filings of the transaction.
//
// The writer gives filings and complaints their ids itself, after the highest of each read
// once per transaction: it holds the write lock (Connection::begin_writing), so nothing else
// adds a row meanwhile, and nothing else adds rows to either table. So no insert waits to
// learn an id.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/received_filing.hpp"
#include "storage/sql/connection.hpp"
#include "storage/sql/row_batches.hpp"
#include "util/error.hpp"

namespace redress::storage::sql {

class FilingWriter {
  public:
    // Prepares every statement once on `connection`; rows wait in `batches`. Both must
    // outlive the writer.
    static util::Expected<FilingWriter> prepare(Connection& connection, RowBatches& batches);

    // Inserts one filing; call between begin() and finish(). The complaints come back in
    // the filing's destination order.
    util::Expected<std::vector<domain::FiledComplaint>> write(const domain::ReceivedFiling& filing);
    // The ids of the complaints the last write() made, in the same order.
    const std::vector<std::int64_t>& complaint_ids() const { return m_complaint_ids; }

    // Call at the start of each transaction: sequence numbers and the last ids are read again
    // from the database, so that a rolled-back transaction never leaves a gap or a reuse.
    void begin();
    // Writes the sequence numbers given out since begin(); call before COMMIT.
    util::Expected<void> finish();

    using Sequences = std::map<std::pair<std::string, int>, long>;
    // The last ids given out, once read in this transaction.
    struct LastIds {
        std::int64_t filing = 0;
        std::int64_t complaint = 0;
    };
    // The sequence numbers and ids given out so far in this transaction; restore() takes
    // them back to a checkpoint when a job is rolled back to its savepoint, so that its
    // numbers are given out again rather than skipped.
    struct Checkpoint {
        Sequences sequences;
        std::optional<LastIds> last_ids;
    };
    Checkpoint checkpoint() const { return {m_sequences, m_last_ids}; }
    void restore(Checkpoint checkpoint) {
        m_sequences = std::move(checkpoint.sequences);
        m_last_ids = checkpoint.last_ids;
    }

  private:
    struct Statements {
        std::unique_ptr<Statement> last_ids;
        std::unique_ptr<Statement> sequence;
        std::unique_ptr<Statement> save_sequence;
    };
    struct Tables {
        RowBatch* filings;
        RowBatch* evidence;
        RowBatch* categories;
        RowBatch* complaints;
        RowBatch* events;
        RowBatch* states;
        RowBatch* marks;
    };

    FilingWriter(Statements statements, Tables tables)
        : m_statements(std::move(statements)), m_tables(tables) {}

    util::Expected<LastIds*> last_ids();
    void add_filing(std::int64_t filing_id, const domain::ReceivedFiling& filing);
    util::Expected<long> next_sequence(const std::string& prefix, int year);

    Statements m_statements;
    Tables m_tables;
    std::vector<std::int64_t> m_complaint_ids;
    // Last sequence number per (prefix, year), loaded from office_sequences on first use in
    // the current transaction.
    Sequences m_sequences;
    std::optional<LastIds> m_last_ids;
};

}  // namespace redress::storage::sql
