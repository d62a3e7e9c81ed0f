#include "http/server.hpp"

#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <condition_variable>
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
// /hold answers once release() is called (or after 5 s), like a handler still at work.
// /delayed answers at once with a response held back for k_held_back, as a slowed look-up.
constexpr auto k_held_back = 3s;

class TestHandler final : public Handler {
  public:
    ~TestHandler() override {
        release();
        std::vector<std::jthread> workers;
        {
            std::lock_guard lock(m_mutex);
            workers.swap(m_workers);
        }
        workers.clear();  // joins
    }

    void release() {
        {
            std::lock_guard lock(m_hold_mutex);
            m_released = true;
        }
        m_hold.notify_all();
    }

    void handle(Request request, Responder respond) override {
        if (request.path == "/hold") {
            std::lock_guard lock(m_mutex);
            m_workers.emplace_back([this, respond = std::move(respond)]() mutable {
                std::unique_lock held(m_hold_mutex);
                m_hold.wait_for(held, 5s, [this] { return m_released; });
                respond(Response::text(200, "held"));
            });
            return;
        }
        if (request.path == "/delayed") {
            Response response = Response::text(200, "delayed");
            response.delay = k_held_back;
            respond(std::move(response));
            return;
        }
        if (request.path == "/client") {
            respond(Response::text(200, request.client_address));
            return;
        }
        if (request.path == "/big") {
            respond(Response::text(200, std::string(32 * 1024 * 1024, 'b')));
            return;
        }
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
    std::mutex m_hold_mutex;
    std::condition_variable m_hold;
    bool m_released = false;
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

TEST_F(ServerTest, AnExceptionsMessageIsNeverSentToTheClient) {
    start();
    auto client = connect();
    const HttpResponse response = client->get("/throw");
    EXPECT_EQ(response.status, 500);
    EXPECT_EQ(response.body.find("handler bug"), std::string::npos) << response.body;
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

TEST_F(ServerTest, WhenEveryPlaceFromAnAddressIsBusyANewcomerGets503) {
    ServerLimits limits;
    limits.max_connections_per_address = 2;
    start(limits);
    auto first = connect();
    auto second = connect();
    first->send_raw("GET /hold HTTP/1.1\r\nHost: x\r\n\r\n");
    second->send_raw("GET /hold HTTP/1.1\r\nHost: x\r\n\r\n");
    std::this_thread::sleep_for(200ms);  // both requests are with the handler
    auto third = connect();
    const HttpResponse refused = third->read_response();
    EXPECT_EQ(refused.status, 503);
    EXPECT_TRUE(third->closed_by_peer_within(3s));
    // Requests being handled are never cut to make room.
    m_handler.release();
    EXPECT_EQ(first->read_response().body, "held");
    EXPECT_EQ(second->read_response().body, "held");
}

TEST_F(ServerTest, WhenEveryPlaceIsBusyANewcomerGets503) {
    ServerLimits limits;
    limits.max_connections = 1;
    start(limits);
    auto first = connect();
    first->send_raw("GET /hold HTTP/1.1\r\nHost: x\r\n\r\n");
    std::this_thread::sleep_for(200ms);
    auto second = connect();
    EXPECT_EQ(second->read_response().status, 503);
    m_handler.release();
    EXPECT_EQ(first->read_response().body, "held");
}

TEST_F(ServerTest, StalledConnectionsGiveWayToANewClientFromTheSameAddress) {
    // An attacker holds every place its address has with heads it never finishes; a
    // genuine client from the same address (an onion service's Tor) must still be served.
    ServerLimits limits;
    limits.max_connections_per_address = 4;
    start(limits);
    std::vector<std::unique_ptr<HttpConnection>> stalled;
    for (int i = 0; i < 4; ++i) {
        stalled.push_back(connect());
        stalled.back()->send_raw("GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ");
        std::this_thread::sleep_for(20ms);  // so that their ages differ
    }
    auto genuine = connect();
    const HttpResponse response = genuine->get("/");
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.body, "hello");
    // The oldest stalled one made room; the youngest still may finish its request.
    EXPECT_TRUE(stalled.front()->closed_by_peer_within(3s));
    stalled.back()->send_raw("1\r\n\r\n");
    EXPECT_EQ(stalled.back()->read_response().status, 200);
}

TEST_F(ServerTest, AResponseHeldBackByADelayGivesWayToANewcomer) {
    // A guesser fills every place its address has with look-ups the throttle holds back;
    // a complainant behind the same address (an onion service's Tor) must still be served.
    ServerLimits limits;
    limits.max_connections_per_address = 2;
    start(limits);
    auto first = connect();
    first->send_raw("GET /delayed HTTP/1.1\r\nHost: x\r\n\r\n");
    std::this_thread::sleep_for(20ms);  // so that their ages differ
    auto second = connect();
    second->send_raw("GET /delayed HTTP/1.1\r\nHost: x\r\n\r\n");
    std::this_thread::sleep_for(200ms);  // both responses are being held back

    auto newcomer = connect();
    const HttpResponse response = newcomer->get("/");
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.body, "hello");
    // The older held-back response made room (well before its delay ran out); the other
    // is still sent when its delay ends.
    EXPECT_TRUE(first->closed_by_peer_within(1s));
    EXPECT_EQ(second->read_response().body, "delayed");
}

TEST_F(ServerTest, AnIdleKeptAliveConnectionGivesWayBeforeAnUnfinishedRequest) {
    ServerLimits limits;
    limits.max_connections = 2;
    start(limits);
    auto idle = connect();
    EXPECT_EQ(idle->get("/").status, 200);
    auto unfinished = connect();
    unfinished->send_raw("GET / HTTP/1.1\r\nHost: x\r\n");
    std::this_thread::sleep_for(100ms);
    auto newcomer = connect();
    EXPECT_EQ(newcomer->get("/").status, 200);
    EXPECT_TRUE(idle->closed_by_peer_within(3s));
    unfinished->send_raw("\r\n");
    EXPECT_EQ(unfinished->read_response().status, 200);
}

TEST_F(ServerTest, AHeadTrickledWithinTheReadTimeoutIsCutByTheHeaderTimeout) {
    ServerLimits limits;
    limits.read_timeout = 30s;
    limits.header_timeout = 1s;
    start(limits);
    auto client = connect();
    client->send_raw("GET / HTTP/1.1\r\n");
    bool closed = false;
    for (int i = 0; i < 20 && !closed; ++i) {  // a byte every 200 ms
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

TEST_F(ServerTest, ABodyTrickledBelowTheMinimumRateIsCut) {
    ServerLimits limits;
    limits.read_timeout = 30s;  // with 100 kB declared, the whole-body deadline is 36 s away
    limits.min_body_bytes_per_second = 1000;
    limits.min_rate_window = 1s;
    start(limits);
    auto client = connect();
    client->send_raw("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n");
    bool closed = false;
    for (int i = 0; i < 25 && !closed; ++i) {  // 50 bytes a second, for at most 5 s
        try {
            client->send_raw(std::string(10, 'a'));
        } catch (const testing::HttpClientError&) {
            closed = true;
            break;
        }
        closed = client->closed_by_peer_within(200ms);
    }
    EXPECT_TRUE(closed);
}

TEST_F(ServerTest, AClientThatDoesNotReadItsResponseIsCutByTheMinimumRate) {
    ServerLimits limits;
    limits.read_timeout = 30s;
    limits.min_send_bytes_per_second = 1000;
    limits.min_rate_window = 1s;
    start(limits);
    auto client = connect();
    client->send_raw("GET /big HTTP/1.1\r\nHost: x\r\n\r\n");
    std::this_thread::sleep_for(3s);  // reading nothing: the socket buffers fill, then stall
    // Had the server waited, all 32 MB would arrive now and the connection stay open.
    EXPECT_TRUE(client->closed_by_peer_within(5s));
    EXPECT_LT(client->unread().size(), 32u * 1024 * 1024);
}

TEST_F(ServerTest, ForwardedAddressIsIgnoredFromAnUntrustedPeer) {
    start();
    auto client = connect();
    EXPECT_EQ(client->get("/client", {{"X-Forwarded-For", "203.0.113.9"}}).body, "127.0.0.1");
}

TEST_F(ServerTest, ForwardedAddressIsTakenFromATrustedProxy) {
    ServerLimits limits;
    limits.trusted_proxies = *TrustedProxies::parse("127.0.0.0/8");
    start(limits);
    auto client = connect();
    // The right-most entry not itself a trusted proxy: 198.51.100.1 may be forged.
    EXPECT_EQ(client->get("/client", {{"X-Forwarded-For", "198.51.100.1, 203.0.113.9"}}).body,
              "203.0.113.9");
    EXPECT_EQ(client->get("/client", {{"X-Forwarded-For", "203.0.113.9, 127.0.0.2"}}).body,
              "203.0.113.9");
    EXPECT_EQ(client->get("/client", {{"X-Forwarded-For", "2001:db8:1:2:aaaa::9"}}).body,
              "2001:db8:1:2::/64");
    EXPECT_EQ(client->get("/client").body, "");  // the proxy did not say
}

TEST_F(ServerTest, Ipv6ClientsShareTheCapOfTheirSlash64) {
    ServerLimits limits;
    limits.trusted_proxies = *TrustedProxies::parse("127.0.0.1");
    limits.max_connections_per_address = 1;
    start(limits);
    auto first = connect();
    EXPECT_EQ(first->get("/client", {{"X-Forwarded-For", "2001:db8:1:2::1"}}).status, 200);
    // Another address of the same /64 is the same client: it takes the one place.
    auto same_network = connect();
    EXPECT_EQ(same_network->get("/client", {{"X-Forwarded-For", "2001:db8:1:2::2"}}).status, 200);
    EXPECT_TRUE(first->closed_by_peer_within(3s));
    // Another /64 has a place of its own.
    auto other_network = connect();
    EXPECT_EQ(other_network->get("/client", {{"X-Forwarded-For", "2001:db8:1:3::1"}}).status, 200);
    EXPECT_EQ(same_network->get("/client", {{"X-Forwarded-For", "2001:db8:1:2::2"}}).body,
              "2001:db8:1:2::/64");
}

TEST_F(ServerTest, ForwardedHeaderOnlyWhenChosen) {
    ServerLimits limits;
    limits.trusted_proxies = *TrustedProxies::parse("127.0.0.1");
    limits.forwarded_header = ForwardedHeader::forwarded;
    start(limits);
    auto client = connect();
    EXPECT_EQ(client
                  ->get("/client", {{"Forwarded", R"(for="[2001:db8:7:8::1]:4711";proto=http)"},
                                    {"X-Forwarded-For", "203.0.113.9"}})
                  .body,
              "2001:db8:7:8::/64");
}

TEST_F(ServerTest, ProxyProtocolNamesTheClientOfATrustedProxy) {
    ServerLimits limits;
    limits.trusted_proxies = *TrustedProxies::parse("127.0.0.1");
    limits.proxy_protocol = ServerLimits::ProxyProtocol::on;
    start(limits);
    auto client = connect();
    client->send_raw(
        "PROXY TCP6 2001:db8:5:6:7::1 ::1 1234 80\r\n"
        "GET /client HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: 203.0.113.9\r\n\r\n");
    EXPECT_EQ(client->read_response().body, "2001:db8:5:6::/64");
    EXPECT_EQ(client->get("/client").body, "2001:db8:5:6::/64");  // for the whole connection
}

TEST_F(ServerTest, ProxyProtocolFromAnUntrustedPeerIsNotHttp) {
    ServerLimits limits;
    limits.trusted_proxies = *TrustedProxies::parse("192.0.2.1");
    limits.proxy_protocol = ServerLimits::ProxyProtocol::on;
    start(limits);
    auto client = connect();
    client->send_raw("PROXY TCP4 203.0.113.9 127.0.0.1 1234 80\r\nGET / HTTP/1.1\r\n\r\n");
    EXPECT_EQ(client->read_response().status, 400);
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
