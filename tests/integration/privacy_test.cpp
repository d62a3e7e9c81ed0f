// Complaints at rest: what a complainant gives (identity, the person filed for, witnesses,
// and the account of what happened, where, and who did it) is found nowhere in the data
// folder in the clear (database, its WAL, anything else there), nor, on PostgreSQL, in any
// column of the database. Only what statistics and routing need (dates, categories,
// offices) stays readable.

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "integration/server_suite.hpp"
#include "support/data_folder_database.hpp"

namespace redress::testing {
namespace {

using nlohmann::json;

constexpr std::string_view k_canary = "CANARY7Q3Z";

// Every file under `folder` whose bytes contain `needle`.
std::vector<std::string> files_containing(const std::filesystem::path& folder,
                                          std::string_view needle) {
    std::vector<std::string> found;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
        if (!entry.is_regular_file()) continue;
        std::ifstream in(entry.path(), std::ios::binary);
        const std::string bytes((std::istreambuf_iterator<char>(in)),
                                std::istreambuf_iterator<char>());
        if (bytes.find(needle) != std::string::npos) found.push_back(entry.path().string());
    }
    return found;
}

// `name` as a quoted SQL identifier.
std::string identifier(std::string_view name) {
    std::string quoted = "\"";
    for (const char c : name) {
        quoted += c;
        if (c == '"') quoted += '"';
    }
    return quoted + "\"";
}

// On PostgreSQL, which keeps the data outside the folder: every text and bytea column of
// the folder's schema that holds `needle` in some row, as "table.column".
std::vector<std::string> columns_containing(const std::filesystem::path& data_dir,
                                            std::string_view needle) {
    const auto columns = rows_of(data_dir,
                                 "SELECT table_name, column_name, data_type "
                                 "FROM information_schema.columns "
                                 "WHERE table_schema = current_schema() "
                                 "AND data_type IN ('text', 'character varying', 'bytea') "
                                 "ORDER BY table_name, column_name");
    EXPECT_FALSE(columns.empty()) << "no columns found in the folder's schema";
    auto connection = connect_to_data(data_dir);
    std::vector<std::string> found;
    for (const auto& column : columns) {
        const std::string& table = column.at(0);
        const std::string& name = column.at(1);
        const std::string& type = column.at(2);
        const std::string holds =
            type == "bytea" ? "position(convert_to(?1, 'UTF8') IN " + identifier(name) + ") > 0"
                            : "strpos(" + identifier(name) + ", ?1) > 0";
        auto count =
            connection->prepare("SELECT count(*) FROM " + identifier(table) + " WHERE " + holds);
        EXPECT_TRUE(count) << table << "." << name << ": " << count.error().message;
        if (!count) continue;
        (*count)->bind(1, needle);
        const auto row = (*count)->step();
        EXPECT_TRUE(row && *row) << table << "." << name;
        if (row && *row && (*count)->column_int(0) > 0) found.push_back(table + "." + name);
    }
    return found;
}

class Privacy : public ServerSuite {};

TEST_F(Privacy, NothingTheComplainantWroteIsInTheDataFolderInTheClear) {
    auto connection = connect();
    const std::string canary(k_canary);
    const json filing = {
        {"complainant",
         {{"confidentiality", "confidential"},
          {"name", "Maria " + canary},
          {"email", "maria." + canary + "@example.org"},
          {"phone", "+1 555 0100"},
          {"postal_address", "1 " + canary + " Street"}}},
        {"on_behalf",
         {{"relationship", "sister"},
          {"person_name", "Luis " + canary},
          {"case_number", "A" + canary},
          {"consent", "given"}}},
        {"witnesses", {{{"name", "Pedro " + canary}, {"contact", canary + "@example.org"}}}},
        {"incident",
         {{"narrative", "An officer pushed my brother at the gate. " + canary},
          {"place", "Gate " + canary},
          {"city", "El Paso " + canary},
          {"injuries", "A cut " + canary},
          {"date", "2025-10-17"},
          {"categories", {"excessive-force"}}}},
        {"subjects",
         {{{"name", "Officer " + canary}, {"badge", canary}, {"vehicle", "Plate " + canary}}}}};
    const auto filed = file_by_api(connection, filing);
    ASSERT_FALSE(filed.empty());

    // While the server runs (the WAL holds the newest pages) and after it stops.
    EXPECT_EQ(files_containing(server().data_dir(), k_canary), std::vector<std::string>{});
    if (tests_run_on_postgresql()) {
        EXPECT_EQ(columns_containing(server().data_dir(), k_canary), std::vector<std::string>{});
        // The incident's date, which statistics need, is stored readable: the search works.
        EXPECT_FALSE(columns_containing(server().data_dir(), "2025-10-17").empty());
    }
    EXPECT_EQ(server().stop(), 0);
    EXPECT_EQ(files_containing(server().data_dir(), k_canary), std::vector<std::string>{});
    if (!tests_run_on_postgresql()) {
        EXPECT_FALSE(files_containing(server().data_dir(), "2025-10-17").empty());
    }
    EXPECT_EQ(server().log().find(canary), std::string::npos);
}

}  // namespace
}  // namespace redress::testing
