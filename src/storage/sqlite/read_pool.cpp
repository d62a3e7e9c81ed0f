#include "storage/sqlite/read_pool.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>

#include "domain/complaint_status.hpp"

namespace redress::storage::sqlite {

namespace {

// One row per status event, oldest first; the complaint's columns repeat on each row.
constexpr std::string_view k_find_complaint = R"sql(
SELECT c.office_id, c.reference, f.received_at, f.receipt_hash, e.at, e.status
FROM complaints AS c
JOIN filings AS f ON f.id = c.filing_id
JOIN status_events AS e ON e.complaint_id = c.id
WHERE c.reference = ?1
ORDER BY e.at, e.id
)sql";

// A complaint chosen at random, read as k_find_complaint reads one: what a look-up that
// found nothing reads instead, so that a miss costs what a hit does (a random one, so that
// its pages are as likely to be cached as a real hit's).
constexpr std::string_view k_find_decoy = R"sql(
SELECT c.office_id, c.reference, f.received_at, f.receipt_hash, e.at, e.status
FROM complaints AS c
JOIN filings AS f ON f.id = c.filing_id
JOIN status_events AS e ON e.complaint_id = c.id
WHERE c.id = 1 + abs(random()) % (SELECT max(id) FROM complaints)
ORDER BY e.at, e.id
)sql";

constexpr std::size_t k_waiting_per_awake_reader = 4;

domain::Timestamp timestamp(std::int64_t seconds) {
    return domain::Timestamp(std::chrono::seconds(seconds));
}

util::Expected<domain::ComplaintRecord> read_first_row(const Statement& row) {
    domain::ComplaintRecord record;
    record.office_id = row.column_text(0);
    record.reference = row.column_text(1);
    record.received_at = timestamp(row.column_int(2));
    const auto hash = row.column_blob(3);
    if (hash.size() != record.receipt_hash.size()) {
        return util::fail(util::ErrorCode::internal, "stored receipt hash has the wrong size");
    }
    std::copy(hash.begin(), hash.end(), record.receipt_hash.begin());
    return record;
}

util::Expected<Connection> open_reader(const std::filesystem::path& path, std::size_t map_bytes) {
    auto connection = Connection::open(path, Access::read_only);
    if (!connection) return std::unexpected(connection.error());
    // Readers share the operating system's page cache through a mapping instead of each
    // copying pages into a private cache of its own. SQLite caps the size at its
    // compile-time maximum (2 GiB in Debian's build); pages past the mapping are read.
    if (auto mapped = connection->execute(fmt::format("PRAGMA mmap_size = {}", map_bytes));
        !mapped) {
        return std::unexpected(mapped.error());
    }
    return connection;
}

// The complaint the bound `statement` reads, with its timeline; nullopt when no row.
util::Expected<std::optional<domain::ComplaintRecord>> read_complaint(Statement& statement) {
    std::optional<domain::ComplaintRecord> record;
    util::Expected<bool> row;
    while ((row = statement.step()) && *row) {
        if (!record) {
            auto first = read_first_row(statement);
            if (!first) {
                statement.reset();
                return std::unexpected(first.error());
            }
            record = std::move(*first);
        }
        const auto status = domain::parse_status(statement.column_text(5));
        if (!status) {
            statement.reset();
            return util::fail(util::ErrorCode::internal, "unknown status in the database");
        }
        record->timeline.push_back({timestamp(statement.column_int(4)), *status});
    }
    statement.reset();
    if (!row) return std::unexpected(row.error());
    if (record) record->status = record->timeline.back().status;
    return record;
}

}  // namespace

util::Expected<std::unique_ptr<ReadPool>> ReadPool::open(const std::filesystem::path& path,
                                                         std::size_t size,
                                                         std::size_t map_bytes) {
    std::vector<std::unique_ptr<Reader>> readers;
    readers.reserve(size);
    for (std::size_t i = 0; i < size; ++i) {
        auto connection = open_reader(path, map_bytes);
        if (!connection) return std::unexpected(connection.error());
        auto find_statement = connection->prepare(k_find_complaint);
        if (!find_statement) return std::unexpected(find_statement.error());
        auto decoy_statement = connection->prepare(k_find_decoy);
        if (!decoy_statement) return std::unexpected(decoy_statement.error());
        readers.push_back(std::make_unique<Reader>(Reader{
            std::move(*connection), std::move(*find_statement), std::move(*decoy_statement)}));
    }
    auto ping_connection = open_reader(path, 0);
    if (!ping_connection) return std::unexpected(ping_connection.error());
    auto ping = ping_connection->prepare("SELECT 1");
    if (!ping) return std::unexpected(ping.error());
    return std::unique_ptr<ReadPool>(
        new ReadPool(std::move(readers), std::move(*ping_connection), std::move(*ping)));
}

ReadPool::ReadPool(std::vector<std::unique_ptr<Reader>> readers, Connection ping_connection,
                   Statement ping)
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

void ReadPool::find_complaint(std::string reference, FindDone done) {
    bool wake = false;
    {
        std::lock_guard lock(m_mutex);
        m_queue.push_back({std::move(reference), std::move(done)});
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
    for (;;) {
        Lookup lookup;
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
            lookup = std::move(m_queue.front());
            m_queue.pop_front();
        }
        reader.find_complaint.bind(1, lookup.reference);
        auto found = read_complaint(reader.find_complaint);
        // A reference that matched nothing reads a random complaint's rows instead, and
        // drops them: a guesser cannot time which references exist.
        if (found && !found->has_value()) (void)read_complaint(reader.find_decoy);
        try {
            lookup.done(std::move(found));
        } catch (const std::exception& e) {
            spdlog::error("storage: a look-up's completion threw: {}", e.what());
        } catch (...) {
            spdlog::error("storage: a look-up's completion threw");
        }
    }
}

bool ReadPool::healthy() {
    std::lock_guard lock(m_ping_mutex);
    auto row = m_ping.step();
    m_ping.reset();
    return row && *row;
}

}  // namespace redress::storage::sqlite
