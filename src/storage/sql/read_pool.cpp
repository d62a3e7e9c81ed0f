#include "storage/sql/read_pool.hpp"

#include <spdlog/spdlog.h>

#include "util/thread_name.hpp"

namespace redress::storage::sql {

namespace {

constexpr std::size_t k_waiting_per_awake_reader = 4;
// Reads a reader takes from the queue at once and runs in one snapshot (a reader wakes
// another before this many wait for each awake).
constexpr std::size_t k_reads_per_snapshot = k_waiting_per_awake_reader;

}  // namespace

util::Expected<std::unique_ptr<ReadPool>> ReadPool::open(Database& database, std::size_t size) {
    std::vector<std::unique_ptr<Reader>> readers;
    readers.reserve(size);
    for (std::size_t i = 0; i < size; ++i) {
        auto connection = database.connect(Access::read_only);
        if (!connection) return std::unexpected(connection.error());
        readers.push_back(std::make_unique<Reader>(std::move(*connection)));
    }
    auto ping_connection = database.connect(Access::read_only);
    if (!ping_connection) return std::unexpected(ping_connection.error());
    auto ping = (*ping_connection)->prepare("SELECT 1");
    if (!ping) return std::unexpected(ping.error());
    return std::unique_ptr<ReadPool>(
        new ReadPool(std::move(readers), std::move(*ping_connection), std::move(*ping)));
}

ReadPool::ReadPool(std::vector<std::unique_ptr<Reader>> readers,
                   std::unique_ptr<Connection> ping_connection, std::unique_ptr<Statement> ping)
    : m_readers(std::move(readers)),
      m_ping_connection(std::move(ping_connection)),
      m_ping(std::move(ping)) {
    for (auto& reader : m_readers) m_threads.emplace_back([this, &reader] { run(*reader); });
}

ReadPool::~ReadPool() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_queued.notify_all();
    m_threads.clear();  // joins; each thread first answers what is queued
}

void ReadPool::submit(ReadJob job) {
    bool wake = false;
    {
        std::lock_guard lock(m_mutex);
        m_queue.push_back(std::move(job));
        // Another reader is woken only when those awake have a few look-ups each waiting:
        // waking a thread costs more than a look-up from the page cache, so under a steady
        // load one or two readers stay awake and take the queue in turn, and more wake when
        // the queue grows (reads that wait for the disk).
        const std::size_t awake = m_readers.size() - m_sleeping;
        if (m_sleeping > 0 && m_queue.size() > k_waiting_per_awake_reader * awake) {
            --m_sleeping;
            ++m_wakes;
            wake = true;
        }
    }
    if (wake) m_queued.notify_one();
}

void ReadPool::run(Reader& reader) {
    util::name_this_thread("reader");
    std::vector<ReadJob> jobs;
    jobs.reserve(k_reads_per_snapshot);
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            while (m_queue.empty()) {
                if (m_stopping) return;  // nothing left to answer
                ++m_sleeping;
                m_queued.wait(lock, [this] { return m_wakes > 0 || m_stopping; });
                if (m_wakes > 0) {
                    --m_wakes;  // the waker counted this reader awake
                } else {
                    --m_sleeping;  // stopping
                }
            }
            while (!m_queue.empty() && jobs.size() < k_reads_per_snapshot) {
                jobs.push_back(std::move(m_queue.front()));
                m_queue.pop_front();
            }
        }
        // Every read taken was queued before its snapshot is taken, so each sees what was
        // committed before it was asked for.
        ReadContext context{*reader.connection, reader.statements};
        const bool one_snapshot = reader.connection->begin_reading().has_value();
        for (auto& job : jobs) {
            try {
                job(context);
            } catch (const std::exception& e) {
                spdlog::error("storage: a read's completion threw: {}", e.what());
            } catch (...) {
                spdlog::error("storage: a read's completion threw");
            }
        }
        if (one_snapshot) reader.connection->end_reading();
        jobs.clear();
    }
}

bool ReadPool::healthy() {
    std::lock_guard lock(m_ping_mutex);
    auto row = m_ping->step();
    m_ping->reset();
    return row && *row;
}

}  // namespace redress::storage::sql
