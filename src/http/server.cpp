#include "http/server.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <csignal>
#include <limits>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_set>
#include <vector>

#include "http/pending_response.hpp"
#include "http/response_head.hpp"
#include "http/security_headers.hpp"
#include "http/target.hpp"

namespace redress::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using namespace std::chrono_literals;

namespace {

constexpr auto k_use = asio::as_tuple(asio::use_awaitable);
constexpr std::chrono::seconds k_grace{5};      // for requests in flight at shutdown
constexpr std::chrono::seconds k_last_call{1};  // after the grace, before stopping hard
constexpr std::chrono::seconds k_linger{1};     // reading what a refused client still sends
constexpr std::size_t k_max_linger_bytes = 1 << 20;
constexpr std::size_t k_read_chunk = 8 * 1024;
// A body may take longer than a header: a complainant on a slow link (Tor, ~50 KB/s)
// uploading evidence near the size limit must succeed, so the body's deadline grows with
// its declared size at this rate.
constexpr std::uint64_t k_min_upload_bytes_per_second = 16 * 1024;

using Executor = asio::strand<asio::io_context::executor_type>;

std::vector<std::unique_ptr<asio::io_context>> make_io_contexts(int count) {
    std::vector<std::unique_ptr<asio::io_context>> ios;
    for (int i = 0; i < count; ++i) ios.push_back(std::make_unique<asio::io_context>(1));
    return ios;
}

void log_failure(const std::exception_ptr& failure) {
    if (!failure) return;
    try {
        std::rethrow_exception(failure);
    } catch (const std::exception& e) {
        spdlog::warn("http: a connection ended with an exception: {}", e.what());
    } catch (...) {
        spdlog::warn("http: a connection ended with an unknown exception");
    }
}

Method method_of(bhttp::verb verb) {
    switch (verb) {
        case bhttp::verb::get:
            return Method::get;
        case bhttp::verb::head:
            return Method::head;
        case bhttp::verb::post:
            return Method::post;
        default:
            return Method::other;
    }
}

// The path a client sent is attacker-controlled: keep log lines single and short.
std::string loggable(std::string_view path) {
    constexpr std::size_t k_max = 120;
    std::string out;
    out.reserve(std::min(path.size(), k_max));
    for (char c : path.substr(0, k_max)) out += (c > 0x20 && c < 0x7f) ? c : '?';
    if (path.size() > k_max) out += "...";
    return out;
}

// Read errors that deserve an answer before the connection closes; the rest (a client
// that left, a timeout, a cancel) end it quietly.
std::optional<int> status_for_read_error(const boost::system::error_code& ec) {
    if (ec == bhttp::error::header_limit) return 431;
    if (ec == bhttp::error::body_limit) return 413;
    if (ec == bhttp::error::end_of_stream || ec == bhttp::error::partial_message) return {};
    if (ec.category() == bhttp::make_error_code(bhttp::error::bad_method).category()) return 400;
    return {};
}

struct Connection : std::enable_shared_from_this<Connection> {
    Connection(tcp::socket socket, asio::ip::address remote)
        : stream(std::move(socket)), address(std::move(remote)) {}

    beast::tcp_stream stream;
    asio::ip::address address;  // for the per-address cap only; never logged
    // The members below are touched on the connection's io thread only.
    bool idle = false;  // waiting for the next request: shutdown may close it at once
    std::shared_ptr<PendingResponse> pending;
    std::string head;  // the response head being written, reused by every response
};

}  // namespace

struct Server::State {
    State(Handler& served, ServerLimits server_limits)
        : handler(served),
          limits(server_limits),
          threads(limits.threads > 0
                      ? limits.threads
                      : std::max(1, static_cast<int>(std::thread::hardware_concurrency()))),
          ios(make_io_contexts(threads)),
          control(asio::make_strand(*ios.front())),
          acceptor(control),
          grace(control) {
        for (auto& io : ios) work.push_back(asio::make_work_guard(*io));
    }

    // Declared before `ios`: connections still alive when `ios` are destroyed unregister here.
    Handler& handler;
    ServerLimits limits;
    int threads;
    std::mutex mutex;  // guards `connections` and `per_address`
    std::unordered_set<Connection*> connections;
    std::map<asio::ip::address, std::size_t> per_address;
    std::atomic<bool> stopping{false};
    std::atomic<bool> io_done{false};  // run() has returned: nothing may be posted any more
    unsigned short port = 0;

    // One io_context per thread, each run by that thread alone: a connection lives on one
    // of them, so its handlers never hop threads (a shared io_context with N threads
    // spends its time waking threads: half the throughput on 2 cores).
    std::vector<std::unique_ptr<asio::io_context>> ios;
    std::size_t next_io = 0;  // on `control`: where the next connection goes
    Executor control;         // acceptor, signals and shutdown live on this strand
    tcp::acceptor acceptor;
    std::optional<asio::signal_set> signals;
    asio::steady_timer grace;
    std::vector<asio::executor_work_guard<asio::io_context::executor_type>> work;
    bool finished = false;  // on `control`

    asio::awaitable<void> accept_loop();
    void admit(tcp::socket socket);
    void unregister(Connection& connection);
    std::vector<std::shared_ptr<Connection>> live_connections();

    asio::awaitable<void> serve(std::shared_ptr<Connection> connection);
    // GCC 12 may destroy a temporary of a co_await expression twice: coroutines here take
    // references to named objects of their caller, and every awaited operand is trivial.
    asio::awaitable<Response> call_handler(Connection& connection, Request& request);
    asio::awaitable<bool> write(Connection& connection, Response& response, unsigned version,
                                bool head, bool keep_alive);
    asio::awaitable<void> refuse(Connection& connection, int status, unsigned version);
    asio::awaitable<void> reject(std::shared_ptr<Connection> connection);

    void begin_shutdown();
    void abandon_in_flight();
    void finish();
};

asio::awaitable<void> Server::State::accept_loop() {
    while (!stopping) {
        const auto executor = ios[next_io++ % ios.size()]->get_executor();
        auto [ec, socket] = co_await acceptor.async_accept(executor, k_use);
        if (ec) {
            if (stopping || ec == asio::error::operation_aborted) co_return;
            spdlog::warn("http: accept failed: {}", ec.message());
            // Out of descriptors, typically: pause rather than spin.
            asio::steady_timer pause(control, 50ms);
            co_await pause.async_wait(k_use);
            continue;
        }
        admit(std::move(socket));
    }
}

void Server::State::admit(tcp::socket socket) {
    boost::system::error_code ec;
    const tcp::endpoint remote = socket.remote_endpoint(ec);
    if (ec) return;  // the client already left
    socket.set_option(tcp::no_delay(true), ec);
    auto connection = std::make_shared<Connection>(std::move(socket), remote.address());
    bool admitted = false;
    {
        std::lock_guard lock(mutex);
        std::size_t& from_address = per_address[connection->address];
        if (!stopping && connections.size() < limits.max_connections &&
            from_address < limits.max_connections_per_address) {
            ++from_address;
            connections.insert(connection.get());
            admitted = true;
        } else if (from_address == 0) {
            per_address.erase(connection->address);
        }
    }
    auto executor = connection->stream.get_executor();
    if (admitted) {
        asio::co_spawn(executor, serve(std::move(connection)), log_failure);
    } else {
        asio::co_spawn(executor, reject(std::move(connection)), log_failure);
    }
}

void Server::State::unregister(Connection& connection) {
    std::lock_guard lock(mutex);
    connections.erase(&connection);
    if (auto it = per_address.find(connection.address); it != per_address.end()) {
        if (--it->second == 0) per_address.erase(it);
    }
    if (stopping && connections.empty() && !io_done) {
        asio::post(control, [this] { finish(); });
    }
}

std::vector<std::shared_ptr<Connection>> Server::State::live_connections() {
    std::vector<std::shared_ptr<Connection>> live;
    std::lock_guard lock(mutex);
    live.reserve(connections.size());
    for (Connection* connection : connections) {
        if (auto alive = connection->weak_from_this().lock()) live.push_back(std::move(alive));
    }
    return live;
}

asio::awaitable<void> Server::State::serve(std::shared_ptr<Connection> connection) {
    struct Unregister {
        State& state;
        Connection& connection;
        ~Unregister() { state.unregister(connection); }
    } unregister_at_exit{*this, *connection};

    auto& stream = connection->stream;
    beast::flat_buffer buffer;  // one per connection, reused by every request
    std::size_t served = 0;
    for (;;) {
        if (buffer.size() == 0) {  // nothing pipelined: wait for the client's next request
            if (stopping) break;
            connection->idle = true;
            stream.expires_after(served == 0 ? limits.read_timeout : limits.idle_timeout);
            auto [ec, bytes] = co_await stream.async_read_some(buffer.prepare(k_read_chunk), k_use);
            connection->idle = false;
            if (ec) break;  // the client left, stayed idle too long, or shutdown closed it
            buffer.commit(bytes);
        }
        // One deadline for the whole header: a client trickling bytes gains nothing.
        stream.expires_after(limits.read_timeout);
        const auto started = std::chrono::steady_clock::now();
        bhttp::request_parser<bhttp::string_body> parser;
        parser.header_limit(static_cast<std::uint32_t>(std::min<std::size_t>(
            limits.max_header_bytes, std::numeric_limits<std::uint32_t>::max())));
        parser.body_limit(static_cast<std::uint64_t>(limits.max_body_bytes));
        if (auto [ec, bytes] = co_await bhttp::async_read_header(stream, buffer, parser, k_use);
            ec) {
            if (auto status = status_for_read_error(ec)) co_await refuse(*connection, *status, 11);
            break;
        }
        const unsigned version = parser.get().version();
        const auto length = parser.content_length();
        if (length && *length > limits.max_body_bytes) {  // refused before a byte is buffered
            co_await refuse(*connection, 413, version);
            break;
        }
        if (!parser.is_done()) {
            if (beast::iequals(parser.get()[bhttp::field::expect], "100-continue") &&
                version >= 11) {
                static constexpr std::string_view k_continue = "HTTP/1.1 100 Continue\r\n\r\n";
                auto [ec, bytes] =
                    co_await asio::async_write(stream, asio::buffer(k_continue), k_use);
                if (ec) break;
            }
            const std::uint64_t declared = length.value_or(limits.max_body_bytes);
            stream.expires_after(limits.read_timeout +
                                 std::chrono::seconds(declared / k_min_upload_bytes_per_second));
            if (auto [ec, bytes] = co_await bhttp::async_read(stream, buffer, parser, k_use); ec) {
                if (auto status = status_for_read_error(ec)) {
                    co_await refuse(*connection, *status, version);
                }
                break;
            }
        }

        bhttp::request<bhttp::string_body> message = parser.release();
        auto target = parse_target(std::string_view(message.target()));
        if (!target) {
            co_await refuse(*connection, 400, version);
            break;
        }
        ++served;
        const bool client_keeps_alive = message.keep_alive();
        Request request;
        request.method = method_of(message.method());
        request.target = std::string(message.target());
        request.path = std::move(target->path);
        request.query = std::move(target->query);
        for (const auto& field : message) {
            request.headers.add(std::string(field.name_string()), std::string(field.value()));
        }
        request.body = std::move(message.body());
        request.client_address = connection->address.to_string();
        const Method method = request.method;
        std::string path_for_log;
        if (spdlog::should_log(spdlog::level::debug)) path_for_log = loggable(request.path);

        Response response = co_await call_handler(*connection, request);
        if (response.delay.count() > 0) {
            asio::steady_timer hold(stream.get_executor(), response.delay);
            co_await hold.async_wait(k_use);
        }
        const int status = response.status;
        // Decided after the handler: a shutdown that began meanwhile closes the connection.
        const bool keep_alive =
            client_keeps_alive && !stopping && served < limits.max_requests_per_connection;
        const bool written =
            co_await write(*connection, response, version, method == Method::head, keep_alive);
        if (spdlog::should_log(spdlog::level::debug)) {
            const std::chrono::duration<double, std::milli> took =
                std::chrono::steady_clock::now() - started;
            spdlog::debug("http: {} {} {} {:.2f} ms", method_name(method), path_for_log, status,
                          took.count());
        }
        if (!written || !keep_alive) break;
    }
    boost::system::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
}

asio::awaitable<Response> Server::State::call_handler(Connection& connection, Request& request) {
    auto pending = std::make_shared<PendingResponse>();
    try {
        handler.handle(std::move(request), make_responder(pending));
    } catch (const std::exception& e) {
        spdlog::warn("http: a handler threw: {}", e.what());
        pending->deliver(Response::text(500, std::string(reason_phrase(500))));
    }
    if (auto reply = pending->take_delivered()) co_return realize(std::move(*reply));

    // The handler answers later, maybe from another thread: suspend without holding an io
    // thread, and resume on this connection's io thread.
    connection.pending = pending;
    Response response =
        co_await asio::async_initiate<const asio::use_awaitable_t<>, void(Response)>(
            [waiting = pending.get()](auto resume) {
                waiting->on_delivery([resume = std::move(resume)](Reply delivered) mutable {
                    auto executor = asio::get_associated_executor(resume);
                    // A Render runs here, on the connection's thread, not the deliverer's.
                    asio::post(executor, [resume = std::move(resume),
                                          delivered = std::move(delivered)]() mutable {
                        resume(realize(std::move(delivered)));
                    });
                });
            },
            asio::use_awaitable);
    connection.pending.reset();
    co_return response;
}

asio::awaitable<bool> Server::State::write(Connection& connection, Response& response,
                                           unsigned version, bool head, bool keep_alive) {
    add_security_headers(response);
    if (response.status < 100 || response.status > 999) response.status = 500;  // a bug
    if (!write_response_head(response, version, keep_alive, connection.head)) {
        // Header injection through a value built from input is a bug in the handler.
        spdlog::warn("http: a handler set an invalid header name or value; answering 500");
        Response failure = Response::text(500, std::string(reason_phrase(500)));
        co_return co_await write(connection, failure, version, head, false);
    }
    const bool with_body = !head && status_allows_body(response.status);
    const std::array<asio::const_buffer, 2> buffers{
        asio::buffer(connection.head),
        with_body ? asio::const_buffer(response.body.data(), response.body.size())
                  : asio::const_buffer()};
    connection.stream.expires_after(limits.read_timeout);
    auto [ec, bytes] = co_await asio::async_write(connection.stream, buffers, k_use);
    co_return !ec;
}

asio::awaitable<void> Server::State::refuse(Connection& connection, int status, unsigned version) {
    auto& stream = connection.stream;
    Response refusal = Response::text(status, std::string(reason_phrase(status)));
    co_await write(connection, refusal, version, false, false);
    boost::system::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    // Closing with unread input would reset the connection and could destroy the answer
    // before the client reads it; read (and drop) what it still sends, briefly.
    stream.expires_after(k_linger);
    beast::flat_buffer scratch;
    for (std::size_t drained = 0; drained < k_max_linger_bytes;) {
        auto [ec, bytes] = co_await stream.async_read_some(scratch.prepare(k_read_chunk), k_use);
        if (ec) break;
        drained += bytes;
    }
    stream.close();
}

asio::awaitable<void> Server::State::reject(std::shared_ptr<Connection> connection) {
    co_await refuse(*connection, 503, 11);
}

void Server::State::begin_shutdown() {
    if (stopping.exchange(true)) return;
    spdlog::info("http: stopping; letting requests in progress finish");
    boost::system::error_code ignored;
    acceptor.close(ignored);
    if (signals) signals->cancel(ignored);
    const auto live = live_connections();
    for (const auto& connection : live) {
        asio::post(connection->stream.get_executor(), [connection] {
            if (connection->idle) connection->stream.cancel();
        });
    }
    if (live.empty()) {
        finish();
        return;
    }
    grace.expires_after(k_grace);
    grace.async_wait([this](const boost::system::error_code& ec) {
        if (!ec) abandon_in_flight();
    });
}

void Server::State::abandon_in_flight() {
    if (finished) return;
    spdlog::warn("http: requests still in progress after {} s; closing their connections",
                 k_grace.count());
    for (const auto& connection : live_connections()) {
        asio::post(connection->stream.get_executor(), [connection] {
            connection->stream.close();
            if (connection->pending) {
                connection->pending->deliver(Response::text(503, std::string(reason_phrase(503))));
            }
        });
    }
    grace.expires_after(k_last_call);
    grace.async_wait([this](const boost::system::error_code& ec) {
        if (ec) return;
        for (auto& io : ios) io->stop();
    });
}

void Server::State::finish() {
    if (finished) return;
    finished = true;
    grace.cancel();
    work.clear();
}

Server::Server(Handler& handler, ServerLimits limits)
    : m_state(std::make_unique<State>(handler, limits)) {}

Server::~Server() = default;

util::Expected<void> Server::listen(const std::string& address, unsigned short port) {
    State& state = *m_state;
    boost::system::error_code ec;
    tcp::resolver resolver(*state.ios.front());
    const auto endpoints =
        resolver.resolve(address, std::to_string(port), tcp::resolver::passive, ec);
    if (ec || endpoints.empty()) {
        return util::fail(
            util::ErrorCode::invalid_input,
            fmt::format("cannot resolve listen address {}: {}", address, ec.message()));
    }
    const tcp::endpoint endpoint = endpoints.begin()->endpoint();
    auto failed = [&](std::string_view what) {
        boost::system::error_code ignored;
        state.acceptor.close(ignored);
        return util::fail(util::ErrorCode::unavailable,
                          fmt::format("cannot {} {}:{}: {}", what, address, port, ec.message()));
    };
    if (state.acceptor.open(endpoint.protocol(), ec); ec) return failed("open");
    if (state.acceptor.set_option(asio::socket_base::reuse_address(true), ec); ec) {
        return failed("configure");
    }
    if (state.acceptor.bind(endpoint, ec); ec) return failed("bind");
    if (state.acceptor.listen(asio::socket_base::max_listen_connections, ec); ec) {
        return failed("listen on");
    }
    state.port = state.acceptor.local_endpoint(ec).port();
    return {};
}

unsigned short Server::port() const {
    return m_state->port;
}

void Server::run(Signals signals, const std::function<void()>& on_ready) {
    State& state = *m_state;
    if (state.acceptor.is_open()) asio::co_spawn(state.control, state.accept_loop(), log_failure);
    if (signals == Signals::handle) {
        state.signals.emplace(state.control, SIGINT, SIGTERM);
        state.signals->async_wait([&state](const boost::system::error_code& ec, int) {
            if (!ec) state.begin_shutdown();
        });
    }
    // Signals are caught from here on, so a supervisor told "ready" may stop us cleanly.
    if (on_ready) on_ready();
    auto run_io = [](asio::io_context& io) {
        for (;;) {
            try {
                io.run();
                return;
            } catch (const std::exception& e) {
                spdlog::warn("http: an io handler threw: {}", e.what());
            }
        }
    };
    std::vector<std::jthread> pool;
    for (std::size_t i = 1; i < state.ios.size(); ++i)
        pool.emplace_back(run_io, std::ref(*state.ios[i]));
    run_io(*state.ios.front());
    pool.clear();  // joins
    state.io_done = true;
}

void Server::stop() {
    asio::post(m_state->control, [state = m_state.get()] { state->begin_shutdown(); });
}

}  // namespace redress::http
