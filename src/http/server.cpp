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
#include <boost/beast/core/buffers_suffix.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/file_body.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <csignal>
#include <limits>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "http/admission.hpp"
#include "http/pace.hpp"
#include "http/pending_response.hpp"
#include "http/proxy_protocol.hpp"
#include "http/response_head.hpp"
#include "http/security_headers.hpp"
#include "http/spooled_body.hpp"
#include "http/target.hpp"
#include "util/thread_name.hpp"

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

IpAddress ip_address_of(const asio::ip::address& address) {
    if (address.is_v4()) return IpAddress::from_v4(address.to_v4().to_uint());
    IpAddress converted;
    const auto bytes = address.to_v6().to_bytes();
    std::copy(bytes.begin(), bytes.end(), converted.bytes.begin());
    return converted;
}

// The values of every `name` field, joined as one list.
std::string joined_fields(const bhttp::fields& message, std::string_view name) {
    std::string joined;
    for (auto [it, end] = message.equal_range(name); it != end; ++it) {
        if (!joined.empty()) joined += ',';
        joined.append(it->value().data(), it->value().size());
    }
    return joined;
}

using RequestParser = bhttp::request_parser<bhttp::string_body>;
using UploadParser = bhttp::request_parser<bhttp::file_body>;

bool multipart_form(const bhttp::fields& head) {
    const std::string_view type = head[bhttp::field::content_type];
    return beast::iequals(type.substr(0, std::min(type.size(), type.find(';'))),
                          "multipart/form-data");
}

struct Connection : ConnectionActivity, std::enable_shared_from_this<Connection> {
    Connection(tcp::socket socket, bool via_trusted_proxy)
        : stream(std::move(socket)), from_trusted_proxy(via_trusted_proxy) {}

    beast::tcp_stream stream;
    const bool from_trusted_proxy;
    // Made to give way to a newcomer: close after the response under way, if any.
    std::atomic<bool> evicted{false};
    // The members below are touched on the connection's io thread only (after admission).
    std::string client;  // the group of its address (client_address.hpp); never logged
    bool client_from_proxy_header = false;
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
    std::mutex mutex;  // guards `admission`
    Admission admission{limits.max_connections, limits.max_connections_per_address};
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
    // Under `mutex`: marks the connection chosen to give way, for evict().
    static std::shared_ptr<Connection> chosen(ConnectionActivity* victim);
    static void evict(std::shared_ptr<Connection> victim);
    void set_client(Connection& connection, std::string group);
    std::chrono::seconds head_timeout() const {
        return std::min(limits.header_timeout, limits.read_timeout);
    }

    asio::awaitable<void> serve(std::shared_ptr<Connection> connection);
    asio::awaitable<bool> read_proxy_header(Connection& connection, beast::flat_buffer& buffer);
    template <class Parser>
    asio::awaitable<boost::system::error_code> read_body(Connection& connection,
                                                         beast::flat_buffer& buffer, Parser& parser,
                                                         std::uint64_t declared);
    // Answers "100 Continue" when the client waits for it; false when the client left.
    asio::awaitable<bool> allow_continue(Connection& connection, const bhttp::fields& head,
                                         unsigned version);
    // The body of an upload into a new file of the upload folder; null when it could not be
    // read (`status`: what to answer, 0 for nothing).
    asio::awaitable<std::shared_ptr<SpooledBody>> spool_body(Connection& connection,
                                                             beast::flat_buffer& buffer,
                                                             RequestParser& parser,
                                                             std::uint64_t limit, int& status);
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
    const IpAddress peer = ip_address_of(remote.address());
    const bool via_proxy = limits.trusted_proxies.contains(peer);
    auto connection = std::make_shared<Connection>(std::move(socket), via_proxy);
    // A trusted proxy speaks for many clients: its connections count in the total only
    // until a request (or PROXY header) names the client.
    connection->client = via_proxy ? k_unknown_client : address_group(peer);
    Admission::Verdict verdict;
    std::shared_ptr<Connection> victim;
    {
        std::lock_guard lock(mutex);
        if (!stopping) verdict = admission.admit(*connection, connection->client);
        victim = chosen(verdict.evict);
    }
    if (victim) evict(std::move(victim));
    auto executor = connection->stream.get_executor();
    if (verdict.admitted) {
        asio::co_spawn(executor, serve(std::move(connection)), log_failure);
    } else {
        asio::co_spawn(executor, reject(std::move(connection)), log_failure);
    }
}

std::shared_ptr<Connection> Server::State::chosen(ConnectionActivity* victim) {
    if (victim == nullptr) return nullptr;
    auto& connection = static_cast<Connection&>(*victim);
    connection.evicted = true;
    return connection.weak_from_this().lock();
}

void Server::State::evict(std::shared_ptr<Connection> victim) {
    auto executor = victim->stream.get_executor();
    asio::post(executor, [victim = std::move(victim)] {
        // A request being handled finishes; the connection closes after its response.
        if (victim->phase.load(std::memory_order_relaxed) != Phase::handling) {
            victim->stream.close();
        }
    });
}

void Server::State::set_client(Connection& connection, std::string group) {
    if (group == connection.client) return;
    connection.client = std::move(group);
    std::shared_ptr<Connection> victim;
    {
        std::lock_guard lock(mutex);
        victim = chosen(admission.regroup(connection, connection.client));
    }
    if (victim) evict(std::move(victim));
}

void Server::State::unregister(Connection& connection) {
    std::lock_guard lock(mutex);
    admission.leave(connection);
    if (stopping && admission.empty() && !io_done) {
        asio::post(control, [this] { finish(); });
    }
}

std::vector<std::shared_ptr<Connection>> Server::State::live_connections() {
    std::vector<std::shared_ptr<Connection>> live;
    std::lock_guard lock(mutex);
    admission.for_each([&](ConnectionActivity& activity) {
        if (auto alive = static_cast<Connection&>(activity).weak_from_this().lock()) {
            live.push_back(std::move(alive));
        }
    });
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
    bool open = true;
    if (connection->from_trusted_proxy &&
        limits.proxy_protocol == ServerLimits::ProxyProtocol::on) {
        stream.expires_after(head_timeout());
        open = co_await read_proxy_header(*connection, buffer);
    }
    while (open) {
        if (buffer.size() == 0) {  // nothing pipelined: wait for the client's next request
            if (stopping) break;
            // A first request is due at once (a connection that sends nothing holds a place
            // for nothing); a kept-alive one may wait.
            if (served > 0) connection->enter(Phase::idle);
            stream.expires_after(served == 0 ? head_timeout() : limits.idle_timeout);
            auto [ec, bytes] = co_await stream.async_read_some(buffer.prepare(k_read_chunk), k_use);
            if (ec) break;  // the client left, stayed idle too long, or shutdown closed it
            buffer.commit(bytes);
        }
        // One deadline for the whole head: a client trickling bytes gains nothing.
        connection->enter(Phase::head);
        stream.expires_after(head_timeout());
        const auto started = std::chrono::steady_clock::now();
        RequestParser parser;
        parser.header_limit(static_cast<std::uint32_t>(std::min<std::size_t>(
            limits.max_header_bytes, std::numeric_limits<std::uint32_t>::max())));
        // Which limit a body has is known only once the head says where it goes (an upload
        // route takes more); the parser would refuse a declared length over its limit while
        // still reading the head, so the limit is set, and a declared length checked, after.
        parser.body_limit(std::numeric_limits<std::uint64_t>::max());
        if (auto [ec, bytes] = co_await bhttp::async_read_header(stream, buffer, parser, k_use);
            ec) {
            if (auto status = status_for_read_error(ec)) co_await refuse(*connection, *status, 11);
            break;
        }
        const auto& head = parser.get();
        const unsigned version = head.version();
        auto target = parse_target(std::string_view(head.target()));
        if (!target) {
            co_await refuse(*connection, 400, version);
            break;
        }
        const Method method = method_of(head.method());
        // A multipart form to a route that takes uploads is spooled to disk, under that
        // route's limit; every other body is read into memory, under the server's.
        const std::optional<std::uint64_t> upload_limit =
            !limits.upload_folder.empty() && multipart_form(head)
                ? handler.upload_limit(method, target->path)
                : std::nullopt;
        const std::uint64_t body_limit = upload_limit.value_or(limits.max_body_bytes);
        parser.body_limit(body_limit);  // a chunked body is held to it as it arrives
        const auto length = parser.content_length();
        if (length && *length > body_limit) {  // refused before a byte is buffered
            co_await refuse(*connection, 413, version);
            break;
        }
        ++served;
        const bool client_keeps_alive = head.keep_alive();
        Request request;
        request.method = method;
        request.target = std::string(head.target());
        request.path = std::move(target->path);
        request.query = std::move(target->query);
        for (const auto& field : head) {
            request.headers.add(std::string(field.name_string()), std::string(field.value()));
        }
        if (connection->from_trusted_proxy && !connection->client_from_proxy_header &&
            limits.forwarded_header != ForwardedHeader::none) {
            const auto forwarded = forwarded_client(
                joined_fields(parser.get(), limits.forwarded_header == ForwardedHeader::forwarded
                                                ? "Forwarded"
                                                : "X-Forwarded-For"),
                limits.forwarded_header, limits.trusted_proxies);
            set_client(*connection, forwarded ? address_group(*forwarded) : k_unknown_client);
        }
        if (upload_limit) {
            int status = 0;
            request.upload =
                co_await spool_body(*connection, buffer, parser, *upload_limit, status);
            if (!request.upload) {
                if (status != 0) co_await refuse(*connection, status, version);
                break;
            }
        } else if (!parser.is_done()) {
            if (!co_await allow_continue(*connection, head, version)) break;
            const std::uint64_t declared = length.value_or(limits.max_body_bytes);
            if (const auto ec = co_await read_body(*connection, buffer, parser, declared); ec) {
                if (auto status = status_for_read_error(ec)) {
                    co_await refuse(*connection, *status, version);
                }
                break;
            }
        }
        if (!request.upload) request.body = std::move(parser.get().body());
        request.client_address = connection->client;
        std::string path_for_log;
        if (spdlog::should_log(spdlog::level::debug)) path_for_log = loggable(request.path);

        connection->enter(Phase::handling);
        Response response = co_await call_handler(*connection, request);
        if (response.delay.count() > 0) {
            // A response held back (to slow a guesser) is no longer being handled: like
            // one being written, it may give way to a newcomer when the server is full.
            connection->enter(Phase::writing);
            asio::steady_timer hold(stream.get_executor(), response.delay);
            co_await hold.async_wait(k_use);
        }
        const int status = response.status;
        // Decided after the handler: a shutdown that began meanwhile, or a newcomer that
        // took this connection's place, closes the connection.
        const bool keep_alive = client_keeps_alive && !stopping && !connection->evicted &&
                                served < limits.max_requests_per_connection;
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

asio::awaitable<bool> Server::State::read_proxy_header(Connection& connection,
                                                       beast::flat_buffer& buffer) {
    for (;;) {
        const std::string_view seen(static_cast<const char*>(buffer.data().data()), buffer.size());
        const ProxyHeader header = parse_proxy_header(seen);
        if (header.status == ProxyHeader::Status::invalid) co_return false;
        if (header.status == ProxyHeader::Status::complete) {
            buffer.consume(header.length);
            if (header.client) {
                connection.client_from_proxy_header = true;
                set_client(connection, address_group(*header.client));
            }
            co_return true;
        }
        auto [ec, bytes] =
            co_await connection.stream.async_read_some(buffer.prepare(k_read_chunk), k_use);
        if (ec) co_return false;
        buffer.commit(bytes);
    }
}

asio::awaitable<bool> Server::State::allow_continue(Connection& connection,
                                                    const bhttp::fields& head, unsigned version) {
    if (version < 11 || !beast::iequals(head[bhttp::field::expect], "100-continue")) co_return true;
    static constexpr std::string_view k_continue = "HTTP/1.1 100 Continue\r\n\r\n";
    auto [ec, bytes] =
        co_await asio::async_write(connection.stream, asio::buffer(k_continue), k_use);
    co_return !ec;
}

asio::awaitable<std::shared_ptr<SpooledBody>> Server::State::spool_body(Connection& connection,
                                                                        beast::flat_buffer& buffer,
                                                                        RequestParser& parser,
                                                                        std::uint64_t limit,
                                                                        int& status) {
    const auto length = parser.content_length();
    UploadParser upload(std::move(parser));
    upload.body_limit(limit);
    const auto path = new_spool_path(limits.upload_folder);
    beast::error_code opened;
    upload.get().body().open(path.c_str(), beast::file_mode::write_new, opened);
    if (opened) {
        spdlog::error("http: cannot spool an upload: {}", opened.message());
        status = 503;
        co_return nullptr;
    }
    // Made now, so that the file goes whatever happens next.
    auto spooled = std::make_shared<SpooledBody>(path, 0);
    if (!upload.is_done()) {
        if (!co_await allow_continue(connection, upload.get(), upload.get().version())) {
            co_return nullptr;
        }
        const std::uint64_t declared = length.value_or(limit);
        if (const auto ec = co_await read_body(connection, buffer, upload, declared); ec) {
            status = status_for_read_error(ec).value_or(0);
            co_return nullptr;
        }
    }
    auto message = upload.release();
    beast::error_code closed;
    const std::uint64_t size = message.body().file().size(closed);
    message.body().close();
    if (closed) {
        status = 503;
        co_return nullptr;
    }
    spooled->set_size(size);
    co_return spooled;
}

template <class Parser>
asio::awaitable<boost::system::error_code> Server::State::read_body(Connection& connection,
                                                                    beast::flat_buffer& buffer,
                                                                    Parser& parser,
                                                                    std::uint64_t declared) {
    connection.enter(Phase::body);
    const auto begun = Pace::Clock::now();
    // The whole body within a deadline that grows with its size (slow but steady uploads
    // succeed), and at no time far behind the minimum rate (a trickle is cut early).
    const auto whole = begun + limits.read_timeout +
                       std::chrono::seconds(declared / k_min_upload_bytes_per_second);
    Pace pace(limits.min_body_bytes_per_second, limits.min_rate_window, begun);
    while (!parser.is_done()) {
        connection.stream.expires_at(std::min(whole, pace.deadline()));
        auto [ec, bytes] =
            co_await bhttp::async_read_some(connection.stream, buffer, parser, k_use);
        if (ec) co_return ec;
        connection.moved(bytes);
        pace.moved(bytes, Pace::Clock::now());
    }
    co_return boost::system::error_code{};
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
    // Like a body: a deadline for the whole, and a minimum rate against slow readers.
    connection.enter(Phase::writing);
    const auto begun = Pace::Clock::now();
    const auto whole =
        begun + limits.read_timeout +
        std::chrono::seconds(beast::buffer_bytes(buffers) / k_min_upload_bytes_per_second);
    Pace pace(limits.min_send_bytes_per_second, limits.min_rate_window, begun);
    beast::buffers_suffix<std::array<asio::const_buffer, 2>> rest(buffers);
    while (beast::buffer_bytes(rest) > 0) {
        connection.stream.expires_at(std::min(whole, pace.deadline()));
        auto [ec, bytes] = co_await connection.stream.async_write_some(rest, k_use);
        if (ec) co_return false;
        rest.consume(bytes);
        connection.moved(bytes);
        pace.moved(bytes, Pace::Clock::now());
    }
    co_return true;
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
            const Phase phase = connection->phase.load(std::memory_order_relaxed);
            if (phase == Phase::opening || phase == Phase::idle) connection->stream.cancel();
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
    for (std::size_t i = 1; i < state.ios.size(); ++i) {
        pool.emplace_back([&run_io, &io = *state.ios[i]] {
            util::name_this_thread("http");
            run_io(io);
        });
    }
    run_io(*state.ios.front());
    pool.clear();  // joins
    state.io_done = true;
}

void Server::stop() {
    asio::post(m_state->control, [state = m_state.get()] { state->begin_shutdown(); });
}

}  // namespace redress::http
