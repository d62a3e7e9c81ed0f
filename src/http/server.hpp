#pragma once
// The HTTP/1.1 server (Boost.Beast with C++20 coroutines). It owns sockets, timeouts and
// limits, and hands each request to a Handler; it adds the security headers of
// security_headers.hpp to every response. Slow clients are cut by deadlines (head, whole
// request) and by minimum data rates (body, response); when connections run out, the least
// valuable one makes room (admission.hpp), so that slow clients cannot hold the server.

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "http/client_address.hpp"
#include "http/message.hpp"
#include "util/error.hpp"

namespace redress::http {

struct ServerLimits {
    std::size_t max_header_bytes = 16 * 1024;  // larger: 431
    std::size_t max_body_bytes = 1024 * 1024;  // larger: 413, refused before buffering
    std::chrono::seconds read_timeout{30};     // to read one request once it started
    std::chrono::seconds header_timeout{10};   // to send a request head (and a first byte)
    std::chrono::seconds idle_timeout{60};     // kept-alive connection with no request
    // A body must arrive, and a response be taken, at these rates (0: no minimum); a
    // transfer may fall up to `min_rate_window` behind before it is cut, so a stall on a
    // slow link (Tor) survives while a trickle of a byte now and then does not.
    std::size_t min_body_bytes_per_second = 1024;
    std::size_t min_send_bytes_per_second = 1024;
    std::chrono::seconds min_rate_window{20};
    std::size_t max_requests_per_connection = 10000;
    std::size_t max_connections_per_address = 256;  // full: the least valuable one goes
    std::size_t max_connections = 4096;             // likewise
    // Only from these peers is a client address taken from a header or PROXY protocol.
    TrustedProxies trusted_proxies;
    ForwardedHeader forwarded_header = ForwardedHeader::x_forwarded_for;
    enum class ProxyProtocol { off, on };  // on: trusted proxies send a PROXY header first
    ProxyProtocol proxy_protocol = ProxyProtocol::off;
    int threads = 0;  // 0: one per core
    // Where multipart uploads to routes that take them are spooled as they arrive (the
    // server's own folder: it is cleared at start); empty: no route takes uploads.
    std::string upload_folder;
};

class Server {
  public:
    // `handler` is borrowed and must outlive the server.
    Server(Handler& handler, ServerLimits limits);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    // Binds and listens; port 0 picks a free port. Fails (unavailable) when it cannot bind.
    util::Expected<void> listen(const std::string& address, unsigned short port);
    unsigned short port() const;  // the bound port, after listen()

    // Serves until SIGTERM or SIGINT (with Signals::handle) or stop(); then stops
    // accepting, lets requests in progress finish (a few seconds at most) and returns.
    // `on_ready` runs once the server accepts and, with Signals::handle, catches signals.
    enum class Signals { handle, ignore };
    void run(Signals signals, const std::function<void()>& on_ready = {});
    void stop();  // safe from any thread

  private:
    struct State;
    std::unique_ptr<State> m_state;
};

}  // namespace redress::http
