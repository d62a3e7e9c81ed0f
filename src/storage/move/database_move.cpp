#include "storage/move/database_move.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>

#include "storage/postgresql/connection.hpp"
#include "storage/sqlite/connection.hpp"

namespace redress::storage::move {

namespace {

using sql::Access;
using sql::Connection;
using sql::Statement;

enum class ColumnType { integer, text, blob };

struct Column {
    std::string name;
    ColumnType type = ColumnType::text;
};

struct Table {
    std::string name;
    std::vector<Column> columns;
    std::set<std::string> references;  // the tables its foreign keys name
};

// The ledger of migrations is each database's own; the rest is the deployment's data.
constexpr std::string_view k_sqlite_tables = R"sql(
SELECT name FROM sqlite_schema
WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND name <> 'schema_migrations'
ORDER BY name
)sql";
constexpr std::string_view k_postgresql_tables = R"sql(
SELECT table_name FROM information_schema.tables
WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
  AND table_name <> 'schema_migrations'
ORDER BY table_name
)sql";
constexpr std::string_view k_columns = "SELECT name, type FROM pragma_table_info(?1) ORDER BY cid";
constexpr std::string_view k_references =
    "SELECT DISTINCT \"table\" FROM pragma_foreign_key_list(?1)";
constexpr std::string_view k_identity_columns = R"sql(
SELECT table_name, column_name FROM information_schema.columns
WHERE table_schema = current_schema() AND is_identity = 'YES'
)sql";

util::Error failure(std::string_view what, const util::Error& error) {
    return {error.code, fmt::format("{}: {}", what, error.message)};
}

// Names come from the databases' own catalogues; checked all the same before they are
// written into SQL, as identifiers in double quotes.
util::Expected<std::string> identifier(std::string_view name) {
    const bool plain = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
    if (!plain) {
        return util::fail(util::ErrorCode::invalid_input,
                          fmt::format("unexpected table or column name '{}'", name));
    }
    return fmt::format("\"{}\"", name);
}

util::Expected<std::vector<std::string>> texts(Connection& connection, std::string_view sql,
                                               std::string_view bound = {}) {
    auto statement = connection.prepare(sql);
    if (!statement) return std::unexpected(statement.error());
    if (!bound.empty()) (*statement)->bind(1, bound);
    std::vector<std::string> found;
    util::Expected<bool> row;
    while ((row = (*statement)->step()) && *row) found.emplace_back((*statement)->column_text(0));
    if (!row) return std::unexpected(row.error());
    return found;
}

util::Expected<std::int64_t> count_rows(Connection& connection, const std::string& table) {
    auto name = identifier(table);
    if (!name) return std::unexpected(name.error());
    auto counted = connection.query_text(fmt::format("SELECT count(*) FROM {}", *name));
    if (!counted) return std::unexpected(counted.error());
    return std::stoll(*counted);
}

util::Expected<ColumnType> column_type(std::string_view declared, std::string_view where) {
    if (declared == "INTEGER" || declared == "INT") return ColumnType::integer;
    if (declared == "TEXT") return ColumnType::text;
    if (declared == "BLOB") return ColumnType::blob;
    return util::fail(util::ErrorCode::invalid_input,
                      fmt::format("{}: a column of type '{}' cannot be moved", where, declared));
}

util::Expected<Table> describe(Connection& sqlite, const std::string& name) {
    Table table{.name = name, .columns = {}, .references = {}};
    auto statement = sqlite.prepare(k_columns);
    if (!statement) return std::unexpected(statement.error());
    (*statement)->bind(1, std::string_view(name));
    util::Expected<bool> row;
    while ((row = (*statement)->step()) && *row) {
        auto type = column_type((*statement)->column_text(1), name);
        if (!type) return std::unexpected(type.error());
        table.columns.push_back({std::string((*statement)->column_text(0)), *type});
    }
    if (!row) return std::unexpected(row.error());
    auto references = texts(sqlite, k_references, name);
    if (!references) return std::unexpected(references.error());
    for (auto& referenced : *references) {
        if (referenced != name) table.references.insert(std::move(referenced));
    }
    return table;
}

// Every table after the tables its foreign keys name.
util::Expected<std::vector<Table>> in_copying_order(std::vector<Table> tables) {
    std::vector<Table> ordered;
    std::set<std::string> placed;
    while (!tables.empty()) {
        const auto ready = std::find_if(tables.begin(), tables.end(), [&](const Table& table) {
            return std::all_of(table.references.begin(), table.references.end(),
                               [&](const std::string& name) { return placed.contains(name); });
        });
        if (ready == tables.end()) {
            return util::fail(
                util::ErrorCode::internal,
                fmt::format("the foreign keys of {} go round in a circle", tables.front().name));
        }
        placed.insert(ready->name);
        ordered.push_back(std::move(*ready));
        tables.erase(ready);
    }
    return ordered;
}

util::Expected<std::int64_t> copy_table(Connection& sqlite, Connection& postgresql,
                                        const Table& table) {
    auto name = identifier(table.name);
    if (!name) return std::unexpected(name.error());
    std::string columns;
    std::string parameters;
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
        auto column = identifier(table.columns[i].name);
        if (!column) return std::unexpected(column.error());
        columns += (i == 0 ? "" : ", ") + *column;
        parameters += fmt::format("{}?{}", i == 0 ? "" : ", ", i + 1);
    }
    auto select = sqlite.prepare(fmt::format("SELECT {} FROM {}", columns, *name));
    if (!select) return std::unexpected(select.error());
    auto insert = postgresql.prepare(
        fmt::format("INSERT INTO {} ({}) VALUES ({})", *name, columns, parameters));
    if (!insert) return std::unexpected(insert.error());
    std::int64_t copied = 0;
    util::Expected<bool> row;
    while ((row = (*select)->step()) && *row) {
        for (std::size_t i = 0; i < table.columns.size(); ++i) {
            const int column = static_cast<int>(i);
            const int parameter = column + 1;
            if ((*select)->column_is_null(column)) continue;  // unbound: NULL
            switch (table.columns[i].type) {
                case ColumnType::integer:
                    (*insert)->bind(parameter, (*select)->column_int(column));
                    break;
                case ColumnType::text:
                    (*insert)->bind(parameter, (*select)->column_text(column));
                    break;
                case ColumnType::blob:
                    (*insert)->bind(parameter, (*select)->column_blob(column));
                    break;
            }
        }
        if (auto inserted = (*insert)->run(); !inserted) {
            return std::unexpected(failure(table.name, inserted.error()));
        }
        ++copied;
    }
    if (!row) return std::unexpected(failure(table.name, row.error()));
    return copied;
}

// Identity columns continue after the ids copied into them.
util::Expected<void> continue_identities(Connection& postgresql) {
    auto statement = postgresql.prepare(k_identity_columns);
    if (!statement) return std::unexpected(statement.error());
    std::vector<std::pair<std::string, std::string>> identities;
    util::Expected<bool> row;
    while ((row = (*statement)->step()) && *row) {
        identities.emplace_back((*statement)->column_text(0), (*statement)->column_text(1));
    }
    if (!row) return std::unexpected(row.error());
    for (const auto& [table, column] : identities) {
        auto quoted_table = identifier(table);
        auto quoted_column = identifier(column);
        if (!quoted_table) return std::unexpected(quoted_table.error());
        if (!quoted_column) return std::unexpected(quoted_column.error());
        auto moved = postgresql.execute(fmt::format(
            "SELECT setval(pg_get_serial_sequence('{}', '{}'), m) FROM (SELECT max({}) AS m "
            "FROM {}) AS copied WHERE m IS NOT NULL",
            table, column, *quoted_column, *quoted_table));
        if (!moved) return std::unexpected(failure(table, moved.error()));
    }
    return {};
}

// The triggers of every table, off for the copy (ours: "USER", never the foreign keys').
util::Expected<void> set_triggers(Connection& postgresql, const std::vector<Table>& tables,
                                  std::string_view state) {
    for (const auto& table : tables) {
        auto name = identifier(table.name);
        if (!name) return std::unexpected(name.error());
        auto set = postgresql.execute(fmt::format("ALTER TABLE {} {} TRIGGER USER", *name, state));
        if (!set) return std::unexpected(failure(table.name, set.error()));
    }
    return {};
}

util::Expected<std::vector<TableMoved>> copy_all(Connection& sqlite, Connection& postgresql,
                                                 const std::vector<Table>& tables,
                                                 const MoveProgress& progress) {
    for (const auto& table : tables) {
        auto held = count_rows(postgresql, table.name);
        if (!held) return std::unexpected(held.error());
        if (*held > 0) {
            return util::fail(util::ErrorCode::conflict,
                              fmt::format("the PostgreSQL database already holds data ({} rows "
                                          "in {}); redress moves only into an empty database",
                                          *held, table.name));
        }
    }
    if (auto off = set_triggers(postgresql, tables, "DISABLE"); !off)
        return std::unexpected(off.error());
    std::vector<TableMoved> moved;
    for (const auto& table : tables) {
        auto copied = copy_table(sqlite, postgresql, table);
        if (!copied) return std::unexpected(copied.error());
        auto source = count_rows(sqlite, table.name);
        auto target = count_rows(postgresql, table.name);
        if (!source) return std::unexpected(source.error());
        if (!target) return std::unexpected(target.error());
        if (*source != *copied || *target != *copied) {
            return util::fail(util::ErrorCode::internal,
                              fmt::format("{}: {} rows in SQLite, {} copied, {} in PostgreSQL",
                                          table.name, *source, *copied, *target));
        }
        moved.push_back({table.name, *copied});
        if (progress) progress(moved.back());
    }
    if (auto on = set_triggers(postgresql, tables, "ENABLE"); !on)
        return std::unexpected(on.error());
    if (auto continued = continue_identities(postgresql); !continued) {
        return std::unexpected(continued.error());
    }
    return moved;
}

}  // namespace

util::Expected<std::vector<TableMoved>> move_sqlite_to_postgresql(const std::filesystem::path& from,
                                                                  const std::string& to,
                                                                  const MoveProgress& progress) {
    auto sqlite = sqlite::Connection::open(from, Access::read_only);
    if (!sqlite) return std::unexpected(failure("sqlite", sqlite.error()));
    auto postgresql = postgresql::connect(to, Access::read_write);
    if (!postgresql) return std::unexpected(postgresql.error());

    auto names = texts(**sqlite, k_sqlite_tables);
    if (!names) return std::unexpected(names.error());
    auto target_names = texts(**postgresql, k_postgresql_tables);
    if (!target_names) return std::unexpected(target_names.error());
    if (*names != *target_names) {
        return util::fail(util::ErrorCode::conflict,
                          "the two databases do not have the same tables; open each with this "
                          "redress first, so that both are at its newest schema");
    }
    std::vector<Table> tables;
    for (const auto& name : *names) {
        auto table = describe(**sqlite, name);
        if (!table) return std::unexpected(table.error());
        tables.push_back(std::move(*table));
    }
    auto ordered = in_copying_order(std::move(tables));
    if (!ordered) return std::unexpected(ordered.error());

    // SQLite's snapshot for the whole copy: what is counted is what was copied.
    if (auto begun = (*sqlite)->execute("BEGIN"); !begun) return std::unexpected(begun.error());
    // One transaction, holding the write lock every redress node takes: a move that fails
    // leaves the target as it was, and no node writes meanwhile.
    if (auto begun = (*postgresql)->begin_writing(); !begun) return std::unexpected(begun.error());
    auto moved = copy_all(**sqlite, **postgresql, *ordered, progress);
    if (moved) {
        if (auto committed = (*postgresql)->execute("COMMIT"); !committed) {
            moved = std::unexpected(committed.error());
        }
    }
    if (!moved && (*postgresql)->in_transaction()) (void)(*postgresql)->execute("ROLLBACK");
    (void)(*sqlite)->execute("COMMIT");
    return moved;
}

}  // namespace redress::storage::move
