#pragma once
// A unit of writing of any kind (a filing, a staff account, a triage decision...), run by
// the one writer thread inside a transaction shared with every other job waiting, so that
// they share one fsync. Each job runs in a savepoint of its own: a job that fails is rolled
// back alone and the rest of its batch still commits.

#include <memory>
#include <optional>
#include <utility>

#include "storage/sql/audit_writer.hpp"
#include "storage/sql/connection.hpp"
#include "storage/sql/filing_writer.hpp"
#include "storage/sql/row_batches.hpp"
#include "storage/sql/statement_cache.hpp"
#include "util/error.hpp"

namespace redress::storage::sql {

// What a job may use while it writes; all of it belongs to the writer thread.
struct WriteContext {
    Connection& connection;
    StatementCache& statements;
    // Rows written later, many to a statement; a job that reads what it may have added
    // flushes them first.
    RowBatches& batches;
    FilingWriter& filings;
    AuditWriter& audit;
};

// How a job's failure is contained. `own_savepoint`: undone alone, the batch goes on (a
// name taken, a complaint decided by someone else first: failures that are the caller's).
// `whole_batch`: no savepoint; a failure fails the whole transaction. For jobs checked
// before they are queued, whose only failure is the database failing, and which are many
// (filings: a savepoint each cost a tenth of a filing's time).
enum class Isolation { own_savepoint, whole_batch };

class WriteJob {
  public:
    explicit WriteJob(Isolation isolation = Isolation::own_savepoint) : m_isolation(isolation) {}
    virtual ~WriteJob() = default;

    Isolation isolation() const { return m_isolation; }

    // Writes inside the open transaction. An error rolls back this job's changes only, or
    // the whole batch's (Isolation).
    virtual util::Expected<void> write(WriteContext& context) = 0;
    // Runs once, on the writer thread, after the transaction committed or failed (or
    // after write() failed): hands the outcome on. It must not block.
    virtual void finish(util::Expected<void> committed) = 0;

  private:
    Isolation m_isolation;
};

// A job from a function that writes and returns a result, and the completion that gets
// that result once it is durable (or the error).
template <typename Result, typename Write, typename Done>
class FunctionJob final : public WriteJob {
  public:
    FunctionJob(Write write, Done done, Isolation isolation)
        : WriteJob(isolation), m_write(std::move(write)), m_done(std::move(done)) {}

    util::Expected<void> write(WriteContext& context) override {
        auto written = m_write(context);
        if (!written) return std::unexpected(written.error());
        m_result.emplace(std::move(*written));
        return {};
    }

    void finish(util::Expected<void> committed) override {
        if (!committed) return m_done(std::unexpected(committed.error()));
        m_done(util::Expected<Result>(std::move(*m_result)));
    }

  private:
    Write m_write;
    Done m_done;
    std::optional<Result> m_result;
};

// `write` is util::Expected<Result>(WriteContext&); `done` takes util::Expected<Result>.
template <typename Result, typename Write, typename Done>
std::unique_ptr<WriteJob> make_write_job(Write write, Done done,
                                         Isolation isolation = Isolation::own_savepoint) {
    return std::make_unique<FunctionJob<Result, Write, Done>>(std::move(write), std::move(done),
                                                              isolation);
}

}  // namespace redress::storage::sql
