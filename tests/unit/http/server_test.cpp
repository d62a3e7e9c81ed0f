#include "http/server.hpp"

#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <csignal>
#include <memory>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "support/http_client.hpp"

namespace redress::http {
namespace {

using namespace std::chrono_literals;
using testing::HttpConnection;
using testing::HttpResponse;

// /late answers from another thread after a delay, as storage does after a group commit.
class TestHandler final : public Handler {
  public:
    ~TestHandler() override {
        std::lock_guard lock(m_mutex);
        m_workers.clear();  // joins
    }

    void handle(Request request, Responder respond) override {
        if (request.path == "/late") {
            std::lock_guard lock(m_mutex);
            m_workers.emplace_back([respond = std::move(respond)]() mutable {
                std::this_thread::sleep_for(200ms);
                respond(Response::text(200, "late"));
            });
            return;
        }
        if (request.path == "/throw") throw std::runtime_error("handler bug");
        if (request.path == "/drop") return;
        if (request.path == "/inject") {
            Response response = Response::text(200, "x");
            response.headers.set("Location", "/a\r\nSet-Cookie: evil=1");
            respond(std::move(response));
            return;
        }
        if (request.path.starts_with("/echo")) {
            respond(Response::text(200, std::string(method_name(request.method)) + " " +
                                            request.path + " ?" + request.query + " " +
                                            std::string(request.headers.get("x-probe")) + " " +
                                            request.body));
            return;
        }
        respond(Response::text(200, "hello"));
    }

  private:
    std::mutex m_mutex;
    std::vector<std::jthread> m_workers;
};

class ServerTest : public ::testing::Test {
  protected:
    void start(ServerLimits limits = {}, Server::Signals signals = Server::Signals::ignore) {
        limits.threads = 2;
        m_server = std::make_unique<Server>(m_handler, limits);
        ASSERT_TRUE(m_server->listen("127.0.0.1", 0).has_value());
        ASSERT_NE(m_server->port(), 0);
        m_thread = std::thread([this, signals] { m_server->run(signals); });
    }

    // How long stop() plus the end of run() took.
    std::chrono::milliseconds stop() {
        const auto begin = std::chrono::steady_clock::now();
        if (m_server) {
            m_server->stop();
            m_thread.join();
            m_server.reset();
        }
        return std::chrono::duration_cast<std::chrono::milliseconds>(
            std::chrono::steady_clock::now() - begin);
    }

    void TearDown() override { stop(); }

    std::unique_ptr<HttpConnection> connect() {
        return std::make_unique<HttpConnection>(m_server->port(), 5s);
    }

    TestHandler m_handler;
    std::unique_ptr<Server> m_server;
    std::thread m_thread;
};

TEST_F(ServerTest, ListenOnPortZeroPicksAFreePort) {
    start();
    EXPECT_GT(m_server->port(), 0);
}

TEST_F(ServerTest, ListenFailsWhenThePortIsTaken) {
    start();
    TestHandler other_handler;
    Server other(other_handler, ServerLimits{});
    const auto listening = other.listen("127.0.0.1", m_server->port());
    ASSERT_FALSE(listening.has_value());
    EXPECT_EQ(listening.error().code, util::ErrorCode::unavailable);
}

TEST_F(ServerTest, KeepAliveServesTwoRequestsOnOneConnection) {
    start();
    auto client = connect();
    const HttpResponse first = client->get("/");
    EXPECT_EQ(first.status, 200);
    EXPECT_EQ(first.body, "hello");
    EXPECT_NE(testing::lower_ascii(first.header_or_empty("Connection")), "close");
    const HttpResponse second = client->get("/again");
    EXPECT_EQ(second.status, 200);
    EXPECT_EQ(second.body, "hello");
}

TEST_F(ServerTest, RequestReachesTheHandlerDecoded) {
    start();
    auto client = connect();
    const HttpResponse response =
        client->request("POST", "/echo%20it?a=1&b=%20", "body text", {{"X-Probe", "seen"}});
    EXPECT_EQ(response.body, "POST /echo it ?a=1&b=%20 seen body text");
}

TEST_F(ServerTest, EveryResponseCarriesTheSecurityHeaders) {
    start();
    auto client = connect();
    for (const char* path : {"/", "/throw"}) {
        const HttpResponse response = client->get(path);
        EXPECT_EQ(response.header_or_empty("X-Content-Type-Options"), "nosniff") << path;
        EXPECT_EQ(response.header_or_empty("Referrer-Policy"), "no-referrer") << path;
        EXPECT_EQ(response.header_or_empty("Cache-Control"), "no-store") << path;
        EXPECT_EQ(response.header_or_empty("X-Frame-Options"), "DENY") << path;
        EXPECT_NE(
            response.header_or_empty("Content-Security-Policy").find("frame-ancestors 'none'"),
            std::string::npos)
            << path;
        EXPECT_EQ(response.header_or_empty("Server"), "redress") << path;
    }
}

TEST_F(ServerTest, ResponderCalledLaterFromAnotherThread) {
    start();
    auto client = connect();
    const HttpResponse response = client->get("/late");
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.body, "late");
    EXPECT_EQ(client->get("/").body, "hello");  // the connection goes on
}

TEST_F(ServerTest, PipelinedRequestsAreAnsweredInOrder) {
    start();
    auto client = connect();
    client->send_raw(
        "GET /echo-1 HTTP/1.1\r\nHost: x\r\n\r\n"
        "GET /late HTTP/1.1\r\nHost: x\r\n\r\n"
        "GET /echo-3 HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_EQ(client->read_response().body, "GET /echo-1 ?  ");
    EXPECT_EQ(client->read_response().body, "late");
    EXPECT_EQ(client->read_response().body, "GET /echo-3 ?  ");
}

TEST_F(ServerTest, HeadKeepsContentLengthButSendsNoBody) {
    start();
    auto client = connect();
    const HttpResponse head = client->request("HEAD", "/");
    EXPECT_EQ(head.status, 200);
    EXPECT_EQ(head.header_or_empty("Content-Length"), "5");
    // Had a body been sent, it would be read here instead of the next response.
    const HttpResponse next = client->get("/echo");
    EXPECT_EQ(next.status, 200);
    EXPECT_EQ(next.body, "GET /echo ?  ");
}

TEST_F(ServerTest, HandlerExceptionGives500) {
    start();
    auto client = connect();
    EXPECT_EQ(client->get("/throw").status, 500);
    EXPECT_EQ(client->get("/").status, 200);
}

TEST_F(ServerTest, DroppedResponderGives500) {
    start();
    auto client = connect();
    EXPECT_EQ(client->get("/drop").status, 500);
}

TEST_F(ServerTest, HeaderValueWithLineBreakGives500NotInjection) {
    start();
    auto client = connect();
    const HttpResponse response = client->get("/inject");
    EXPECT_EQ(response.status, 500);
    EXPECT_FALSE(response.header("Set-Cookie").has_value());
}

TEST_F(ServerTest, OversizedBodyIsRefusedFromContentLengthAlone) {
    ServerLimits limits;
    limits.max_body_bytes = 1000;
    start(limits);
    auto client = connect();
    // Only the head is sent: the answer must come without the server waiting for the body.
    client->send_raw("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\n");
    const HttpResponse response = client->read_response();
    EXPECT_EQ(response.status, 413);
    EXPECT_EQ(testing::lower_ascii(response.header_or_empty("Connection")), "close");
    EXPECT_TRUE(client->closed_by_peer_within(3s));
}

TEST_F(ServerTest, BodyWithinTheLimitIsServed) {
    ServerLimits limits;
    limits.max_body_bytes = 1000;
    start(limits);
    auto client = connect();
    EXPECT_EQ(client->request("POST", "/echo", std::string(1000, 'a')).status, 200);
}

TEST_F(ServerTest, OversizedChunkedBodyIs413) {
    ServerLimits limits;
    limits.max_body_bytes = 10;
    start(limits);
    auto client = connect();
    client->send_raw(
        "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
        "14\r\n01234567890123456789\r\n0\r\n\r\n");
    EXPECT_EQ(client->read_response().status, 413);
}

TEST_F(ServerTest, ExpectContinueGetsContinueBeforeTheBody) {
    start();
    auto client = connect();
    client->send_raw(
        "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n");
    EXPECT_EQ(client->read_response().status, 100);
    client->send_raw("data");
    EXPECT_EQ(client->read_response().body, "POST /echo ?  data");
}

TEST_F(ServerTest, OversizedHeadersAre431) {
    ServerLimits limits;
    limits.max_header_bytes = 1024;
    start(limits);
    auto client = connect();
    const HttpResponse response = client->get("/", {{"X-Big", std::string(4000, 'a')}});
    EXPECT_EQ(response.status, 431);
    EXPECT_TRUE(client->closed_by_peer_within(3s));
}

TEST_F(ServerTest, MalformedRequestIs400AndCloses) {
    start();
    auto client = connect();
    client->send_raw("NOT HTTP AT ALL\r\n\r\n");
    EXPECT_EQ(client->read_response().status, 400);
    EXPECT_TRUE(client->closed_by_peer_within(3s));
}

TEST_F(ServerTest, MalformedPercentEscapeInPathIs400) {
    start();
    auto client = connect();
    EXPECT_EQ(client->get("/a%zz").status, 400);
}

TEST_F(ServerTest, SlowClientIsCutOffAfterTheReadTimeout) {
    ServerLimits limits;
    limits.read_timeout = 1s;
    start(limits);
    auto client = connect();
    client->send_raw("GET / HTTP/1.1\r\nHost: x\r\n");  // half a request, then silence
    EXPECT_TRUE(client->closed_by_peer_within(3s));
}

TEST_F(ServerTest, TricklingClientIsCutOffToo) {
    ServerLimits limits;
    limits.read_timeout = 1s;
    start(limits);
    auto client = connect();
    client->send_raw("GET / HTTP/1.1\r\n");
    // A byte every 200 ms: a per-byte timeout would never fire; the per-request one must.
    bool closed = false;
    for (int i = 0; i < 20 && !closed; ++i) {
        try {
            client->send_raw("X");
        } catch (const testing::HttpClientError&) {
            closed = true;
            break;
        }
        closed = client->closed_by_peer_within(200ms);
    }
    EXPECT_TRUE(closed);
}

TEST_F(ServerTest, IdleKeepAliveConnectionIsClosedAfterTheIdleTimeout) {
    ServerLimits limits;
    limits.idle_timeout = 1s;
    start(limits);
    auto client = connect();
    EXPECT_EQ(client->get("/").status, 200);
    EXPECT_TRUE(client->closed_by_peer_within(3s));
}

TEST_F(ServerTest, Http10ConnectionClosesAfterTheResponse) {
    start();
    auto client = connect();
    client->send_raw("GET / HTTP/1.0\r\n\r\n");
    const HttpResponse response = client->read_response();
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.body, "hello");
    EXPECT_TRUE(client->closed_by_peer_within(3s));
}

TEST_F(ServerTest, ConnectionCloseIsRespected) {
    start();
    auto client = connect();
    const HttpResponse response = client->get("/", {{"Connection", "close"}});
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(testing::lower_ascii(response.header_or_empty("Connection")), "close");
    EXPECT_TRUE(client->closed_by_peer_within(3s));
}

TEST_F(ServerTest, MaxRequestsPerConnectionEndsWithConnectionClose) {
    ServerLimits limits;
    limits.max_requests_per_connection = 2;
    start(limits);
    auto client = connect();
    const HttpResponse first = client->get("/");
    EXPECT_NE(testing::lower_ascii(first.header_or_empty("Connection")), "close");
    const HttpResponse second = client->get("/");
    EXPECT_EQ(second.status, 200);
    EXPECT_EQ(testing::lower_ascii(second.header_or_empty("Connection")), "close");
    EXPECT_TRUE(client->closed_by_peer_within(3s));
}

TEST_F(ServerTest, ConnectionsOverThePerAddressCapGet503) {
    ServerLimits limits;
    limits.max_connections_per_address = 2;
    start(limits);
    auto first = connect();
    auto second = connect();
    EXPECT_EQ(first->get("/").status, 200);
    EXPECT_EQ(second->get("/").status, 200);
    auto third = connect();
    const HttpResponse refused = third->read_response();
    EXPECT_EQ(refused.status, 503);
    EXPECT_TRUE(third->closed_by_peer_within(3s));
    // A connection that ends frees its place.
    first.reset();
    std::this_thread::sleep_for(200ms);
    auto fourth = connect();
    EXPECT_EQ(fourth->get("/").status, 200);
}

TEST_F(ServerTest, ConnectionsOverTheTotalCapGet503) {
    ServerLimits limits;
    limits.max_connections = 1;
    start(limits);
    auto first = connect();
    EXPECT_EQ(first->get("/").status, 200);
    auto second = connect();
    EXPECT_EQ(second->read_response().status, 503);
}

TEST_F(ServerTest, StopReturnsPromptlyWithIdleConnectionsOpen) {
    start();
    auto client = connect();
    EXPECT_EQ(client->get("/").status, 200);
    EXPECT_LT(stop(), 1000ms);
    EXPECT_TRUE(client->closed_by_peer_within(1s));
}

TEST_F(ServerTest, StopBeforeAnyConnectionReturnsPromptly) {
    start();
    EXPECT_LT(stop(), 1000ms);
}

TEST_F(ServerTest, StopLetsARequestInProgressFinish) {
    start();
    auto client = connect();
    client->send_raw("GET /late HTTP/1.1\r\nHost: x\r\n\r\n");
    std::this_thread::sleep_for(50ms);  // the handler has the request
    std::thread stopper([this] { stop(); });
    const HttpResponse response = client->read_response();
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.body, "late");
    EXPECT_EQ(testing::lower_ascii(response.header_or_empty("Connection")), "close");
    stopper.join();
}

TEST_F(ServerTest, SigtermStopsTheServer) {
    start({}, Server::Signals::handle);
    auto client = connect();
    EXPECT_EQ(client->get("/").status, 200);  // run() is serving: its signal set is installed
    const auto begin = std::chrono::steady_clock::now();
    std::raise(SIGTERM);
    m_thread.join();
    EXPECT_LT(std::chrono::steady_clock::now() - begin, 1000ms);
    m_server.reset();
}

// Captures what the server logs, at debug level, for the length of a test.
class CapturedLog {
  public:
    CapturedLog() : m_previous(spdlog::default_logger()) {
        auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(m_text);
        auto logger = std::make_shared<spdlog::logger>("captured", sink);
        logger->set_level(spdlog::level::debug);
        spdlog::set_default_logger(logger);
    }
    ~CapturedLog() { spdlog::set_default_logger(m_previous); }
    CapturedLog(const CapturedLog&) = delete;
    CapturedLog& operator=(const CapturedLog&) = delete;

    std::string text() {
        spdlog::default_logger()->flush();
        return m_text.str();
    }

  private:
    std::ostringstream m_text;
    std::shared_ptr<spdlog::logger> m_previous;
};

TEST_F(ServerTest, AccessLogHasMethodPathStatusButNoQueryOrClient) {
    CapturedLog log;
    start();
    {
        auto client = connect();
        client->get("/echo?receipt=SECRET-RECEIPT", {{"User-Agent", "SecretAgent/1.0"}});
        client->get("/nowhere%0Aforged-line");
    }
    stop();
    const std::string text = log.text();
    EXPECT_NE(text.find("GET /echo 200"), std::string::npos) << text;
    EXPECT_EQ(text.find("SECRET-RECEIPT"), std::string::npos) << text;
    EXPECT_EQ(text.find("receipt="), std::string::npos) << text;
    EXPECT_EQ(text.find("SecretAgent"), std::string::npos) << text;
    EXPECT_EQ(text.find("127.0.0.1"), std::string::npos) << text;
    EXPECT_EQ(text.find("\nforged-line"), std::string::npos) << text;
    EXPECT_NE(text.find("/nowhere?forged-line"), std::string::npos) << text;  // one line each
}

}  // namespace
}  // namespace redress::http
