#pragma once
// One writer thread that commits many filings per transaction, so that concurrent filings
// share one fsync. A filing's `done` runs only once its transaction has committed (or
// failed), on the writer thread, never while the queue is locked.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <thread>

#include "storage/sqlite/connection.hpp"
#include "storage/sqlite/filing_writer.hpp"
#include "storage/store.hpp"

namespace redress::storage::sqlite {

class GroupCommit {
  public:
    // Takes the writing connection; starts the writer thread.
    static util::Expected<std::unique_ptr<GroupCommit>> start(Connection connection,
                                                              std::size_t max_batch);

    // Stops accepting filings, commits everything already queued, calls its callbacks and
    // joins the writer thread.
    ~GroupCommit();
    GroupCommit(const GroupCommit&) = delete;
    GroupCommit& operator=(const GroupCommit&) = delete;

    // Queues the filing; `done` runs once, on the writer thread, after COMMIT or failure.
    void submit(domain::ReceivedFiling filing, RecordDone done);

  private:
    struct Pending {
        domain::ReceivedFiling filing;
        RecordDone done;
    };

    GroupCommit(std::unique_ptr<Connection> connection, FilingWriter writer, std::size_t max_batch);

    void run();
    void commit(std::vector<Pending>& batch);
    util::Expected<std::vector<std::vector<domain::FiledComplaint>>> write(
        const std::vector<Pending>& batch);

    std::unique_ptr<Connection> m_connection;  // stable address: m_writer points into it
    FilingWriter m_writer;
    const std::size_t m_max_batch;

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Pending> m_queue;
    bool m_stopping = false;

    std::thread m_thread;  // last: starts once everything above exists
};

}  // namespace redress::storage::sqlite
