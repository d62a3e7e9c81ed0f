#include "storage/sqlite/migrations.hpp"

#include <fmt/format.h>

namespace redress::storage::sqlite {

namespace {

constexpr std::string_view k_create_ledger = R"sql(
CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
) STRICT;
)sql";

util::Expected<void> check_order(std::span<const Migration> migrations) {
    int previous = 0;
    for (const auto& migration : migrations) {
        if (migration.version <= previous) {
            return util::fail(util::ErrorCode::internal,
                              fmt::format("migration {} is out of order", migration.version));
        }
        previous = migration.version;
    }
    return {};
}

// true when it applied the migration, false when it had been applied already.
util::Expected<bool> apply_one(Connection& connection, const Migration& migration,
                               Statement& is_applied, Statement& record) {
    if (auto begun = connection.execute("BEGIN IMMEDIATE"); !begun) {
        return std::unexpected(begun.error());
    }
    auto result = [&]() -> util::Expected<bool> {
        // Checked inside the transaction so that two processes starting together cannot
        // both apply the same migration.
        auto found = is_applied.bind(1, std::int64_t{migration.version}).step();
        is_applied.reset();
        if (!found) return std::unexpected(std::move(found.error()));
        if (*found) return false;
        if (auto applied = connection.execute(migration.sql); !applied) {
            return std::unexpected(applied.error());
        }
        auto recorded =
            record.bind(1, std::int64_t{migration.version}).bind(2, migration.name).run();
        if (!recorded) return std::unexpected(recorded.error());
        return true;
    }();
    if (result) {
        if (auto committed = connection.execute("COMMIT"); !committed) {
            result = std::unexpected(committed.error());
        }
    }
    if (!result) {
        if (connection.in_transaction()) (void)connection.execute("ROLLBACK");
        return util::fail(result.error().code,
                          fmt::format("migration {} ({}): {}", migration.version, migration.name,
                                      result.error().message));
    }
    return result;
}

}  // namespace

util::Expected<int> apply_migrations(Connection& connection,
                                     std::span<const Migration> migrations) {
    if (auto ordered = check_order(migrations); !ordered) return std::unexpected(ordered.error());
    if (auto created = connection.execute(k_create_ledger); !created) {
        return std::unexpected(created.error());
    }
    const int latest = migrations.empty() ? 0 : migrations.back().version;
    auto newest = connection.query_text("SELECT coalesce(max(version), 0) FROM schema_migrations");
    if (!newest) return std::unexpected(newest.error());
    if (std::stoi(*newest) > latest) {
        return util::fail(util::ErrorCode::conflict,
                          fmt::format("database schema version {} is newer than this build "
                                      "knows ({}); refusing to open it",
                                      *newest, latest));
    }

    auto is_applied = connection.prepare("SELECT 1 FROM schema_migrations WHERE version = ?1");
    if (!is_applied) return std::unexpected(is_applied.error());
    auto record = connection.prepare(
        "INSERT INTO schema_migrations (version, name, applied_at) "
        "VALUES (?1, ?2, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))");
    if (!record) return std::unexpected(record.error());

    int applied = 0;
    for (const auto& migration : migrations) {
        auto result = apply_one(connection, migration, *is_applied, *record);
        if (!result) return std::unexpected(result.error());
        if (*result) ++applied;
    }
    return applied;
}

}  // namespace redress::storage::sqlite
