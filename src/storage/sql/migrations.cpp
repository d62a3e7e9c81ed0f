#include "storage/sql/migrations.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <chrono>

namespace redress::storage::sql {

namespace {

// The time a migration was applied, as the ledger keeps it.
std::string now_text() {
    return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}",
                       std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
}

// Runs `step` in a write transaction: committed when it succeeds, rolled back when not.
template <typename Step>
auto in_write_transaction(Connection& connection, Step step) -> decltype(step()) {
    if (auto begun = connection.begin_writing(); !begun) return std::unexpected(begun.error());
    auto result = step();
    if (result) {
        if (auto committed = connection.execute("COMMIT"); !committed) {
            result = std::unexpected(committed.error());
        }
    }
    if (!result && connection.in_transaction()) (void)connection.execute("ROLLBACK");
    return result;
}

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
    auto result = in_write_transaction(connection, [&]() -> util::Expected<bool> {
        // Checked inside the transaction so that two processes starting together cannot
        // both apply the same migration.
        auto found = is_applied.bind(1, std::int64_t{migration.version}).step();
        is_applied.reset();
        if (!found) return std::unexpected(std::move(found.error()));
        if (*found) return false;
        if (auto applied = connection.execute(migration.sql); !applied) {
            return std::unexpected(applied.error());
        }
        const auto at = now_text();
        auto recorded = record.bind(1, std::int64_t{migration.version})
                            .bind(2, migration.name)
                            .bind(3, at)
                            .run();
        if (!recorded) return std::unexpected(recorded.error());
        return true;
    });
    if (!result) {
        return util::fail(result.error().code,
                          fmt::format("migration {} ({}): {}", migration.version, migration.name,
                                      result.error().message));
    }
    return result;
}

}  // namespace

util::Expected<int> apply_migrations(Connection& connection, std::string_view create_ledger,
                                     std::span<const Migration> migrations) {
    if (auto ordered = check_order(migrations); !ordered) return std::unexpected(ordered.error());
    auto created =
        in_write_transaction(connection, [&] { return connection.execute(create_ledger); });
    if (!created) return std::unexpected(created.error());
    const int latest = migrations.empty() ? 0 : migrations.back().version;
    auto newest = connection.query_text("SELECT coalesce(max(version), 0) FROM schema_migrations");
    if (!newest) return std::unexpected(newest.error());
    const int before = std::stoi(*newest);
    if (before > latest) {
        return util::fail(util::ErrorCode::conflict,
                          fmt::format("database schema version {} is newer than this build "
                                      "knows ({}); refusing to open it",
                                      before, latest));
    }

    auto is_applied = connection.prepare("SELECT 1 FROM schema_migrations WHERE version = ?1");
    if (!is_applied) return std::unexpected(is_applied.error());
    auto record = connection.prepare(
        "INSERT INTO schema_migrations (version, name, applied_at) "
        "VALUES (?1, ?2, ?3)");
    if (!record) return std::unexpected(record.error());

    // An upgrade rewrites tables as large as the database, which can take minutes on a
    // large one; the administrator watching the start is told why it waits, and how long it
    // took. A new database's schema is made in a blink and says nothing.
    const bool upgrading = before > 0 && before < latest;
    const auto started = std::chrono::steady_clock::now();
    if (upgrading) {
        spdlog::info(
            "upgrading the database schema from version {} to {}; on a large database "
            "this can take minutes",
            before, latest);
    }
    int applied = 0;
    for (const auto& migration : migrations) {
        auto result = apply_one(connection, migration, **is_applied, **record);
        if (!result) return std::unexpected(result.error());
        if (*result) ++applied;
    }
    if (upgrading) {
        const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
        spdlog::info("database schema upgraded to version {} in {:.1f} s", latest, took.count());
    }
    return applied;
}

}  // namespace redress::storage::sql
