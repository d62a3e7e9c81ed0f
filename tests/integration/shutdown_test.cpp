// SIGTERM stops the server cleanly (exit status 0), also with connections open, and a
// restart on the same data folder carries on where it stopped.

#include <chrono>
#include <string>

#include "integration/server_suite.hpp"

namespace redress::testing {
namespace {

using namespace std::chrono_literals;

// Each test stops its server, so each gets its own.
class Shutdown : public ServerSuite {
  protected:
    static void SetUpTestSuite() {}
    void SetUp() override { s_server = std::make_unique<ServerProcess>(); }

    // Once a request has been answered the server's signal handling is in place.
    static void wait_until_serving() {
        auto connection = connect();
        ASSERT_EQ(connection.get("/healthz").status, 200);
    }
};

TEST_F(Shutdown, SigtermStopsTheServerWithExitStatusZero) {
    wait_until_serving();
    EXPECT_EQ(server().stop(), 0) << server().log();
}

TEST_F(Shutdown, IdleKeptAliveConnectionDoesNotHoldTheServerUp) {
    auto connection = connect();
    ASSERT_EQ(connection.get("/healthz").status, 200);  // kept alive, now idle

    const auto started = std::chrono::steady_clock::now();
    EXPECT_EQ(server().stop(), 0) << server().log();
    // Far below the 60 s idle timeout: shutdown closes idle connections at once.
    EXPECT_LT(std::chrono::steady_clock::now() - started, 8s);
    EXPECT_TRUE(connection.closed_by_peer_within(1s));
}

TEST_F(Shutdown, RestartOnTheSameDataKeepsComplaintsAndNumbering) {
    std::vector<FiledComplaint> before;
    {
        auto connection = connect();
        before = file_by_api(connection, {{"incident", {{"narrative", "Before the restart."}}}});
    }
    ASSERT_EQ(before.size(), 1u);
    EXPECT_EQ(server().stop(), 0);

    ServerProcess again(server().data_dir(), {});
    HttpConnection connection(again.port());
    const HttpResponse found = connection.post_json(
        "/api/v1/status",
        nlohmann::json{{"reference", before[0].reference}, {"receipt", before[0].receipt}}.dump());
    EXPECT_EQ(found.status, 200) << found.body;
    const auto after =
        file_by_api(connection, {{"incident", {{"narrative", "After the restart."}}}});
    ASSERT_EQ(after.size(), 1u);
    EXPECT_NE(after[0].reference, before[0].reference);
    EXPECT_EQ(again.stop(), 0);
}

}  // namespace
}  // namespace redress::testing
