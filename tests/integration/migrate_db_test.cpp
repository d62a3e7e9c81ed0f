// `redress migrate-db`: a deployment that outgrew SQLite moves onto PostgreSQL with every
// count and its audit trail checked, its receipts working there; a target that holds data
// is refused and left as it was. Needs the server REDRESS_TEST_POSTGRESQL names.

#include <filesystem>

#include "integration/server_suite.hpp"
#include "support/postgresql.hpp"
#include "support/redress_command.hpp"
#include "support/skip.hpp"

namespace redress::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

class MigrateDb : public ServerSuite {
  protected:
    static void SetUpTestSuite() {}
    void SetUp() override {
        if (!PostgresqlDatabase::available()) {
            REDRESS_SKIP() << PostgresqlDatabase::k_variable << " names no PostgreSQL server";
        }
        m_database.emplace();
    }

    CommandOutcome migrate(const std::string& to) {
        return run_redress({"migrate-db", "--data", m_data.string(), "--from",
                            "sqlite://" + (m_data / "redress.sqlite3").string(), "--to", to},
                           m_folder.path());
    }

    TempFolder m_folder;
    fs::path m_data = m_folder.path() / "data";
    std::optional<PostgresqlDatabase> m_database;
};

TEST_F(MigrateDb, MovesEverythingAndTheReceiptsWorkOnPostgresql) {
    std::vector<FiledComplaint> filed;
    {
        ServerProcess server(m_data, {});
        HttpConnection connection(server.port());
        for (int i = 0; i < 5; ++i) {
            const auto complaints = file_by_api(
                connection,
                {{"incident", {{"narrative", "Pushed at the gate " + std::to_string(i)}}}});
            ASSERT_EQ(complaints.size(), 1u);
            filed.push_back(complaints.front());
        }
        ASSERT_EQ(server.stop(), 0);
    }

    const auto moved = migrate(m_database->url());
    ASSERT_EQ(moved.exit_code, 0) << moved.output;
    EXPECT_NE(moved.output.find("every count matches"), std::string::npos) << moved.output;
    EXPECT_NE(moved.output.find("audit trail is intact on both sides"), std::string::npos);
    EXPECT_NE(moved.output.find("filings"), std::string::npos);

    // Served from PostgreSQL (the flag wins over the test run's own database): every receipt
    // works, and numbering goes on after the moved complaints.
    ServerProcess server(m_data, {"--storage-database", m_database->url()});
    HttpConnection connection(server.port());
    for (const auto& complaint : filed) {
        const auto found = connection.post_json(
            "/api/v1/status",
            json{{"reference", complaint.reference}, {"receipt", complaint.receipt}}.dump());
        EXPECT_EQ(found.status, 200) << complaint.reference << " " << found.body;
    }
    const auto next = file_by_api(connection, {{"incident", {{"narrative", "After the move."}}}});
    ASSERT_EQ(next.size(), 1u);
    EXPECT_GT(next.front().reference, filed.back().reference);
}

TEST_F(MigrateDb, ATargetThatHoldsDataIsRefusedAndLeftAsItWas) {
    {
        ServerProcess server(m_data, {});
        HttpConnection connection(server.port());
        ASSERT_EQ(file_by_api(connection, {{"incident", {{"narrative", "x"}}}}).size(), 1u);
        ASSERT_EQ(server.stop(), 0);
    }
    ASSERT_EQ(migrate(m_database->url()).exit_code, 0);
    const auto again = migrate(m_database->url());
    EXPECT_EQ(again.exit_code, 1) << again.output;
    EXPECT_NE(again.output.find("already holds data"), std::string::npos) << again.output;
    EXPECT_NE(again.output.find("as it was"), std::string::npos);
}

TEST_F(MigrateDb, WhatIsNotADatabaseIsRefused) {
    const auto wrong_from = run_redress(
        {"migrate-db", "--data", m_data.string(), "--from", "/tmp/x.db", "--to", m_database->url()},
        m_folder.path());
    EXPECT_EQ(wrong_from.exit_code, 2);
    EXPECT_NE(wrong_from.output.find("sqlite://"), std::string::npos) << wrong_from.output;
    const auto wrong_to =
        run_redress({"migrate-db", "--data", m_data.string(), "--from",
                     "sqlite://" + (m_data / "none.sqlite3").string(), "--to", "mysql://x"},
                    m_folder.path());
    EXPECT_EQ(wrong_to.exit_code, 2);
    EXPECT_NE(wrong_to.output.find("postgresql://"), std::string::npos) << wrong_to.output;
}

}  // namespace
}  // namespace redress::testing
