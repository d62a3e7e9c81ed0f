// A restore that forgot the key file, or brought the wrong one: redress refuses to start,
// says what to restore, and never makes a second key beside existing data. With the right
// key back, every earlier receipt works again.

#include <filesystem>

#include "integration/server_suite.hpp"
#include "support/redress_command.hpp"

namespace redress::testing {
namespace {

namespace fs = std::filesystem;

// `redress init`, which opens the data folder exactly as `serve` does, then exits.
CommandOutcome init(const fs::path& data_dir, const fs::path& scratch) {
    return run_redress({"init", "--data", data_dir.string()}, scratch);
}

class KeyCustody : public ServerSuite {
  protected:
    static void SetUpTestSuite() {}
    void SetUp() override {}
    TempFolder m_folder;
    fs::path m_data = m_folder.path() / "data";
};

TEST_F(KeyCustody, AMissingOrWrongKeyIsRefusedAndTheRightOneRestoresEverything) {
    FiledComplaint filed;
    {
        ServerProcess server(m_data, {});
        HttpConnection connection(server.port());
        const auto complaints = file_by_api(connection, {{"incident", {{"narrative", "x"}}}});
        ASSERT_EQ(complaints.size(), 1u);
        filed = complaints.front();
        ASSERT_EQ(server.stop(), 0);
    }
    const fs::path key = m_data / "redress.key";
    const fs::path backup = m_folder.path() / "backup.key";
    fs::rename(key, backup);

    const CommandOutcome missing = init(m_data, m_folder.path());
    EXPECT_NE(missing.exit_code, 0);
    EXPECT_NE(missing.output.find("is missing"), std::string::npos) << missing.output;
    EXPECT_NE(missing.output.find("Restore the key file"), std::string::npos);
    EXPECT_FALSE(fs::exists(key)) << "a second key was made beside existing data";

    // Another deployment's key.
    const fs::path other = m_folder.path() / "other";
    ASSERT_EQ(init(other, m_folder.path()).exit_code, 0);
    fs::copy_file(other / "redress.key", key);
    const CommandOutcome wrong = init(m_data, m_folder.path());
    EXPECT_NE(wrong.exit_code, 0);
    EXPECT_NE(wrong.output.find("is not the key of the database"), std::string::npos)
        << wrong.output;

    // The right key, restored: the earlier receipt works.
    fs::remove(key);
    fs::copy_file(backup, key);
    fs::permissions(key, fs::perms::owner_read | fs::perms::owner_write);
    ServerProcess restored(m_data, {});
    HttpConnection connection(restored.port());
    const auto answer = connection.post_json(
        "/api/v1/status",
        nlohmann::json{{"reference", filed.reference}, {"receipt", filed.receipt}}.dump());
    EXPECT_EQ(answer.status, 200) << answer.body;
}

TEST_F(KeyCustody, TheKeyFileMayLiveOutsideTheDataFolder) {
    const fs::path elsewhere = m_folder.path() / "vault" / "deployment.key";
    fs::create_directories(elsewhere.parent_path());
    ServerProcess server(m_data, {"--keys-file", elsewhere.string()});
    EXPECT_TRUE(fs::exists(elsewhere));
    EXPECT_FALSE(fs::exists(m_data / "redress.key"));
    HttpConnection connection(server.port());
    EXPECT_EQ(file_by_api(connection, {{"incident", {{"narrative", "x"}}}}).size(), 1u);
}

}  // namespace
}  // namespace redress::testing
