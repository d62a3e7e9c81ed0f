#include "storage/sqlite/sqlite_store.hpp"

#include <algorithm>
#include <chrono>
#include <set>

#include "storage/sqlite/durability.hpp"
#include "storage/sqlite/group_commit.hpp"
#include "storage/sqlite/migrations.hpp"
#include "storage/sqlite/read_pool.hpp"

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

constexpr std::string_view k_select_key_check = "SELECT check_value FROM sealing_key WHERE id = 1";
constexpr std::string_view k_insert_key_check =
    "INSERT INTO sealing_key (id, check_value, adopted_at) VALUES (1, ?1, ?2)";
constexpr std::string_view k_any_filing = "SELECT EXISTS (SELECT 1 FROM filings)";

class SqliteStore final : public Store {
  public:
    SqliteStore(std::filesystem::path path, std::unique_ptr<GroupCommit> writer,
                std::unique_ptr<ReadPool> readers)
        : m_path(std::move(path)), m_readers(std::move(readers)), m_writer(std::move(writer)) {}

    void record(domain::ReceivedFiling filing, RecordDone done) override {
        if (auto storable = check_storable(filing); !storable) {
            done(std::unexpected(storable.error()));
            return;
        }
        m_writer->submit(std::move(filing), std::move(done));
    }

    void find_complaint(std::string reference, FindDone done) override {
        m_readers->find_complaint(std::move(reference), std::move(done));
    }

    bool healthy() override { return m_readers->healthy(); }

    util::Expected<std::optional<KeyCheck>> key_check() override {
        auto connection = Connection::open(m_path, Access::read_only);
        if (!connection) return std::unexpected(connection.error());
        auto select = connection->prepare(k_select_key_check);
        if (!select) return std::unexpected(select.error());
        auto row = select->step();
        if (!row) return std::unexpected(row.error());
        if (!*row) return std::optional<KeyCheck>{};
        const auto stored = select->column_blob(0);
        KeyCheck check{};
        if (stored.size() != check.size()) {
            return util::fail(util::ErrorCode::internal, "stored key check has the wrong size");
        }
        std::copy(stored.begin(), stored.end(), check.begin());
        return std::optional<KeyCheck>{check};
    }

    util::Expected<void> adopt_key_check(const KeyCheck& check) override {
        auto stored = key_check();
        if (!stored) return std::unexpected(stored.error());
        if (*stored) {
            if (**stored == check) return {};
            return util::fail(util::ErrorCode::conflict, "the database has another key");
        }
        // A connection of its own: this runs at start-up, before any filing is queued, and
        // the writer thread's connection belongs to that thread.
        auto connection = Connection::open(m_path, Access::read_write);
        if (!connection) return std::unexpected(connection.error());
        auto insert = connection->prepare(k_insert_key_check);
        if (!insert) return std::unexpected(insert.error());
        const auto now = std::chrono::duration_cast<std::chrono::seconds>(
            std::chrono::system_clock::now().time_since_epoch());
        return insert->bind(1, std::span<const std::uint8_t>(check))
            .bind(2, static_cast<std::int64_t>(now.count()))
            .run();
    }

    util::Expected<bool> holds_filings() override {
        auto connection = Connection::open(m_path, Access::read_only);
        if (!connection) return std::unexpected(connection.error());
        auto any = connection->query_text(k_any_filing);
        if (!any) return std::unexpected(any.error());
        return *any == "1";
    }

  private:
    std::filesystem::path m_path;
    std::unique_ptr<ReadPool> m_readers;
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
    return std::make_unique<SqliteStore>(path, std::move(*writer), std::move(*readers));
}

}  // namespace redress::storage::sqlite
