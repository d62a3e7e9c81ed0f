#include "storage/sql/group_commit.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "util/thread_name.hpp"

namespace redress::storage::sql {

namespace {

constexpr std::string_view k_savepoint = "SAVEPOINT job";
constexpr std::string_view k_release = "RELEASE job";
constexpr std::string_view k_roll_back_job = "ROLLBACK TO job";

}  // namespace

util::Expected<std::unique_ptr<GroupCommit>> GroupCommit::start(
    std::unique_ptr<Connection> connection, std::size_t max_batch) {
    auto batches = std::make_unique<RowBatches>(*connection);
    auto filings = FilingWriter::prepare(*connection, *batches);
    if (!filings) return std::unexpected(filings.error());
    return std::unique_ptr<GroupCommit>(
        new GroupCommit(std::move(connection), std::move(batches), std::move(*filings), max_batch));
}

GroupCommit::GroupCommit(std::unique_ptr<Connection> connection,
                         std::unique_ptr<RowBatches> batches, FilingWriter filings,
                         std::size_t max_batch)
    : m_connection(std::move(connection)),
      m_batches(std::move(batches)),
      m_statements(*m_connection),
      m_filings(std::move(filings)),
      m_audit(m_statements),
      m_max_batch(max_batch),
      m_thread([this] { run(); }) {}

GroupCommit::~GroupCommit() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

namespace {

// A completion that throws must not end the writer thread, which every write needs.
void finish(WriteJob& job, util::Expected<void> outcome) {
    try {
        job.finish(std::move(outcome));
    } catch (const std::exception& e) {
        spdlog::error("storage: a write's completion threw: {}", e.what());
    } catch (...) {
        spdlog::error("storage: a write's completion threw");
    }
}

}  // namespace

void GroupCommit::submit(std::unique_ptr<WriteJob> job) {
    std::unique_lock lock(m_mutex);
    if (m_stopping) {
        lock.unlock();
        finish(*job, util::fail(util::ErrorCode::unavailable, "the store is closing"));
        return;
    }
    m_queue.push_back(std::move(job));
    lock.unlock();
    m_wake.notify_one();
}

void GroupCommit::run() {
    util::name_this_thread("writer");
    // This thread commits every write, and checkpoints after answering them (below).
    m_connection->defer_checkpoints();
    std::vector<std::unique_ptr<WriteJob>> batch;
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty()) return;  // stopping, and everything queued is committed
            const auto count = std::min(m_queue.size(), m_max_batch);
            batch.reserve(count);
            for (std::size_t i = 0; i < count; ++i) {
                batch.push_back(std::move(m_queue.front()));
                m_queue.pop_front();
            }
        }
        commit(batch);
        batch.clear();
        // Once every write of the batch is answered (SQLite: the -wal file's pages copied
        // into the database file when it holds enough of them).
        if (auto checkpointed = m_connection->checkpoint_when_due(); !checkpointed) {
            spdlog::warn("storage: {}", checkpointed.error().message);
        }
    }
}

void GroupCommit::commit(std::vector<std::unique_ptr<WriteJob>>& batch) {
    std::vector<util::Expected<void>> outcomes;
    outcomes.reserve(batch.size());
    if (auto written = write(batch, outcomes); !written) {
        const auto& error = written.error();
        for (auto& job : batch) finish(*job, util::fail(error.code, error.message));
        return;
    }
    for (std::size_t i = 0; i < batch.size(); ++i) finish(*batch[i], std::move(outcomes[i]));
}

util::Expected<void> GroupCommit::write(std::vector<std::unique_ptr<WriteJob>>& batch,
                                        std::vector<util::Expected<void>>& outcomes) {
    // The write lock is taken now, so the transaction cannot fail later for want of it.
    if (auto begun = m_connection->begin_writing(); !begun) return begun;
    m_batches->clear();
    m_filings.begin();
    m_audit.begin();
    WriteContext context{*m_connection, m_statements, *m_batches, m_filings, m_audit};
    util::Expected<void> result;
    // Savepoints are prepared once: a batch may hold thousands of jobs.
    const auto run = [this](std::string_view sql) -> util::Expected<void> {
        auto statement = m_statements.get(sql);
        if (!statement) return std::unexpected(statement.error());
        return (*statement)->run();
    };
    for (auto& job : batch) {
        if (job->isolation() == Isolation::whole_batch) {
            auto outcome = job->write(context);
            if (!outcome) {
                result = std::unexpected(outcome.error());
                break;
            }
            outcomes.push_back(std::move(outcome));
            continue;
        }
        // The filings' rows before it are written first: it may read them, and their
        // failure is not its own.
        result = m_batches->flush();
        if (result) result = run(k_savepoint);
        if (!result) break;
        auto sequences = m_filings.checkpoint();
        auto audit_head = m_audit.checkpoint();
        auto outcome = job->write(context);
        // What it sent ahead (Statement::send) has failed or not by now: its failure is
        // this job's alone.
        if (outcome) outcome = m_batches->flush();
        if (outcome) outcome = m_connection->settle();
        if (outcome) {
            result = run(k_release);
        } else {
            // This job alone is undone; its numbers are given out again to the next.
            m_filings.restore(std::move(sequences));
            m_audit.restore(audit_head);
            m_batches->clear();
            result = run(k_roll_back_job);
            if (result) result = run(k_release);
        }
        if (!result) break;
        outcomes.push_back(std::move(outcome));
    }
    if (result) result = m_batches->flush();
    if (result) result = m_filings.finish();
    if (result) result = m_connection->execute("COMMIT");
    if (!result) {
        // A failed COMMIT may already have rolled back (disk full, I/O error).
        if (m_connection->in_transaction()) (void)m_connection->execute("ROLLBACK");
        m_batches->clear();
        m_filings.begin();  // forget sequence numbers given out in the lost transaction
        m_audit.begin();
        return util::fail(
            util::ErrorCode::unavailable,
            fmt::format("could not store {} write(s): {}", batch.size(), result.error().message));
    }
    return {};
}

}  // namespace redress::storage::sql
