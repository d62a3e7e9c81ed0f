#pragma once
// One writer thread that commits many write jobs per transaction, so that concurrent
// filings, decisions and sign-ins share one fsync. A job's completion runs only once its
// transaction has committed (or failed), on the writer thread, never while the queue is
// locked.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

#include "storage/sql/connection.hpp"
#include "storage/sql/filing_writer.hpp"
#include "storage/sql/row_batches.hpp"
#include "storage/sql/statement_cache.hpp"
#include "storage/sql/write_job.hpp"

namespace redress::storage::sql {

class GroupCommit {
  public:
    // Takes the writing connection; starts the writer thread.
    static util::Expected<std::unique_ptr<GroupCommit>> start(
        std::unique_ptr<Connection> connection, std::size_t max_batch);

    // Stops accepting jobs, commits everything already queued, calls their completions and
    // joins the writer thread.
    ~GroupCommit();
    GroupCommit(const GroupCommit&) = delete;
    GroupCommit& operator=(const GroupCommit&) = delete;

    // Queues the job; its finish() runs once, on the writer thread, after COMMIT or failure.
    void submit(std::unique_ptr<WriteJob> job);

  private:
    GroupCommit(std::unique_ptr<Connection> connection, std::unique_ptr<RowBatches> batches,
                FilingWriter writer, std::size_t max_batch);

    void run();
    void commit(std::vector<std::unique_ptr<WriteJob>>& batch);
    // Runs every job of the batch in the transaction; a job that fails is rolled back to
    // its savepoint and its error kept in `outcomes`. Fails when the transaction does.
    util::Expected<void> write(std::vector<std::unique_ptr<WriteJob>>& batch,
                               std::vector<util::Expected<void>>& outcomes);

    std::unique_ptr<Connection> m_connection;  // stable address: the parts below point into it
    std::unique_ptr<RowBatches> m_batches;     // stable address: m_filings points into it
    StatementCache m_statements;
    FilingWriter m_filings;
    AuditWriter m_audit;
    const std::size_t m_max_batch;

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::unique_ptr<WriteJob>> m_queue;
    bool m_stopping = false;

    std::thread m_thread;  // last: starts once everything above exists
};

}  // namespace redress::storage::sql
