// The open-file limit at start-up: redress raises a low soft limit to fit its connection
// cap, and where the hard limit forbids that, lowers the cap and says so, and still serves.
// Each server runs under a limit of its own, as `ulimit -n` or LimitNOFILE= would set it.

#include <sys/resource.h>

#include <iostream>
#include <limits>
#include <memory>
#include <string>

#include "integration/server_suite.hpp"
#include "support/skip.hpp"

namespace redress::testing {
namespace {

// Two reading connections: the descriptors redress keeps for other things than
// connections are then 64 + 4 × 2 (src/cli/serve.cpp), whatever the machine's cores.
constexpr std::size_t k_reserved = 72;
constexpr std::size_t k_max_connections = 4096;

std::vector<std::string> flags() {
    return {"--storage-read-connections", "2", "--server-max-connections",
            std::to_string(k_max_connections)};
}

bool serves(const ServerProcess& server) {
    HttpConnection connection(server.port());
    return connection.get("/healthz").status == 200;
}

class FileLimitAtStart : public ::testing::Test {
  protected:
    void SetUp() override { ASSERT_EQ(::getrlimit(RLIMIT_NOFILE, &m_ours), 0); }

    void TearDown() override {
        if (HasFailure() && m_server) {
            std::cerr << "--- server log ---\n" << m_server->log() << "--- end of log ---\n";
        }
    }

    rlimit m_ours{};
    std::unique_ptr<ServerProcess> m_server;
};

TEST_F(FileLimitAtStart, ALowSoftLimitIsRaisedToFitTheConnections) {
    const std::size_t hard = m_ours.rlim_max == RLIM_INFINITY
                                 ? std::numeric_limits<std::size_t>::max()
                                 : static_cast<std::size_t>(m_ours.rlim_max);
    if (hard < k_max_connections + k_reserved) {
        REDRESS_SKIP() << "the hard open-file limit here (" << hard << ") is below "
                       << k_max_connections + k_reserved;
    }
    m_server = std::make_unique<ServerProcess>(flags(), rlimit{256, m_ours.rlim_max});

    const std::string log = m_server->log();
    EXPECT_NE(log.find("open-file limit raised from 256 to " +
                       std::to_string(k_max_connections + k_reserved)),
              std::string::npos)
        << log;
    EXPECT_EQ(log.find("leaves room for"), std::string::npos) << log;
    EXPECT_TRUE(serves(*m_server));
}

TEST_F(FileLimitAtStart, AHardLimitTooLowLowersTheCapAndSaysSo) {
    m_server = std::make_unique<ServerProcess>(flags(), rlimit{200, 200});

    const std::string log = m_server->log();
    EXPECT_EQ(log.find("open-file limit raised"), std::string::npos) << log;
    EXPECT_NE(log.find("open-file limit 200 leaves room for " + std::to_string(200 - k_reserved) +
                       " connections, not the " + std::to_string(k_max_connections) +
                       " of server.max_connections"),
              std::string::npos)
        << log;
    EXPECT_TRUE(serves(*m_server));
}

}  // namespace
}  // namespace redress::testing
