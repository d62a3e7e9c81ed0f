#include "storage/sqlite/group_commit.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

namespace redress::storage::sqlite {

util::Expected<std::unique_ptr<GroupCommit>> GroupCommit::start(Connection connection,
                                                                std::size_t max_batch) {
    auto owned = std::make_unique<Connection>(std::move(connection));
    auto writer = FilingWriter::prepare(*owned);
    if (!writer) return std::unexpected(writer.error());
    return std::unique_ptr<GroupCommit>(
        new GroupCommit(std::move(owned), std::move(*writer), max_batch));
}

GroupCommit::GroupCommit(std::unique_ptr<Connection> connection, FilingWriter writer,
                         std::size_t max_batch)
    : m_connection(std::move(connection)),
      m_writer(std::move(writer)),
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

void GroupCommit::submit(domain::ReceivedFiling filing, RecordDone done) {
    std::unique_lock lock(m_mutex);
    if (m_stopping) {
        lock.unlock();
        done(util::fail(util::ErrorCode::unavailable, "the store is closing"));
        return;
    }
    m_queue.push_back({std::move(filing), std::move(done)});
    lock.unlock();
    m_wake.notify_one();
}

void GroupCommit::run() {
    std::vector<Pending> batch;
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
    }
}

namespace {

// A completion that throws must not end the writer thread, which every filing needs.
void complete(RecordDone& done, util::Expected<std::vector<domain::FiledComplaint>> result) {
    try {
        done(std::move(result));
    } catch (const std::exception& e) {
        spdlog::error("storage: a filing's completion threw: {}", e.what());
    } catch (...) {
        spdlog::error("storage: a filing's completion threw");
    }
}

}  // namespace

void GroupCommit::commit(std::vector<Pending>& batch) {
    auto written = write(batch);
    if (!written) {
        const auto& error = written.error();
        for (auto& pending : batch) complete(pending.done, util::fail(error.code, error.message));
        return;
    }
    for (std::size_t i = 0; i < batch.size(); ++i) {
        complete(batch[i].done, std::move((*written)[i]));
    }
}

util::Expected<std::vector<std::vector<domain::FiledComplaint>>> GroupCommit::write(
    const std::vector<Pending>& batch) {
    // IMMEDIATE takes the write lock now, so the transaction cannot fail later for want of it.
    if (auto begun = m_connection->execute("BEGIN IMMEDIATE"); !begun) {
        return std::unexpected(begun.error());
    }
    m_writer.begin();
    std::vector<std::vector<domain::FiledComplaint>> filed;
    filed.reserve(batch.size());
    util::Expected<void> result;
    for (const auto& pending : batch) {
        auto written = m_writer.write(pending.filing);
        if (!written) {
            result = std::unexpected(written.error());
            break;
        }
        filed.push_back(std::move(*written));
    }
    if (result) result = m_writer.finish();
    if (result) result = m_connection->execute("COMMIT");
    if (!result) {
        // A failed COMMIT may already have rolled back (disk full, I/O error).
        if (m_connection->in_transaction()) (void)m_connection->execute("ROLLBACK");
        m_writer.begin();  // forget sequence numbers given out in the lost transaction
        return util::fail(
            util::ErrorCode::unavailable,
            fmt::format("could not store {} filing(s): {}", batch.size(), result.error().message));
    }
    return filed;
}

}  // namespace redress::storage::sqlite
