// What the server does with requests too large, too slow or malformed, and the headers
// every response carries. The server runs with small limits given as flags.

#include <chrono>
#include <string>
#include <thread>

#include "integration/server_suite.hpp"

namespace redress::testing {
namespace {

using namespace std::chrono_literals;

constexpr std::size_t k_max_body = 4096;
constexpr std::size_t k_max_header = 4096;
// Well above the 2 s read timeout, so that a slow machine does not make the test fail.
constexpr auto k_cut_off_within = 8s;

class Limits : public ServerSuite {
  protected:
    static void SetUpTestSuite() {
        s_server = std::make_unique<ServerProcess>(std::vector<std::string>{
            "--server-max-body-bytes", std::to_string(k_max_body), "--server-max-header-bytes",
            std::to_string(k_max_header), "--server-read-timeout-seconds", "2"});
    }

    static bool still_serving() {
        auto connection = connect();
        return connection.get("/healthz").status == 200;
    }
};

TEST_F(Limits, BodyOverTheLimitIsRefusedBeforeItIsSent) {
    auto connection = connect();
    connection.send_raw(
        "POST /api/v1/complaints HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        "Content-Type: application/json\r\nContent-Length: " +
        std::to_string(k_max_body + 1) + "\r\n\r\n");
    const HttpResponse response = connection.read_response();

    EXPECT_EQ(response.status, 413);
    EXPECT_TRUE(still_serving());
}

TEST_F(Limits, BodyOverTheLimitIsRefusedWhenSent) {
    auto connection = connect();
    const std::string body(k_max_body + 1, ' ');
    const HttpResponse response = connection.post_json("/api/v1/complaints", body);
    EXPECT_EQ(response.status, 413);
}

TEST_F(Limits, BodyAtTheLimitIsRead) {
    const std::string start = R"({"incident": {"narrative": ")";
    const std::string end = "\"}}";
    const std::string body = start + std::string(k_max_body - start.size() - end.size(), 'x') + end;
    ASSERT_EQ(body.size(), k_max_body);

    auto connection = connect();
    const HttpResponse response = connection.post_json("/api/v1/complaints", body);
    EXPECT_EQ(response.status, 201) << response.body;
}

TEST_F(Limits, HeaderOverTheLimitIs431) {
    auto connection = connect();
    const HttpResponse response =
        connection.get("/", {{"X-Padding", std::string(k_max_header + 100, 'p')}});
    EXPECT_EQ(response.status, 431);
    EXPECT_TRUE(still_serving());
}

TEST_F(Limits, ClientThatStallsInTheHeaderIsCutOff) {
    auto connection = connect();
    connection.send_raw("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
    EXPECT_TRUE(connection.closed_by_peer_within(k_cut_off_within));
    EXPECT_TRUE(still_serving());
}

TEST_F(Limits, ClientThatStallsInTheBodyIsCutOff) {
    auto connection = connect();
    connection.send_raw(
        "POST /api/v1/complaints HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"inc");
    EXPECT_TRUE(connection.closed_by_peer_within(k_cut_off_within));
    // Half a request is never taken for a whole one.
    EXPECT_EQ(connection.unread().find("201"), std::string::npos) << connection.unread();
}

TEST_F(Limits, ClientThatTricklesItsHeaderIsCutOff) {
    // A byte every half second keeps a per-read timeout alive for ever; the read timeout
    // covers the whole request.
    auto connection = connect();
    const std::string head = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + std::string(64, 's');
    const auto deadline = std::chrono::steady_clock::now() + k_cut_off_within;
    bool cut_off = false;
    for (const char c : head) {
        try {
            connection.send_raw(std::string(1, c));
        } catch (const HttpClientError&) {
            cut_off = true;
            break;
        }
        if (connection.closed_by_peer_within(500ms)) {
            cut_off = true;
            break;
        }
        if (std::chrono::steady_clock::now() > deadline) break;
    }
    EXPECT_TRUE(cut_off);
}

TEST_F(Limits, KeptAliveConnectionServesSeveralRequests) {
    auto connection = connect();
    for (int n = 0; n < 3; ++n) {
        const HttpResponse response = connection.get("/healthz");
        EXPECT_EQ(response.status, 200);
    }
    const HttpResponse filed =
        connection.post_json("/api/v1/complaints", R"({"incident": {"narrative": "x"}})");
    EXPECT_EQ(filed.status, 201);
    EXPECT_EQ(connection.get("/api/v1/offices").status, 200);
}

TEST_F(Limits, MalformedRequestIs400AndTheServerCarriesOn) {
    {
        auto connection = connect();
        connection.send_raw("NOT HTTP AT ALL\r\n\r\n");
        const HttpResponse response = connection.read_response();
        EXPECT_EQ(response.status, 400);
    }
    {
        auto connection = connect();
        connection.send_raw("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nBroken header line\r\n\r\n");
        const HttpResponse response = connection.read_response();
        EXPECT_EQ(response.status, 400);
    }
    EXPECT_TRUE(still_serving());
}

TEST_F(Limits, UnknownPathIs404AndWrongMethodIs405) {
    auto connection = connect();
    EXPECT_EQ(connection.get("/no/such/page").status, 404);
    const HttpResponse wrong_method = connection.get("/api/v1/complaints");
    EXPECT_EQ(wrong_method.status, 405);
    EXPECT_NE(wrong_method.header_or_empty("Allow").find("POST"), std::string::npos);
}

void expect_security_headers(const HttpResponse& response, const std::string& what) {
    SCOPED_TRACE(what + " answered " + std::to_string(response.status));
    const std::string policy = response.header_or_empty("Content-Security-Policy");
    EXPECT_NE(policy.find("default-src 'none'"), std::string::npos) << policy;
    EXPECT_NE(policy.find("frame-ancestors 'none'"), std::string::npos) << policy;
    EXPECT_EQ(policy.find("script-src"), std::string::npos) << policy;
    EXPECT_EQ(policy.find("unsafe-inline"), std::string::npos) << policy;
    EXPECT_EQ(response.header_or_empty("X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(response.header_or_empty("Referrer-Policy"), "no-referrer");
}

TEST_F(Limits, EveryResponseCarriesTheSecurityHeaders) {
    auto connection = connect();
    for (const std::string target : {"/", "/complaint", "/complaint?lang=es", "/status", "/healthz",
                                     "/api/v1/offices", "/no/such/page"}) {
        expect_security_headers(connection.get(target), "GET " + target);
    }
    expect_security_headers(connection.post_json("/api/v1/complaints", "{}"), "422");
    expect_security_headers(connection.post("/api/v1/complaints", "text/plain", "x"), "415");
    expect_security_headers(connection.post_json("/api/v1/status", "{"), "400");

    auto refused = connect();
    refused.send_raw("POST /api/v1/complaints HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " +
                     std::to_string(k_max_body * 2) + "\r\n\r\n");
    expect_security_headers(refused.read_response(), "413");
}

TEST_F(Limits, PersonalAnswersAreNeverCached) {
    auto connection = connect();
    const HttpResponse filed =
        connection.post_json("/api/v1/complaints", R"({"incident": {"narrative": "x"}})");
    ASSERT_EQ(filed.status, 201);
    EXPECT_EQ(filed.header_or_empty("Cache-Control"), "no-store");
    EXPECT_EQ(connection
                  .post_json("/api/v1/status", R"({"reference": "OPR-2020-000001",
                                   "receipt": "AAAA-AAAA-AAAA-AAAA-AAAA"})")
                  .header_or_empty("Cache-Control"),
              "no-store");
    for (const std::string target : {"/complaint", "/status"}) {
        const HttpResponse page = connection.get(target);
        EXPECT_EQ(page.status, 200) << target;
        EXPECT_EQ(page.header_or_empty("Cache-Control"), "no-store") << target;
    }
}

}  // namespace
}  // namespace redress::testing
