#include "support/data_folder_database.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <functional>
#include <stdexcept>

#include "storage/postgresql/connection.hpp"
#include "storage/sqlite/connection.hpp"
#include "support/postgresql.hpp"
#include "support/skip.hpp"

namespace redress::testing {

namespace {

constexpr const char* k_backend_variable = "REDRESS_TEST_BACKEND";

// The schema of a data folder: named after its path, which is unique among the folders of
// a test run (temporary folders have random names).
std::string schema_of(const std::filesystem::path& data_dir) {
    const auto path = std::filesystem::weakly_canonical(data_dir).string();
    return fmt::format("data_{:016x}", std::hash<std::string>{}(path));
}

// A run on PostgreSQL without a server to run on is skipped, every test of it, and said so.
class BackendCheck final : public ::testing::Environment {
  public:
    void SetUp() override {
        if (tests_run_on_postgresql() && !PostgresqlDatabase::available()) {
            REDRESS_SKIP() << "PostgreSQL: " << PostgresqlDatabase::k_variable
                           << " names no server";
        }
    }
};

[[maybe_unused]] const auto* const k_backend_check =
    ::testing::AddGlobalTestEnvironment(new BackendCheck);

}  // namespace

bool tests_run_on_postgresql() {
    const char* backend = std::getenv(k_backend_variable);
    return backend != nullptr && std::string_view(backend) == "postgresql";
}

std::string_view backend_name() {
    return tests_run_on_postgresql() ? "PostgreSQL" : "SQLite";
}

std::string database_for(const std::filesystem::path& data_dir) {
    if (!tests_run_on_postgresql()) return "sqlite";
    if (!PostgresqlDatabase::available()) {
        throw std::runtime_error(fmt::format("{}=postgresql needs {}", k_backend_variable,
                                             PostgresqlDatabase::k_variable));
    }
    const std::string server = std::getenv(PostgresqlDatabase::k_variable);
    const auto schema = schema_of(data_dir);
    auto connection = storage::postgresql::connect(server, storage::sql::Access::read_write);
    if (!connection) throw std::runtime_error(connection.error().message);
    // The name is [a-z0-9_] only: safe as an identifier without quoting.
    if (auto made = (*connection)->execute(fmt::format("CREATE SCHEMA IF NOT EXISTS {}", schema));
        !made) {
        throw std::runtime_error(made.error().message);
    }
    // libpq's options parameter, percent-encoded: "-c search_path=<schema>".
    const char* separator = server.find('?') == std::string::npos ? "?" : "&";
    return fmt::format("{}{}options=-csearch_path%3D{}", server, separator, schema);
}

std::string database_environment(const std::filesystem::path& data_dir) {
    return "REDRESS_STORAGE_DATABASE=" + database_for(data_dir);
}

std::unique_ptr<storage::sql::Connection> connect_to_data(const std::filesystem::path& data_dir) {
    if (tests_run_on_postgresql()) {
        auto connection =
            storage::postgresql::connect(database_for(data_dir), storage::sql::Access::read_write);
        if (!connection) throw std::runtime_error(connection.error().message);
        return std::move(*connection);
    }
    auto connection = storage::sqlite::Connection::open(data_dir / "redress.sqlite3",
                                                        storage::sql::Access::read_write);
    if (!connection) throw std::runtime_error(connection.error().message);
    return std::move(*connection);
}

std::vector<std::vector<std::string>> rows_of(const std::filesystem::path& data_dir,
                                              std::string_view sql) {
    auto connection = connect_to_data(data_dir);
    auto statement = connection->prepare(sql);
    if (!statement) throw std::runtime_error(statement.error().message);
    std::vector<std::vector<std::string>> rows;
    util::Expected<bool> row;
    while ((row = (*statement)->step()) && *row) {
        auto& columns = rows.emplace_back();
        for (int column = 0; column < (*statement)->column_count(); ++column) {
            columns.emplace_back((*statement)->column_text(column));
        }
    }
    if (!row) throw std::runtime_error(row.error().message);
    return rows;
}

}  // namespace redress::testing
