#pragma once
// Writes filings, their complaints and first status events inside a transaction that the
// caller owns, numbering references per office prefix and year.

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "domain/received_filing.hpp"
#include "storage/sql/connection.hpp"
#include "util/error.hpp"

namespace redress::storage::sql {

class FilingWriter {
  public:
    // Prepares every statement once on `connection`, which must outlive the writer.
    static util::Expected<FilingWriter> prepare(Connection& connection);

    // Inserts one filing; call between begin() and finish(). The complaints come back in
    // the filing's destination order.
    util::Expected<std::vector<domain::FiledComplaint>> write(const domain::ReceivedFiling& filing);

    // Call at the start of each transaction: sequence numbers are read again from the
    // database, so that a rolled-back transaction never leaves a gap or a reuse.
    void begin();
    // Writes the sequence numbers given out since begin(); call before COMMIT.
    util::Expected<void> finish();

    // The sequence numbers given out so far in this transaction; restore() takes them back
    // to a checkpoint when a job is rolled back to its savepoint, so that its numbers are
    // given out again rather than skipped.
    using Sequences = std::map<std::pair<std::string, int>, long>;
    Sequences checkpoint() const { return m_sequences; }
    void restore(Sequences sequences) { m_sequences = std::move(sequences); }

  private:
    struct Statements {
        std::unique_ptr<Statement> filing;
        std::unique_ptr<Statement> category;
        std::unique_ptr<Statement> sequence;
        std::unique_ptr<Statement> save_sequence;
        std::unique_ptr<Statement> complaint;
        std::unique_ptr<Statement> event;
        std::unique_ptr<Statement> state;
        std::unique_ptr<Statement> evidence;
    };

    explicit FilingWriter(Statements statements) : m_statements(std::move(statements)) {}

    util::Expected<std::int64_t> insert_filing(const domain::ReceivedFiling& filing);
    util::Expected<void> insert_evidence(std::int64_t filing_id,
                                         const domain::ReceivedFiling& filing);
    util::Expected<void> insert_categories(std::int64_t filing_id,
                                           const domain::ReceivedFiling& filing);
    util::Expected<long> next_sequence(const std::string& prefix, int year);

    Statements m_statements;
    // Last sequence number per (prefix, year), loaded from office_sequences on first use in
    // the current transaction.
    Sequences m_sequences;
};

}  // namespace redress::storage::sql
