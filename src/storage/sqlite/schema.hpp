#pragma once
// SQLite's schema: migrations/sqlite/*.sql, compiled in (storage/embed_migrations.cmake).

#include <span>
#include <string_view>

#include "storage/sql/migrations.hpp"

namespace redress::storage::sqlite {

// Every migration built into this binary, in version order (generated at build time).
std::span<const sql::Migration> embedded_migrations();

// Creates the ledger of applied migrations when absent.
inline constexpr std::string_view k_create_ledger = R"sql(
CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
) STRICT;
)sql";

}  // namespace redress::storage::sqlite
