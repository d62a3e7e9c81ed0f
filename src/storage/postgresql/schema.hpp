#pragma once
// PostgreSQL's schema: migrations/postgresql/*.sql, compiled in
// (storage/embed_migrations.cmake). Its first file is the SQLite schema of the same release in
// one; every later change is a migration in both folders with the same effect.

#include <span>
#include <string_view>

#include "storage/sql/migrations.hpp"

namespace redress::storage::postgresql {

// Every migration built into this binary, in version order (generated at build time).
std::span<const sql::Migration> embedded_migrations();

// Creates the ledger of applied migrations when absent.
inline constexpr std::string_view k_create_ledger = R"sql(
CREATE TABLE IF NOT EXISTS schema_migrations (
    version    bigint PRIMARY KEY,
    name       text NOT NULL,
    applied_at text NOT NULL
);
)sql";

}  // namespace redress::storage::postgresql
