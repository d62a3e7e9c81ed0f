// No acknowledged complaint is ever lost: complaints filed concurrently survive a SIGKILL
// of the server, and every reference and receipt a client was given still opens its
// complaint after a restart on the same data folder.

#include <atomic>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "integration/server_suite.hpp"

namespace redress::testing {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

constexpr int k_threads = 4;
constexpr int k_filings_per_thread = 5;

class Durability : public ::testing::Test {
  protected:
    void TearDown() override {
        if (HasFailure() && m_server) std::cerr << "--- server log ---\n" << m_server->log();
    }

    void start() {
        m_server.reset();
        m_server =
            std::make_unique<ServerProcess>(m_temp.path() / "data", std::vector<std::string>{});
    }

    // Files until `count` are acknowledged or `stop` is set; a failed request (the server
    // died) ends the thread. Only 201s count as acknowledged.
    void file_from_thread(int thread, int count, const std::atomic<bool>& stop) {
        try {
            HttpConnection connection(m_server->port());
            for (int n = 0; n < count && !stop; ++n) {
                const json filing = {
                    {"incident",
                     {{"narrative", "Filed by thread " + std::to_string(thread) + ", number " +
                                        std::to_string(n)},
                      {"categories", {n % 2 == 0 ? "excessive-force" : "bribery-corruption"}}}}};
                const HttpResponse response =
                    connection.post_json("/api/v1/complaints", filing.dump());
                if (response.status != 201) {
                    ADD_FAILURE() << "filing answered " << response.status << ": " << response.body;
                    return;
                }
                const json body = json::parse(response.body);
                std::lock_guard lock(m_mutex);
                for (const json& complaint : body["complaints"]) {
                    m_acknowledged.push_back(
                        {complaint.value("reference", ""), body.value("receipt", "")});
                }
            }
        } catch (const HttpClientError&) {
            // The server was killed under this thread: what it acknowledged is recorded.
        }
    }

    // How many acknowledged complaints the server no longer finds.
    std::vector<std::string> missing() {
        std::vector<std::string> lost;
        HttpConnection connection(m_server->port());
        for (const FiledComplaint& filed : m_acknowledged) {
            const HttpResponse response = connection.post_json(
                "/api/v1/status",
                json{{"reference", filed.reference}, {"receipt", filed.receipt}}.dump());
            if (response.status != 200 ||
                json::parse(response.body, nullptr, false).value("reference", "") !=
                    filed.reference) {
                lost.push_back(filed.reference + " (" + std::to_string(response.status) + ")");
            }
        }
        return lost;
    }

    TempFolder m_temp;
    std::unique_ptr<ServerProcess> m_server;
    std::mutex m_mutex;
    std::vector<FiledComplaint> m_acknowledged;
};

TEST_F(Durability, ConcurrentFilingsSurviveSigkillRightAfterTheLast201) {
    start();
    std::atomic<bool> never{false};
    std::vector<std::thread> threads;
    for (int t = 0; t < k_threads; ++t) {
        threads.emplace_back([&, t] { file_from_thread(t, k_filings_per_thread, never); });
    }
    for (auto& thread : threads) thread.join();
    EXPECT_EQ(m_server->kill(), 128 + SIGKILL);

    // Even-numbered filings (excessive force) go to both offices, odd ones to the OIG.
    const int per_thread = k_filings_per_thread + (k_filings_per_thread + 1) / 2;
    ASSERT_EQ(m_acknowledged.size(), static_cast<std::size_t>(k_threads * per_thread));
    std::set<std::string> references;
    for (const FiledComplaint& filed : m_acknowledged) {
        EXPECT_TRUE(is_reference(filed.reference)) << filed.reference;
        EXPECT_TRUE(is_receipt(filed.receipt)) << filed.receipt;
        references.insert(filed.reference);
    }
    EXPECT_EQ(references.size(), m_acknowledged.size()) << "a reference was given twice";

    start();
    EXPECT_EQ(missing(), std::vector<std::string>{});

    // Numbering carries on after the restart: no reference is handed out again.
    HttpConnection connection(m_server->port());
    for (const FiledComplaint& filed :
         file_by_api(connection,
                     {{"incident",
                       {{"narrative", "After the crash."}, {"categories", {"sexual-abuse"}}}}})) {
        EXPECT_FALSE(references.contains(filed.reference)) << filed.reference;
    }
    EXPECT_EQ(m_server->stop(), 0);
}

TEST_F(Durability, FilingsAcknowledgedWhileTheServerIsKilledUnderLoadAreKept) {
    constexpr int k_rounds = 3;
    for (int round = 0; round < k_rounds; ++round) {
        SCOPED_TRACE("round " + std::to_string(round));
        start();
        const std::size_t before = m_acknowledged.size();
        std::atomic<bool> stop{false};
        std::vector<std::thread> threads;
        for (int t = 0; t < k_threads; ++t) {
            threads.emplace_back([&, t] { file_from_thread(t, 1000, stop); });
        }
        // Kill once filings are flowing, in the middle of the load.
        const auto deadline = std::chrono::steady_clock::now() + 10s;
        for (;;) {
            {
                std::lock_guard lock(m_mutex);
                if (m_acknowledged.size() >= before + 10) break;
            }
            if (std::chrono::steady_clock::now() > deadline) break;
            std::this_thread::sleep_for(5ms);
        }
        EXPECT_EQ(m_server->kill(), 128 + SIGKILL);
        stop = true;
        for (auto& thread : threads) thread.join();
        EXPECT_GE(m_acknowledged.size(), before + 10) << "filings did not flow";
    }
    start();
    const std::vector<std::string> lost = missing();
    EXPECT_EQ(lost, std::vector<std::string>{});
    std::cout << "[ figures  ] acknowledged " << m_acknowledged.size()
              << ", acknowledged but missing " << lost.size() << " after " << k_rounds
              << " kills\n";
}

}  // namespace
}  // namespace redress::testing
