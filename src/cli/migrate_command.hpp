#pragma once
// `redress migrate-db --from sqlite://PATH --to postgresql://...`: moves a deployment that
// outgrew SQLite onto PostgreSQL (docs/deployment.md), with every table's count and the audit
// trail checked after the move.

#include <CLI/CLI.hpp>
#include <string>

#include "config/config.hpp"

namespace redress::cli {

struct MigrateOptions {
    std::string from;  // sqlite://PATH, or a path
    std::string to;    // postgresql://...
};

void add_migrate_options(CLI::App& command, MigrateOptions& options);

// Prints each table as it is copied and what was checked. 0: moved and checked; 1: refused
// or failed, the target left as it was; 2: could not start.
int migrate_database(const config::Config& config, const MigrateOptions& options);

}  // namespace redress::cli
