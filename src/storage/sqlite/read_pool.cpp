#include "storage/sqlite/read_pool.hpp"

#include <fmt/format.h>

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

constexpr std::string_view k_map_database = "PRAGMA mmap_size = 268435456";  // 256 MiB

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

}  // namespace

util::Expected<std::unique_ptr<ReadPool>> ReadPool::open(const std::filesystem::path& path,
                                                         std::size_t size) {
    std::vector<std::unique_ptr<Reader>> readers;
    readers.reserve(size);
    for (std::size_t i = 0; i < size; ++i) {
        auto connection = Connection::open(path, Access::read_only);
        if (!connection) return std::unexpected(connection.error());
        // Readers share the operating system's page cache through a mapping instead of
        // each copying pages into a private cache of its own.
        if (auto mapped = connection->execute(k_map_database); !mapped) {
            return std::unexpected(mapped.error());
        }
        auto find = connection->prepare(k_find_complaint);
        if (!find) return std::unexpected(find.error());
        auto ping = connection->prepare("SELECT 1");
        if (!ping) return std::unexpected(ping.error());
        readers.push_back(std::make_unique<Reader>(
            Reader{std::move(*connection), std::move(*find), std::move(*ping)}));
    }
    return std::unique_ptr<ReadPool>(new ReadPool(std::move(readers)));
}

ReadPool::ReadPool(std::vector<std::unique_ptr<Reader>> readers) : m_readers(std::move(readers)) {
    for (auto& reader : m_readers) m_idle.push_back(reader.get());
}

ReadPool::Lease ReadPool::borrow() {
    std::unique_lock lock(m_mutex);
    m_returned.wait(lock, [this] { return !m_idle.empty(); });
    Reader* reader = m_idle.back();
    m_idle.pop_back();
    return Lease(*this, *reader);
}

void ReadPool::give_back(Reader& reader) {
    {
        std::lock_guard lock(m_mutex);
        m_idle.push_back(&reader);
    }
    m_returned.notify_one();
}

util::Expected<std::optional<domain::ComplaintRecord>> ReadPool::find_complaint(
    std::string_view reference) {
    const auto reader = borrow();
    auto& statement = reader->find_complaint;
    statement.bind(1, reference);
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

bool ReadPool::healthy() {
    const auto reader = borrow();
    auto row = reader->ping.step();
    reader->ping.reset();
    return row && *row;
}

}  // namespace redress::storage::sqlite
