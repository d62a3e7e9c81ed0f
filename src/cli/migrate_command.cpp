#include "cli/migrate_command.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <cstdio>

#include "cli/audit_command.hpp"
#include "cli/database.hpp"
#include "cli/key_custody.hpp"
#include "storage/move/database_move.hpp"
#include "storage/postgresql/postgresql_store.hpp"
#include "storage/sqlite/sqlite_store.hpp"

namespace redress::cli {

namespace {

constexpr std::string_view k_sqlite_scheme = "sqlite://";

// Each side is opened with its store, which brings it to this build's newest schema.
util::Expected<std::unique_ptr<storage::Backend>> open_target(const std::string& url) {
    return storage::postgresql::open({.url = url, .read_connections = 1});
}

// The trail of one side, checked with the deployment's signing keys.
util::Expected<AuditTrailCheck> checked_trail(const config::Config& config,
                                              storage::Backend& backend) {
    auto keys = unlock_keys(config, backend);
    if (!keys) return std::unexpected(keys.error());
    std::vector<crypto::PublicKey> public_keys;
    for (const auto& key : keys->signing) public_keys.push_back(key.public_key);
    return check_audit_trail(backend, std::move(public_keys), std::nullopt);
}

}  // namespace

void add_migrate_options(CLI::App& command, MigrateOptions& options) {
    command.add_option("--from", options.from, "The SQLite database: sqlite://PATH")->required();
    command.add_option("--to", options.to, "The empty PostgreSQL database: postgresql://...")
        ->required();
}

int migrate_database(const config::Config& config, const MigrateOptions& options) {
    if (!options.from.starts_with(k_sqlite_scheme) ||
        options.from.size() == k_sqlite_scheme.size()) {
        spdlog::critical("--from: expected sqlite://PATH, the SQLite database to move");
        return 2;
    }
    const std::filesystem::path from = options.from.substr(k_sqlite_scheme.size());
    if (!options.to.starts_with("postgresql://") && !options.to.starts_with("postgres://")) {
        spdlog::critical("--to: expected postgresql://..., the empty database to move into");
        return 2;
    }
    if (!std::filesystem::exists(from)) {
        spdlog::critical("--from: there is no database at {}", from.string());
        return 2;
    }
    // The target's name without its password, for every message.
    auto named = config;
    named.storage.database = options.to;
    const auto target_name = database_name(named);

    auto source = storage::sqlite::open({.path = from, .read_connections = 1});
    if (!source) {
        spdlog::critical("database {}: {}", from.string(), source.error().message);
        return 2;
    }
    auto source_trail = checked_trail(config, **source);
    source->reset();  // its threads stopped, its journal checkpointed: the file is whole
    if (!source_trail) {
        spdlog::critical("database {}: {}", from.string(), source_trail.error().message);
        return 2;
    }
    if (source_trail->broken) {
        fmt::print(
            "refused: the audit trail of {} is already broken at entry {} ({}); run "
            "`redress audit verify` and resolve it first\n",
            from.string(), source_trail->broken->sequence,
            staff::audit_break_text(source_trail->broken->kind));
        return 1;
    }
    if (auto target = open_target(options.to); !target) {
        spdlog::critical("database {}: {}", target_name, target.error().message);
        return 2;
    }

    fmt::print("moving {} to {}\n", from.string(), target_name);
    std::fflush(stdout);
    std::int64_t rows = 0;
    auto moved = storage::move::move_sqlite_to_postgresql(
        from, options.to, [&rows](const storage::move::TableMoved& table) {
            rows += table.rows;
            fmt::print("  {:<28} {:>12} rows\n", table.table, table.rows);
            // Shown as it goes, also when the output is a file: a big move takes minutes.
            std::fflush(stdout);
        });
    if (!moved) {
        fmt::print("not moved: {}\nThe PostgreSQL database is as it was.\n", moved.error().message);
        return 1;
    }

    auto target = open_target(options.to);
    if (!target) {
        spdlog::critical("database {}: {}", target_name, target.error().message);
        return 1;
    }
    auto target_trail = checked_trail(named, **target);
    if (!target_trail) {
        fmt::print("moved, but the audit trail could not be checked: {}\n",
                   target_trail.error().message);
        return 1;
    }
    if (target_trail->broken || target_trail->entries != source_trail->entries ||
        target_trail->checkpoints != source_trail->checkpoints) {
        fmt::print(
            "moved, but the audit trail differs: {} entries and {} checkpoints before, "
            "{} and {} after{}\n",
            source_trail->entries, source_trail->checkpoints, target_trail->entries,
            target_trail->checkpoints,
            target_trail->broken
                ? fmt::format(", broken at entry {}", target_trail->broken->sequence)
                : std::string());
        return 1;
    }
    fmt::print(
        "moved {} tables, {} rows; every count matches, and the audit trail is intact on "
        "both sides ({} entries, {} signed checkpoints).\nNext: set storage.database to "
        "the new database on every node (docs/deployment.md), move the evidence folder "
        "where the nodes share it, and start them.\n",
        moved->size(), rows, target_trail->entries, target_trail->checkpoints);
    return 0;
}

}  // namespace redress::cli
