#include "storage/sqlite/sqlite_store.hpp"

#include <set>

#include "storage/sqlite/durability.hpp"
#include "storage/sqlite/group_commit.hpp"
#include "storage/sqlite/migrations.hpp"
#include "storage/sqlite/read_pool.hpp"
#include "storage/sqlite/recent_complaints.hpp"

namespace redress::storage::sqlite {

namespace {

// A filing that could never be stored is refused at once rather than failing the whole
// group it would be committed with.
util::Expected<void> check_storable(const domain::ReceivedFiling& filing) {
    if (filing.destinations.empty()) {
        return util::fail(util::ErrorCode::invalid_input, "a filing needs at least one office");
    }
    std::set<std::string_view> offices;
    for (const auto& destination : filing.destinations) {
        if (destination.office_id.empty() || destination.reference_prefix.empty()) {
            return util::fail(util::ErrorCode::invalid_input,
                              "a destination needs an office and a reference prefix");
        }
        if (!offices.insert(destination.office_id).second) {
            return util::fail(util::ErrorCode::invalid_input,
                              "a filing names the same office twice");
        }
    }
    return {};
}

class SqliteStore final : public Store {
  public:
    SqliteStore(std::unique_ptr<GroupCommit> writer, std::unique_ptr<ReadPool> readers,
                std::size_t recent_complaints)
        : m_readers(std::move(readers)), m_recent(recent_complaints), m_writer(std::move(writer)) {}

    void record(domain::ReceivedFiling filing, RecordDone done) override {
        if (auto storable = check_storable(filing); !storable) {
            done(std::unexpected(storable.error()));
            return;
        }
        // Runs on the writer thread after the commit, before the caller hears of it.
        auto remember = [this, received_at = filing.received_at, hash = filing.receipt_hash,
                         done = std::move(done)](
                            util::Expected<std::vector<domain::FiledComplaint>> filed) mutable {
            if (filed) {
                for (const auto& complaint : *filed) {
                    m_recent.remember({complaint.office_id,
                                       complaint.reference,
                                       received_at,
                                       hash,
                                       domain::Status::received,
                                       {{received_at, domain::Status::received}}});
                }
            }
            done(std::move(filed));
        };
        m_writer->submit(std::move(filing), std::move(remember));
    }

    util::Expected<std::optional<domain::ComplaintRecord>> find_complaint(
        std::string_view reference) override {
        if (auto recent = m_recent.find(reference)) return recent;
        return m_readers->find_complaint(reference);
    }

    bool healthy() override { return m_readers->healthy(); }

  private:
    std::unique_ptr<ReadPool> m_readers;
    RecentComplaints m_recent;
    // Destroyed first, so that callbacks run while draining may still look complaints up.
    std::unique_ptr<GroupCommit> m_writer;
};

}  // namespace

util::Expected<std::unique_ptr<Store>> open(const Settings& settings) {
    if (settings.max_batch == 0 || settings.read_connections == 0) {
        return util::fail(util::ErrorCode::invalid_input,
                          "sqlite max_batch and read_connections must be at least 1");
    }
    // Absolute, so that SQLite (built to accept URIs) can never read the path as "file:..."
    // or ":memory:".
    std::error_code error;
    const auto path = std::filesystem::absolute(settings.path, error);
    if (error || settings.path.empty()) {
        return util::fail(util::ErrorCode::invalid_input, "sqlite path is not usable");
    }
    if (auto prepared = prepare_database_file(path); !prepared) {
        return std::unexpected(prepared.error());
    }
    auto connection = Connection::open(path, Access::read_write);
    if (!connection) return std::unexpected(connection.error());
    if (auto durable = require_durability(*connection); !durable) {
        return std::unexpected(durable.error());
    }
    if (auto migrated = apply_migrations(*connection, embedded_migrations()); !migrated) {
        return std::unexpected(migrated.error());
    }
    auto readers = ReadPool::open(path, settings.read_connections);
    if (!readers) return std::unexpected(readers.error());
    auto writer = GroupCommit::start(std::move(*connection), settings.max_batch);
    if (!writer) return std::unexpected(writer.error());
    return std::make_unique<SqliteStore>(std::move(*writer), std::move(*readers),
                                         settings.recent_complaints);
}

}  // namespace redress::storage::sqlite
