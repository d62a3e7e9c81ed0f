#pragma once
// The database that the redress processes of an integration test keep a data folder's data
// in. By default SQLite, the folder's own redress.sqlite3. When the test runs with
// REDRESS_TEST_BACKEND=postgresql (ctest registers every integration test a second time so),
// each data folder gets a schema of its own in the database of the PostgreSQL server that
// REDRESS_TEST_POSTGRESQL names, and every process the test starts on that folder is told
// so through REDRESS_STORAGE_DATABASE: the same tests, on the other backend.
//
// Tests that look at or change what is stored (to break it, or to check it is sealed) do it
// through connect_to_data(), in the SQL both backends read (storage/sql/connection.hpp).

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "storage/sql/connection.hpp"

namespace redress::testing {

// Whether this test run keeps its data in PostgreSQL.
bool tests_run_on_postgresql();

// "SQLite" or "PostgreSQL", for messages.
std::string_view backend_name();

// The storage.database setting for processes on `data_dir`: "sqlite", or the URL of the
// folder's own schema (made on first use).
std::string database_for(const std::filesystem::path& data_dir);

// `NAME=value` for the environment of a redress process on `data_dir`.
std::string database_environment(const std::filesystem::path& data_dir);

// A connection of the test's own to the database of `data_dir` (read-write); throws when
// it cannot be opened.
std::unique_ptr<storage::sql::Connection> connect_to_data(const std::filesystem::path& data_dir);

// Every row of `sql` (no parameters), each column as text ("" for NULL).
std::vector<std::vector<std::string>> rows_of(const std::filesystem::path& data_dir,
                                              std::string_view sql);

}  // namespace redress::testing
