// Complaints at rest: what a complainant gives (identity, the person filed for, witnesses,
// and the account of what happened, where, and who did it) is found nowhere in the data
// folder in the clear (database, its WAL, anything else there). Only what statistics and
// routing need (dates, categories, offices) stays readable.

#include <filesystem>
#include <fstream>
#include <iterator>

#include "integration/server_suite.hpp"

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
    EXPECT_EQ(server().stop(), 0);
    EXPECT_EQ(files_containing(server().data_dir(), k_canary), std::vector<std::string>{});
    // The incident's date, which statistics need, is stored readable: the search works.
    EXPECT_FALSE(files_containing(server().data_dir(), "2025-10-17").empty());
    EXPECT_EQ(server().log().find(canary), std::string::npos);
}

}  // namespace
}  // namespace redress::testing
